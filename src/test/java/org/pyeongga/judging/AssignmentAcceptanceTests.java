package org.pyeongga.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyeongga.judging.AutomaticAssignment.Pairing;

/**
 * Issue 5's acceptance case on the real 243 local governments (RealisticAssignment): 40 evaluators × 243 institutions
 * × 5 qualitative indicators, 3 evaluators each. Correctness only; the time is measured by the benchmark under
 * {@code bench/} (JudgingBenchmarks), never here.
 */
class AssignmentAcceptanceTests {

    @Test
    void fortyEvaluatorsForTwoHundredFortyThreeInstitutionsRespectEveryConflictAndBalanceEachIndicator() {
        var realistic = RealisticAssignment.build(2024, 40, 3);
        assertThat(realistic.institutions).hasSize(243);
        assertThat(realistic.problem.subjects()).hasSize(243 * 5);
        assertThat(realistic.problem.forbidden()).as("the case has conflicts of every computed kind").hasSizeGreaterThan(1000);

        var result = AutomaticAssignment.solve(realistic.problem);

        assertThat(result.shortfall()).isEmpty();
        assertThat(result.pairings()).hasSize(243 * 5 * 3).doesNotHaveDuplicates();
        Map<String, Set<String>> bySubject = new HashMap<>();
        for (Pairing p : result.pairings()) {
            var conflict = ConflictRules.conflict(realistic.ties.get(p.evaluator()), realistic.institutionOf(p.subject()),
                    RealisticAssignment.AS_OF, RealisticAssignment.FORMER_EMPLOYER_YEARS);
            assertThat(conflict).as("%s for %s", p.evaluator(), p.subject()).isEmpty();
            bySubject.computeIfAbsent(p.subject(), k -> new HashSet<>()).add(p.evaluator());
        }
        assertThat(bySubject.values()).allSatisfy(evaluators -> assertThat(evaluators).hasSize(3));
        assertThat(result.maxSpreadWithinCriterion()).as("max − min load within one indicator").isLessThanOrEqualTo(1);
        Map<String, Integer> totals = new HashMap<>();
        result.pairings().forEach(p -> totals.merge(p.evaluator(), 1, Integer::sum));
        int min = totals.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = totals.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(max - min).as("overall loads").isLessThanOrEqualTo(1);
    }

    @Test
    void theFlowMatchesExpertiseMoreOftenThanTheGreedyBaseline() {
        var realistic = RealisticAssignment.build(7, 40, 3);
        var flow = AutomaticAssignment.solve(realistic.problem);
        var greedy = AutomaticAssignment.greedy(realistic.problem);
        assertThat(cost(realistic, flow)).isLessThanOrEqualTo(cost(realistic, greedy));
        assertThat(flow.maxSpreadWithinCriterion()).isLessThanOrEqualTo(greedy.maxSpreadWithinCriterion());
    }

    private static long cost(RealisticAssignment realistic, AutomaticAssignment.Result result) {
        Map<String, AutomaticAssignment.Evaluator> evaluators = new HashMap<>();
        realistic.problem.evaluators().forEach(e -> evaluators.put(e.id(), e));
        Map<String, AutomaticAssignment.Subject> subjects = new HashMap<>();
        realistic.problem.subjects().forEach(s -> subjects.put(s.id(), s));
        return result.pairings().stream()
                .mapToLong(p -> realistic.problem.cost(evaluators.get(p.evaluator()), subjects.get(p.subject()))).sum();
    }
}
