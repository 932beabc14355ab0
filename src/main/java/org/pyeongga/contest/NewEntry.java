package org.pyeongga.contest;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A case a department submits or a staff member applies with: field, title, description, the people involved with
 * their shares (adding up to 100) and optional evidence files.
 */
public record NewEntry(@Nullable String fieldCode, String title, String summary, List<Person> people, List<Evidence> evidence) {

    public NewEntry {
        people = List.copyOf(people);
        evidence = List.copyOf(evidence);
    }

    /** A person involved: a staff account (userId) or just a name, their department, job title and share in %. */
    public record Person(@Nullable Long userId, String name, @Nullable Long departmentId, String jobTitle, BigDecimal sharePercent) {}

    /** An evidence file (증빙자료): at most {@link Entries#MAX_FILES} per entry, each up to {@link Entries#MAX_FILE_BYTES}. */
    public record Evidence(String fileName, String contentType, byte[] content) {}
}
