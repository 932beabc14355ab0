package org.pyeongga.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How ranks within a group become grades (methods §3.3), as data. Positions count from the top of the group after the
 * tie rule; {@code tiesTakeBetterGrade} says whether units sharing a rank across a cut line all get the better grade
 * (the usual rule: nobody is graded down for a tie) or the cut holds exactly (only a tie rule that breaks ties makes
 * that fair).
 */
public sealed interface GradeRule {

    /** No grades (ranking only). */
    record None() implements GradeRule {}

    /**
     * Percentile bands: band k takes positions up to round(f_k·n) with the declared rounding, where f_k is its
     * cumulative fraction (the last is 1). 우수 30 %/보통/미흡 20 % is {(우수, 0.3), (보통, 0.8), (미흡, 1)} with
     * CEILING for 우수; 가–마 is {(가, 0.1), (나, 0.3), (다, 0.7), (라, 0.9), (마, 1)}.
     */
    record PercentileBands(List<Band> bands, RoundingMode countRounding, boolean tiesTakeBetterGrade) implements GradeRule {
        public PercentileBands {
            bands = List.copyOf(bands);
            if (bands.isEmpty() || bands.getLast().cumulativeFraction().compareTo(BigDecimal.ONE) != 0) {
                throw new IllegalArgumentException("the last band must reach 1 (100 %)");
            }
            for (int i = 1; i < bands.size(); i++) {
                if (bands.get(i).cumulativeFraction().compareTo(bands.get(i - 1).cumulativeFraction()) < 0) {
                    throw new IllegalArgumentException("cumulative fractions must not decrease");
                }
            }
            if (countRounding == RoundingMode.UNNECESSARY) {
                throw new IllegalArgumentException("UNNECESSARY is not a rounding rule");
            }
        }
    }

    record Band(String label, BigDecimal cumulativeFraction) {
        public Band {
            if (cumulativeFraction.signum() < 0 || cumulativeFraction.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("a cumulative fraction is within 0…1");
            }
        }
    }

    /**
     * Fixed winner quotas per group (광역 1, 시 2, 군 2, 구 2), or award caps by rank (광역 top 5, 기초 top 6): the first
     * {@code count} positions of each group get {@code winner}, the rest {@code others} (null: no grade from this rule,
     * so a later layer decides). Groups not listed get no winners.
     */
    record Quotas(Map<String, Integer> perGroup, String winner, @Nullable String others, boolean tiesTakeBetterGrade)
            implements GradeRule {
        public Quotas {
            perGroup = Map.copyOf(perGroup);
            perGroup.values().forEach(c -> {
                if (c < 0) {
                    throw new IllegalArgumentException("a quota is never negative");
                }
            });
        }
    }

    /** Score cut-offs: the first cut (highest first) whose minimum the total reaches; below all of them, {@code below}. */
    record Cutoffs(List<Cut> cuts, String below) implements GradeRule {
        public Cutoffs {
            cuts = List.copyOf(cuts);
            for (int i = 1; i < cuts.size(); i++) {
                if (cuts.get(i).minimum().compareTo(cuts.get(i - 1).minimum()) >= 0) {
                    throw new IllegalArgumentException("cuts are listed from the highest minimum down");
                }
            }
        }
    }

    record Cut(String label, BigDecimal minimum) {}

    /**
     * Layers, first wins: e.g. 최우수 for rank 1 of each group ({@link Quotas} with 1 and no "others"), then 우수 for the
     * top 30 %, then 보통. A unit gets the label of the first layer that gives it one.
     */
    record Layers(List<GradeRule> layers) implements GradeRule {
        public Layers {
            layers = List.copyOf(layers);
        }
    }
}
