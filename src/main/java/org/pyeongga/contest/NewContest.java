package org.pyeongga.contest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A contest to set up (by hand or from a {@link ContestTemplate}): who owns it, its kind and period, who may enter and
 * how, the entry window (may be set later, before opening), the fields (분야) and the award tiers with counts.
 *
 * @param half 1 상반기, 2 하반기, or null when the contest is not half-yearly
 */
public record NewContest(long ownerInstitutionId, ContestKind kind, String titleKo, String titleEn, int year,
        @Nullable Integer half, String periodKo, String periodEn, Eligibility eligible, Set<EntryChannel> channels,
        @Nullable Instant entriesOpenAt, @Nullable Instant entriesCloseAt, String descriptionKo, String descriptionEn,
        List<ContestField> fields, List<ContestTier> tiers) {

    public NewContest {
        channels = Set.copyOf(channels);
        fields = List.copyOf(fields);
        tiers = List.copyOf(tiers);
    }
}
