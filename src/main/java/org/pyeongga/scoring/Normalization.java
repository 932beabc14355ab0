package org.pyeongga.scoring;

import java.math.BigDecimal;

/**
 * How an indicator's raw values become a normalized value y (methods §3.2.3; COINr's formulas). Every method maps the
 * best possible value to 1 (or above 1 for the unbounded z-score) and applies the indicator's polarity. Relative
 * methods (min–max, z-score, percentile rank, share) look at the other units of the same comparison set: the group,
 * when the problem normalizes within groups.
 */
public sealed interface Normalization {

    /** A short stable code for explanations and exports. */
    String code();

    /** y = (x − min)/(max − min); lower is better: (max − x)/(max − min). All equal → y = 1 (nobody is behind). */
    record MinMax() implements Normalization {
        public String code() {
            return "MIN_MAX";
        }
    }

    /**
     * z = (x − mean)/sd (sample standard deviation), sign flipped when lower is better, then y = 0.5 + z/6 so that ±3 sd
     * spans 0…1 (not clamped: a far outlier keeps its distance). All equal → y = 0.5.
     */
    record ZScore() implements Normalization {
        public String code() {
            return "Z_SCORE";
        }
    }

    /** Goalposts: y = (x − low)/(high − low) truncated to [0, 1]; lower is better: (x − high)/(low − high). */
    record Goalposts(BigDecimal low, BigDecimal high) implements Normalization {
        public Goalposts {
            if (low.compareTo(high) >= 0) {
                throw new IllegalArgumentException("goalposts need low < high");
            }
        }

        public String code() {
            return "GOALPOSTS";
        }
    }

    /**
     * Distance to target (목표달성도): achievement a = x/target (lower is better: target/x; x = 0 counts as the cap),
     * y = min(a, cap)/cap. With cap 1 a unit that reaches its target gets full points; cap 1.2 rewards up to 120 %.
     */
    record Target(BigDecimal target, BigDecimal cap) implements Normalization {
        public Target {
            if (target.signum() <= 0 || cap.signum() <= 0) {
                throw new IllegalArgumentException("target and cap must be positive");
            }
        }

        public String code() {
            return "TARGET";
        }
    }

    /** Percentile rank (rank − 1)/(n − 1) with average ranks for ties; a single unit gets 1. */
    record PercentileRank() implements Normalization {
        public String code() {
            return "PERCENTILE_RANK";
        }
    }

    /** A value already on a scale 0…max (a panel's score out of 10, points earned): y = x/max, truncated to [0, 1]. */
    record FractionOf(BigDecimal max) implements Normalization {
        public FractionOf {
            if (max.signum() <= 0) {
                throw new IllegalArgumentException("max must be positive");
            }
        }

        public String code() {
            return "FRACTION_OF";
        }
    }

    /** Share of the total (a citizen vote: votes / all valid votes for the finalists). All zero → y = 0. */
    record ShareOfTotal() implements Normalization {
        public String code() {
            return "SHARE_OF_TOTAL";
        }
    }
}
