package org.pyeongga.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * The normalization formulas of {@link Normalization}, exact in decimals (16 significant digits, DECIMAL64) so that a
 * result can be recomputed by hand. Applied to one comparison set at a time (a group, or all units).
 */
final class IndicatorNormalizer {

    static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal SIX = BigDecimal.valueOf(6);

    private IndicatorNormalizer() {}

    /** y per unit of the set; a missing raw value (null) gets y = 0. */
    static BigDecimal[] normalize(Normalization method, Polarity polarity, @Nullable BigDecimal[] raw) {
        BigDecimal[] y = new BigDecimal[raw.length];
        boolean higher = polarity == Polarity.HIGHER_IS_BETTER;
        switch (method) {
            case Normalization.MinMax m -> {
                BigDecimal min = null;
                BigDecimal max = null;
                for (BigDecimal x : raw) {
                    if (x != null) {
                        min = min == null || x.compareTo(min) < 0 ? x : min;
                        max = max == null || x.compareTo(max) > 0 ? x : max;
                    }
                }
                for (int j = 0; j < raw.length; j++) {
                    if (raw[j] == null) {
                        y[j] = BigDecimal.ZERO;
                    } else if (max.compareTo(min) == 0) {
                        y[j] = BigDecimal.ONE;
                    } else {
                        y[j] = (higher ? raw[j].subtract(min) : max.subtract(raw[j])).divide(max.subtract(min), MC);
                    }
                }
            }
            case Normalization.ZScore z -> {
                int n = 0;
                BigDecimal sum = BigDecimal.ZERO;
                for (BigDecimal x : raw) {
                    if (x != null) {
                        n++;
                        sum = sum.add(x);
                    }
                }
                BigDecimal mean = n == 0 ? BigDecimal.ZERO : sum.divide(BigDecimal.valueOf(n), MC);
                BigDecimal squares = BigDecimal.ZERO;
                for (BigDecimal x : raw) {
                    if (x != null) {
                        BigDecimal d = x.subtract(mean);
                        squares = squares.add(d.multiply(d));
                    }
                }
                BigDecimal sd = n < 2 ? BigDecimal.ZERO : squares.divide(BigDecimal.valueOf(n - 1), MC).sqrt(MC);
                for (int j = 0; j < raw.length; j++) {
                    if (raw[j] == null) {
                        y[j] = BigDecimal.ZERO;
                    } else if (sd.signum() == 0) {
                        y[j] = HALF;
                    } else {
                        BigDecimal zj = raw[j].subtract(mean).divide(sd, MC);
                        y[j] = HALF.add((higher ? zj : zj.negate()).divide(SIX, MC));
                    }
                }
            }
            case Normalization.Goalposts g -> {
                BigDecimal range = g.high().subtract(g.low());
                for (int j = 0; j < raw.length; j++) {
                    y[j] = raw[j] == null ? BigDecimal.ZERO : clamp01((higher ? raw[j].subtract(g.low())
                            : g.high().subtract(raw[j])).divide(range, MC));
                }
            }
            case Normalization.Target t -> {
                for (int j = 0; j < raw.length; j++) {
                    if (raw[j] == null) {
                        y[j] = BigDecimal.ZERO;
                        continue;
                    }
                    BigDecimal achievement;
                    if (higher) {
                        achievement = raw[j].divide(t.target(), MC);
                    } else {
                        achievement = raw[j].signum() <= 0 ? t.cap() : t.target().divide(raw[j], MC);
                    }
                    y[j] = clamp01(achievement.min(t.cap()).divide(t.cap(), MC));
                }
            }
            case Normalization.PercentileRank p -> {
                Integer[] present = java.util.stream.IntStream.range(0, raw.length).filter(j -> raw[j] != null)
                        .boxed().toArray(Integer[]::new);
                Arrays.sort(present, Comparator.comparing(j -> raw[j]));
                int n = present.length;
                Arrays.fill(y, BigDecimal.ZERO);
                int k = 0;
                while (k < n) {
                    int end = k;
                    while (end + 1 < n && raw[present[end + 1]].compareTo(raw[present[k]]) == 0) {
                        end++;
                    }
                    // average 1-based rank of the tied block k..end
                    BigDecimal rank = BigDecimal.valueOf(k + end + 2).divide(BigDecimal.valueOf(2), MC);
                    BigDecimal value = n == 1 ? BigDecimal.ONE
                            : rank.subtract(BigDecimal.ONE).divide(BigDecimal.valueOf(n - 1), MC);
                    for (int i = k; i <= end; i++) {
                        y[present[i]] = higher ? value : BigDecimal.ONE.subtract(value);
                    }
                    k = end + 1;
                }
            }
            case Normalization.FractionOf f -> {
                for (int j = 0; j < raw.length; j++) {
                    y[j] = raw[j] == null ? BigDecimal.ZERO : clamp01(higher ? raw[j].divide(f.max(), MC)
                            : f.max().subtract(raw[j]).divide(f.max(), MC));
                }
            }
            case Normalization.ShareOfTotal s -> {
                BigDecimal total = Arrays.stream(raw).filter(x -> x != null && x.signum() > 0)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                for (int j = 0; j < raw.length; j++) {
                    y[j] = raw[j] == null || total.signum() == 0 || raw[j].signum() <= 0 ? BigDecimal.ZERO
                            : raw[j].divide(total, MC);
                }
            }
        }
        return y;
    }

    /** The formula shown in explanations (Korean first, then the symbols). */
    static String formula(Normalization method, Polarity polarity) {
        boolean higher = polarity == Polarity.HIGHER_IS_BETTER;
        return switch (method) {
            case Normalization.MinMax m -> higher ? "y = (x − min)/(max − min)" : "y = (max − x)/(max − min)";
            case Normalization.ZScore z -> higher ? "y = 0.5 + ((x − 평균)/표준편차)/6" : "y = 0.5 − ((x − 평균)/표준편차)/6";
            case Normalization.Goalposts g -> (higher ? "y = (x − " + plain(g.low()) + ")/(" + plain(g.high()) + " − " + plain(g.low()) + ")"
                    : "y = (" + plain(g.high()) + " − x)/(" + plain(g.high()) + " − " + plain(g.low()) + ")") + ", 0…1";
            case Normalization.Target t -> (higher ? "달성도 = x/" + plain(t.target()) : "달성도 = " + plain(t.target()) + "/x")
                    + ", y = min(달성도, " + plain(t.cap()) + ")/" + plain(t.cap());
            case Normalization.PercentileRank p -> higher ? "y = (순위 − 1)/(n − 1)" : "y = 1 − (순위 − 1)/(n − 1)";
            case Normalization.FractionOf f -> higher ? "y = x/" + plain(f.max()) : "y = (" + plain(f.max()) + " − x)/" + plain(f.max());
            case Normalization.ShareOfTotal s -> "y = x/Σx";
        };
    }

    /** A decimal as people write it: 100, not 100.000000. */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal clamp01(BigDecimal v) {
        return v.signum() < 0 ? BigDecimal.ZERO : v.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : v;
    }

    static BigDecimal round(BigDecimal v, int scale) {
        return v.setScale(scale, RoundingMode.HALF_UP);
    }
}
