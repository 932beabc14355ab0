package org.pyeongga.contest;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An entry as its contest's managers (and its submitter) see it. A citizen's nomination shows the reason and the
 * nominee, never anything about the citizen (the voter key stays in the database).
 */
public record EntryView(long id, long contestId, long ownerInstitutionId, EntryChannel channel, @Nullable String fieldCode,
        String title, String summary, @Nullable Long departmentId, @Nullable String departmentName,
        @Nullable Long submittedByUserId, @Nullable String submittedByName, @Nullable String nominationReason,
        EntryStatus status, @Nullable ExclusionReason exclusionReason, @Nullable String checkNote,
        @Nullable String checkedBy, @Nullable Instant checkedAt, @Nullable Long duplicateOf, Instant submittedAt,
        List<EntryPerson> people, List<Attachment> attachments) {

    public EntryView {
        people = List.copyOf(people);
        attachments = List.copyOf(attachments);
    }

    /** An evidence file's description (the content is fetched on its own). */
    public record Attachment(int position, String fileName, String contentType, int sizeBytes) {}
}
