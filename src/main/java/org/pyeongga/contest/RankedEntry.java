package org.pyeongga.contest;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One finalist in the final ranking: final score (0–100), rank (1 = best, ties resolved by the formula's tie rule, so
 * ranks are distinct), the proposed award tier (from the contest's tiers and their counts; null beyond them) and the
 * explanation: each component's raw value, its value scaled to 0–100, its weight and the points it gives.
 */
public record RankedEntry(long entryId, BigDecimal finalScore, int rank, @Nullable Integer proposedTierRank,
        List<ComponentValue> explanation, String title, @Nullable String tierCode, @Nullable String tierNameKo,
        @Nullable String tierNameEn, int formulaVersion) {

    public RankedEntry {
        explanation = List.copyOf(explanation);
    }

    public record ComponentValue(String code, String nameKo, String nameEn, BigDecimal raw, BigDecimal scaled, BigDecimal weight,
            BigDecimal points) {}
}
