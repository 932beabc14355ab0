package org.pyeongga.scoring;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One unit's result.
 *
 * @param indicators per indicator, in the problem's order
 * @param aggregate the aggregated scored indicators (before bonus and penalty)
 * @param bonus bonus points added (after the cap)
 * @param penalty penalty points taken (after the cap), positive
 * @param total aggregate + bonus − penalty
 * @param rank rank within the group under the tie rule (1 = best)
 * @param position 1-based position in the group's order (ties broken by the tie rule, then by unit id)
 * @param grade the grade, or null when the rule gives none
 */
public record UnitResult(Unit unit, List<IndicatorScore> indicators, BigDecimal aggregate, BigDecimal bonus,
        BigDecimal penalty, BigDecimal total, int rank, int position, @Nullable String grade, Explanation explanation) {

    public UnitResult {
        indicators = List.copyOf(indicators);
    }

    /** An indicator's raw value (null if missing), normalized value y and contribution in points. */
    public record IndicatorScore(String indicatorId, @Nullable BigDecimal raw, BigDecimal normalized, BigDecimal contribution) {}
}
