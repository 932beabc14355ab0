package org.pyeongga.scoring;

import java.util.List;
import java.util.Optional;

/**
 * The result of a deterministic evaluation: every unit's scores, rank and grade, in the order of the problem's units,
 * with the rule codes that produced them (stored with published results).
 */
public record ScoringResult(List<UnitResult> units, String aggregation, String tieRule, String roundingRule,
        java.util.Map<String, NormalizedPanel> panels, java.util.Map<String, ReliabilityReport> reliability) {

    /**
     * @param panels how each panel indicator's evaluators were normalized (method used and why, leniencies)
     * @param reliability each panel's reliability (α, ICC) and the units whose evaluators disagree beyond its threshold
     */
    public ScoringResult {
        units = List.copyOf(units);
        panels = java.util.Map.copyOf(panels);
        reliability = java.util.Map.copyOf(reliability);
    }

    public Optional<UnitResult> unit(String id) {
        return units.stream().filter(u -> u.unit().id().equals(id)).findFirst();
    }

    /** The units of one group, best first. */
    public List<UnitResult> group(String group) {
        return units.stream().filter(u -> u.unit().group().equals(group))
                .sorted(java.util.Comparator.comparingInt(UnitResult::position)).toList();
    }
}
