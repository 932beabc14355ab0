package org.pyeongga.evaluation;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One indicator (지표) as the framework editor defines it: where it sits (분야 → 항목), how it is scored (kind, 배점,
 * polarity, normalization with its parameters), how its value comes about (entered, or computed from entered inputs),
 * what evidence it needs, which panel scores it, and whether its item is graded on its own.
 *
 * @param kind QUANTITATIVE (정량), QUALITATIVE (정성, scored by a panel against {@code rubric}), BONUS (가점), PENALTY
 *     (감점), CITIZEN (국민체감도, a survey result), INPUT (an entered input of a computed indicator: no points)
 * @param formula null (the value is entered), RATIO (inputA / inputB × multiplier), ACHIEVEMENT (inputA against the
 *     target inputB or the fixed {@code target}, capped at {@code cap}), COUNT (inputA, capped at {@code cap})
 * @param panelKind EXPERT (민간전문가), CITIZEN (국민평가단) or CROSS (교차평가) for panel-scored indicators
 * @param itemGraded whether this indicator's item is graded on its own (민원서비스: each item 가–마)
 */
public record FrameworkIndicator(String code, String area, String item, String name, String kind, BigDecimal points,
        String polarity, String normalization, @Nullable BigDecimal low, @Nullable BigDecimal high,
        @Nullable String formula, @Nullable String inputA, @Nullable String inputB, @Nullable BigDecimal target,
        @Nullable BigDecimal cap, @Nullable BigDecimal multiplier, @Nullable String panelKind, boolean itemGraded,
        @Nullable String evidence, boolean evidenceRequired, @Nullable String rubric) {

    /** The part the scoring side reads. */
    public IndicatorSpec spec() {
        return new IndicatorSpec(code, area, item, name, kind, points, polarity, normalization, low, high, formula);
    }

    public boolean computed() {
        return formula != null;
    }

    public boolean input() {
        return "INPUT".equals(kind);
    }

    /** A copy in another place of the tree (renaming an area or item). */
    FrameworkIndicator movedTo(String newArea, String newItem) {
        return new FrameworkIndicator(code, newArea, newItem, name, kind, points, polarity, normalization, low, high, formula,
                inputA, inputB, target, cap, multiplier, panelKind, itemGraded, evidence, evidenceRequired, rubric);
    }

    FrameworkIndicator withItemGraded(boolean graded) {
        return new FrameworkIndicator(code, area, item, name, kind, points, polarity, normalization, low, high, formula,
                inputA, inputB, target, cap, multiplier, panelKind, graded, evidence, evidenceRequired, rubric);
    }
}
