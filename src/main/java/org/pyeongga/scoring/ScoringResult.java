package org.pyeongga.scoring;

import java.util.List;
import java.util.Optional;

/**
 * The result of a deterministic evaluation: every unit's scores, rank and grade, in the order of the problem's units,
 * with the rule codes that produced them (stored with published results).
 */
public record ScoringResult(List<UnitResult> units, String aggregation, String tieRule, String roundingRule) {

    public ScoringResult {
        units = List.copyOf(units);
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
