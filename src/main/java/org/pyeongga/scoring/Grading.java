package org.pyeongga.scoring;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Applies a {@link GradeRule} to one group's order: positions 1…n, their ranks (ties share one) and totals. */
final class Grading {

    /** Whether the unit at a position reaches a minimum total (cut-offs). */
    interface Totals {
        boolean reaches(int position, BigDecimal minimum);
    }

    private Grading() {}

    /** The label at each position (index 0 = position 1), null where the rule gives none. */
    static @Nullable String[] labels(GradeRule rule, String group, int[] rankAtPosition, Totals totals) {
        int n = rankAtPosition.length;
        String[] labels = new String[n];
        switch (rule) {
            case GradeRule.None none -> { }
            case GradeRule.PercentileBands bands -> {
                int[] upTo = cumulativeCounts(bands, n);
                for (int p = 0; p < n; p++) {
                    int band = 0;
                    while (p + 1 > upTo[band]) {
                        band++;
                    }
                    labels[p] = bands.bands().get(band).label();
                }
                if (bands.tiesTakeBetterGrade()) {
                    shareBestLabelWithinTies(labels, rankAtPosition);
                }
            }
            case GradeRule.Quotas quotas -> {
                int count = Math.min(quotas.perGroup().getOrDefault(group, 0), n);
                for (int p = 0; p < n; p++) {
                    labels[p] = p < count ? quotas.winner() : quotas.others();
                }
                if (quotas.tiesTakeBetterGrade() && count > 0) {
                    for (int p = count; p < n && rankAtPosition[p] == rankAtPosition[count - 1]; p++) {
                        labels[p] = quotas.winner();
                    }
                }
            }
            case GradeRule.Cutoffs cutoffs -> {
                for (int p = 0; p < n; p++) {
                    labels[p] = cutoffs.below();
                    for (GradeRule.Cut cut : cutoffs.cuts()) {
                        if (totals.reaches(p, cut.minimum())) {
                            labels[p] = cut.label();
                            break;
                        }
                    }
                }
            }
            case GradeRule.Layers layers -> {
                for (int i = layers.layers().size() - 1; i >= 0; i--) {
                    String[] layer = labels(layers.layers().get(i), group, rankAtPosition, totals);
                    for (int p = 0; p < n; p++) {
                        if (layer[p] != null) {
                            labels[p] = layer[p];
                        }
                    }
                }
            }
        }
        return labels;
    }

    /**
     * How many positions each band reaches: round(f·n) with the rule's rounding, kept within 0…n and never below the
     * band before; the last band always reaches n. So every position gets exactly one band.
     */
    static int[] cumulativeCounts(GradeRule.PercentileBands bands, int n) {
        int[] upTo = new int[bands.bands().size()];
        int previous = 0;
        for (int k = 0; k < upTo.length; k++) {
            BigDecimal exact = bands.bands().get(k).cumulativeFraction().multiply(BigDecimal.valueOf(n));
            int count = exact.setScale(0, bands.countRounding()).intValueExact();
            count = Math.max(previous, Math.min(n, count));
            upTo[k] = k == upTo.length - 1 ? n : count;
            previous = upTo[k];
        }
        return upTo;
    }

    /** Units that share a rank get the label of the best position among them (nobody is graded down by a tie). */
    private static void shareBestLabelWithinTies(String[] labels, int[] rankAtPosition) {
        for (int p = 1; p < labels.length; p++) {
            if (rankAtPosition[p] == rankAtPosition[p - 1]) {
                labels[p] = labels[p - 1];
            }
        }
    }
}
