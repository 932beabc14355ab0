package org.pyeongga.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.evaluation.Evaluations;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionSummary;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 5's acceptance on the real database: 40 evaluator accounts (16 of them officials of local governments, the
 * others with former employers and declared conflicts) assigned to the 243 local governments × 5 qualitative
 * indicators, 3 evaluators each. Every conflict the module computes is respected, every subject is filled, and loads
 * within each indicator are at most one apart. (The time is measured by bench/JudgingBenchmarks, not here.)
 */
@IntegrationTest
class JudgingAssignmentIntegrationTests {

    @Autowired
    Judging judging;

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    Accounts accounts;

    @Test
    void fortyEvaluatorsAreAssignedToTwoHundredFortyThreeInstitutionsTimesFiveIndicators() {
        List<Long> ids = groups.defineStandard("TEST-JUDGING-ACCEPT", LocalDate.parse("2024-12-31"));
        List<Long> institutions = new ArrayList<>();
        ids.forEach(g -> groups.members(g).stream().map(InstitutionSummary::id).forEach(institutions::add));
        assertThat(institutions).hasSize(243);
        long combined = groups.define("TEST-JUDGING-ACCEPT-ALL", "전체 지방자치단체", null, null, LocalDate.parse("2024-12-31"), institutions);
        long cycle = JudgingFixture.cycle(evaluations, groups, "TEST-JUDGING-ACCEPT-CYCLE", groups.members(combined).stream()
                .map(InstitutionSummary::id).toList(), 5);
        long round = evaluations.openJudgingRound(cycle, PanelKind.EXPERT, "민간전문가", 3);
        long panel = judging.panels(round).getFirst().id();

        var random = new SplittableRandom(40);
        List<Long> evaluators = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Long institution = i < 16 ? institutions.get(random.nextInt(institutions.size())) : null;
            String email = "acceptance" + i + "@judging.test.pyeongga.kr";
            long id = JudgingFixture.evaluator(accounts, email, "수락 시험 위원 " + i, institution);
            judging.addMember(panel, email, 0);
            judging.setExpertise(id, Set.of(List.of("시", "군", "구", "광역").get(i % 4)));
            if (institution == null) {
                judging.recordFormerEmployer(id, institutions.get(random.nextInt(institutions.size())), LocalDate.now().minusDays(random.nextInt(365 * 5)));
                judging.declareConflict(round, id, institutions.get(random.nextInt(institutions.size())), "친족 근무");
            }
            evaluators.add(id);
        }
        var conflicts = judging.conflicts(round);
        assertThat(conflicts.stream().map(JudgingModel.Conflict::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ConflictKind.OWN_INSTITUTION, ConflictKind.OWN_PROVINCE_OR_PARENT,
                        ConflictKind.FORMER_EMPLOYER, ConflictKind.DECLARED);
        Set<String> conflicted = new HashSet<>();
        conflicts.forEach(c -> conflicted.add(c.userId() + "/" + c.institutionId()));

        var run = judging.assignAutomatically(panel);

        assertThat(run.unfilledSubjects()).isZero();
        assertThat(run.added()).isEqualTo(243 * 5 * 3);
        assertThat(run.spreadWithinCriterion()).isLessThanOrEqualTo(1);
        var assignments = judging.assignments(panel);
        assertThat(assignments).hasSize(243 * 5 * 3).noneMatch(a -> conflicted.contains(a.userId() + "/" + a.institutionId()));
        Map<Long, Long> perSubject = assignments.stream().collect(Collectors.groupingBy(JudgingModel.Assignment::subjectId, Collectors.counting()));
        assertThat(perSubject).hasSize(243 * 5).allSatisfy((s, n) -> assertThat(n).isEqualTo(3));
        Map<String, Map<Long, Integer>> loads = new HashMap<>();
        assignments.forEach(a -> loads.computeIfAbsent(a.criterion(), k -> new HashMap<>()).merge(a.userId(), 1, Integer::sum));
        assertThat(loads).hasSize(5).allSatisfy((criterion, byEvaluator) -> {
            assertThat(byEvaluator.keySet()).containsExactlyInAnyOrderElementsOf(evaluators);
            int min = byEvaluator.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = byEvaluator.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat(max - min).as(criterion).isLessThanOrEqualTo(1);
        });
    }
}
