package org.pyeongga.contest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One contest with its fields and award tiers, as its owner and (once open) the public see it. */
public record ContestView(long id, long ownerInstitutionId, String ownerName, ContestKind kind, @Nullable String template,
        String titleKo, String titleEn, int year, @Nullable Integer half, String periodKo, String periodEn,
        Eligibility eligible, Set<EntryChannel> channels, @Nullable Instant entriesOpenAt, @Nullable Instant entriesCloseAt,
        Phase phase, String descriptionKo, String descriptionEn, List<ContestField> fields, List<ContestTier> tiers,
        String createdBy, Instant createdAt) {

    public ContestView {
        channels = Set.copyOf(channels);
        fields = List.copyOf(fields);
        tiers = List.copyOf(tiers);
    }

    public String title(String language) {
        return "en".equals(language) ? titleEn : titleKo;
    }

    public String period(String language) {
        return "en".equals(language) ? periodEn : periodKo;
    }

    public String description(String language) {
        return "en".equals(language) ? descriptionEn : descriptionKo;
    }

    public boolean accepts(EntryChannel channel) {
        return channels.contains(channel);
    }

    /** True while entries are taken: the contest is OPEN and {@code now} is inside the window (open ≤ now < close). */
    public boolean takingEntries(Instant now) {
        return phase == Phase.OPEN && entriesOpenAt != null && entriesCloseAt != null && !now.isBefore(entriesOpenAt)
                && now.isBefore(entriesCloseAt);
    }

    public Optional<ContestField> field(String code) {
        return fields.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    public Optional<ContestTier> tier(String code) {
        return tiers.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** How many are awarded over all tiers (e.g. 5 for 최우수 1 / 우수 2 / 장려 2). */
    public int awardTotal() {
        return tiers.stream().mapToInt(ContestTier::awardCount).sum();
    }
}
