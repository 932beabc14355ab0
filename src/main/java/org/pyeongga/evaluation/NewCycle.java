package org.pyeongga.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A new cycle: its labels (평가연도 and 실적연도 both, as the press uses both), performance period, grade rule, and the
 * evaluation groups whose members it snapshots, each under the group name results are ranked in (광역, 시, 군, 구).
 */
public record NewCycle(String label, int evaluationYear, int performanceYear, @Nullable Integer half, LocalDate periodFrom,
        LocalDate periodTo, GradeRuleSpec gradeRule, List<TargetGroup> targets) {

    public record TargetGroup(String name, long evaluationGroupId) {}

    public NewCycle {
        targets = List.copyOf(targets);
    }
}
