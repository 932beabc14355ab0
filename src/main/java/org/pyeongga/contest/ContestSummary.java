package org.pyeongga.contest;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A contest in a list. */
public record ContestSummary(long id, long ownerInstitutionId, String ownerName, ContestKind kind, String titleKo,
        String titleEn, int year, @Nullable Integer half, Phase phase, @Nullable Instant entriesOpenAt,
        @Nullable Instant entriesCloseAt, int entryCount) {

    public String title(String language) {
        return "en".equals(language) ? titleEn : titleKo;
    }
}
