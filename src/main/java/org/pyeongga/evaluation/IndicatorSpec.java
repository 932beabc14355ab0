package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.scoring.Indicator;
import org.pyeongga.scoring.IndicatorKind;
import org.pyeongga.scoring.Normalization;
import org.pyeongga.scoring.Polarity;

/**
 * One indicator of a cycle's framework, as the administrator defines it.
 *
 * @param kind QUANTITATIVE (정량), QUALITATIVE (정성, scored by a panel), BONUS (가점), PENALTY (감점), CITIZEN (국민체감도)
 * @param normalization MIN_MAX, Z_SCORE, GOALPOSTS (low, high), TARGET (target = low, cap = high), PERCENTILE_RANK,
 *     FRACTION_OF (max = high), SHARE_OF_TOTAL
 * @param formula null when the value is entered; RATIO, ACHIEVEMENT or COUNT when it is computed from entered inputs
 *     (kind INPUT) by {@link ComputedIndicators} (the framework editor defines it; {@link FrameworkIndicator})
 */
public record IndicatorSpec(String code, String area, String item, String name, String kind, BigDecimal points,
        String polarity, String normalization, @Nullable BigDecimal low, @Nullable BigDecimal high,
        @Nullable String formula) {

    /** An indicator whose value is entered (or scored by a panel). */
    public IndicatorSpec(String code, String area, String item, String name, String kind, BigDecimal points,
            String polarity, String normalization, @Nullable BigDecimal low, @Nullable BigDecimal high) {
        this(code, area, item, name, kind, points, polarity, normalization, low, high, null);
    }

    /** Whether the value is computed from inputs rather than entered. */
    public boolean computed() {
        return formula != null;
    }

    Indicator toIndicator() {
        Normalization method = switch (normalization) {
            case "MIN_MAX" -> new Normalization.MinMax();
            case "Z_SCORE" -> new Normalization.ZScore();
            case "GOALPOSTS" -> new Normalization.Goalposts(required(low), required(high));
            case "TARGET" -> new Normalization.Target(required(low), high == null ? BigDecimal.ONE : high);
            case "PERCENTILE_RANK" -> new Normalization.PercentileRank();
            case "FRACTION_OF" -> new Normalization.FractionOf(required(high));
            case "SHARE_OF_TOTAL" -> new Normalization.ShareOfTotal();
            default -> throw new IllegalArgumentException("unknown normalization " + normalization);
        };
        IndicatorKind engineKind = switch (kind) {
            case "BONUS" -> IndicatorKind.BONUS;
            case "PENALTY" -> IndicatorKind.PENALTY;
            case "QUANTITATIVE", "QUALITATIVE", "CITIZEN" -> IndicatorKind.SCORED;
            default -> throw new IllegalArgumentException("unknown indicator kind " + kind);
        };
        return new Indicator(code, name, List.of(area, item), points, engineKind, Polarity.valueOf(polarity), method);
    }

    private static BigDecimal required(@Nullable BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException("this normalization needs its parameters");
        }
        return value;
    }
}
