package org.pyeongga.scoring;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a deterministic evaluation needs, as data: units in groups, indicators, raw values, how to aggregate,
 * normalize (within each group or across all units), round, break ties and grade.
 *
 * @param values raw values by unit id, then indicator id; a missing value counts as y = 0 and is marked in the
 *     explanation (nothing is imputed silently)
 * @param bonusCap the most all bonus indicators together may add (null: no cap beyond each indicator's points)
 * @param penaltyCap the most all penalty indicators together may take away (null: no cap)
 * @param panels evaluator panels by indicator id: for those indicators the engine computes the raw values from the
 *     panel (evaluator normalization) instead of reading {@code values}
 */
public record ScoringProblem(List<Unit> units, List<Indicator> indicators, Map<String, Map<String, BigDecimal>> values,
        Aggregation aggregation, boolean normalizeWithinGroups, Rounding rounding, TieRule tieRule, GradeRule gradeRule,
        @Nullable BigDecimal bonusCap, @Nullable BigDecimal penaltyCap, Map<String, Panel> panels) {

    /** A problem without evaluator panels. */
    public ScoringProblem(List<Unit> units, List<Indicator> indicators, Map<String, Map<String, BigDecimal>> values,
            Aggregation aggregation, boolean normalizeWithinGroups, Rounding rounding, TieRule tieRule, GradeRule gradeRule,
            @Nullable BigDecimal bonusCap, @Nullable BigDecimal penaltyCap) {
        this(units, indicators, values, aggregation, normalizeWithinGroups, rounding, tieRule, gradeRule, bonusCap,
                penaltyCap, Map.of());
    }

    public ScoringProblem {
        units = List.copyOf(units);
        indicators = List.copyOf(indicators);
        values = Map.copyOf(values.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue()))));
        var unitIds = new HashSet<String>();
        units.forEach(u -> {
            if (!unitIds.add(u.id())) {
                throw new IllegalArgumentException("duplicate unit " + u.id());
            }
        });
        var indicatorIds = new HashSet<String>();
        indicators.forEach(i -> {
            if (!indicatorIds.add(i.id())) {
                throw new IllegalArgumentException("duplicate indicator " + i.id());
            }
        });
        panels = Map.copyOf(panels);
        panels.keySet().forEach(id -> {
            if (!indicatorIds.contains(id)) {
                throw new IllegalArgumentException("a panel for an unknown indicator " + id);
            }
        });
        if (tieRule instanceof TieRule.ByIndicators by) {
            by.indicatorIds().forEach(id -> {
                if (!indicatorIds.contains(id)) {
                    throw new IllegalArgumentException("tie rule names an unknown indicator " + id);
                }
            });
        }
    }

    /** The usual Korean evaluation: arithmetic, normalized within groups, 4 decimals half-up, shared ranks. */
    public static ScoringProblem of(List<Unit> units, List<Indicator> indicators, Map<String, Map<String, BigDecimal>> values,
            GradeRule gradeRule) {
        return new ScoringProblem(units, indicators, values, Aggregation.ARITHMETIC, true, Rounding.DEFAULT,
                new TieRule.Shared(), gradeRule, null, null);
    }

    public @Nullable BigDecimal value(String unitId, String indicatorId) {
        Map<String, BigDecimal> row = values.get(unitId);
        return row == null ? null : row.get(indicatorId);
    }

    public ScoringProblem withIndicators(List<Indicator> newIndicators) {
        return new ScoringProblem(units, newIndicators, values, aggregation, normalizeWithinGroups, rounding, tieRule,
                gradeRule, bonusCap, penaltyCap, panels);
    }

    /** The same problem with other raw values (and no panels: the values already came from them). */
    public ScoringProblem withValues(Map<String, Map<String, BigDecimal>> newValues) {
        return new ScoringProblem(units, indicators, newValues, aggregation, normalizeWithinGroups, rounding, tieRule,
                gradeRule, bonusCap, penaltyCap, Map.of());
    }

    /** The same problem with these panels. */
    public ScoringProblem withPanels(Map<String, Panel> newPanels) {
        return new ScoringProblem(units, indicators, values, aggregation, normalizeWithinGroups, rounding, tieRule,
                gradeRule, bonusCap, penaltyCap, newPanels);
    }
}
