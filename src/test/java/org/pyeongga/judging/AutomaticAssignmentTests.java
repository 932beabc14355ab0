package org.pyeongga.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pyeongga.judging.AutomaticAssignment.Evaluator;
import org.pyeongga.judging.AutomaticAssignment.Pairing;
import org.pyeongga.judging.AutomaticAssignment.Problem;
import org.pyeongga.judging.AutomaticAssignment.Subject;

class AutomaticAssignmentTests {

    private static Evaluator evaluator(String id, String... expertise) {
        return new Evaluator(id, Set.of(expertise), 0);
    }

    private static Subject subject(String id, String criterion, int required, String... tags) {
        return new Subject(id, criterion, Set.of(tags), required);
    }

    @Test
    void fillsEveryRequirementWithLoadsBalancedAndNoPairTwice() {
        List<Evaluator> evaluators = List.of(evaluator("a"), evaluator("b"), evaluator("c"), evaluator("d"));
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            subjects.add(subject("s" + i, "A13", 2));
        }
        var result = AutomaticAssignment.solve(new Problem(evaluators, subjects, Set.of(), Set.of(), Map.of()));
        assertThat(result.shortfall()).isEmpty();
        assertThat(result.pairings()).hasSize(20).doesNotHaveDuplicates();
        assertThat(result.loadsByCriterion().get("A13")).containsOnly(Map.entry("a", 5), Map.entry("b", 5),
                Map.entry("c", 5), Map.entry("d", 5));
    }

    @Test
    void neverPairsAForbiddenPairAndReportsWhatConflictsLeaveUnfilled() {
        List<Evaluator> evaluators = List.of(evaluator("a"), evaluator("b"));
        List<Subject> subjects = List.of(subject("s1", "A13", 2), subject("s2", "A13", 1));
        Set<Pairing> forbidden = Set.of(new Pairing("a", "s1"), new Pairing("b", "s2"));
        var result = AutomaticAssignment.solve(new Problem(evaluators, subjects, forbidden, Set.of(), Map.of()));
        assertThat(result.pairings()).containsExactlyInAnyOrder(new Pairing("b", "s1"), new Pairing("a", "s2"));
        assertThat(result.shortfall()).containsExactly(Map.entry("s1", 1));
    }

    @Test
    void expertiseAndPreferencesDecideWhenLoadsAreEqual() {
        List<Evaluator> evaluators = List.of(evaluator("welfare", "복지"), evaluator("transport", "교통"));
        List<Subject> subjects = List.of(subject("s1", "A13", 1, "교통"), subject("s2", "A13", 1, "복지"));
        var byExpertise = AutomaticAssignment.solve(new Problem(evaluators, subjects, Set.of(), Set.of(), Map.of()));
        assertThat(byExpertise.pairings()).containsExactlyInAnyOrder(new Pairing("transport", "s1"), new Pairing("welfare", "s2"));

        List<Subject> untagged = List.of(subject("s1", "A13", 1), subject("s2", "A13", 1));
        var byPreference = AutomaticAssignment.solve(new Problem(evaluators, untagged, Set.of(), Set.of(),
                Map.of(new Pairing("welfare", "s1"), 2, new Pairing("transport", "s1"), -2)));
        assertThat(byPreference.pairings()).containsExactlyInAnyOrder(new Pairing("welfare", "s1"), new Pairing("transport", "s2"));
    }

    @Test
    void balanceWithinACriterionComesBeforeExpertise() {
        // everyone wants the expert, but the expert may not take all four subjects
        List<Evaluator> evaluators = List.of(evaluator("expert", "복지"), evaluator("other"));
        List<Subject> subjects = List.of(subject("s1", "A13", 1, "복지"), subject("s2", "A13", 1, "복지"),
                subject("s3", "A13", 1, "복지"), subject("s4", "A13", 1, "복지"));
        var result = AutomaticAssignment.solve(new Problem(evaluators, subjects, Set.of(), Set.of(), Map.of()));
        assertThat(result.loadsByCriterion().get("A13")).containsOnly(Map.entry("expert", 2), Map.entry("other", 2));
    }

    @Test
    void keepsFixedPairingsAndCountsThemTowardRequirementsAndLoads() {
        List<Evaluator> evaluators = List.of(evaluator("a"), evaluator("b"), evaluator("c"));
        List<Subject> subjects = List.of(subject("s1", "A13", 2), subject("s2", "A13", 2), subject("s3", "A13", 2));
        Set<Pairing> fixed = Set.of(new Pairing("a", "s1"), new Pairing("a", "s2"));
        var result = AutomaticAssignment.solve(new Problem(evaluators, subjects, Set.of(), fixed, Map.of()));
        assertThat(result.pairings()).hasSize(4).doesNotContainAnyElementsOf(fixed);
        assertThat(result.shortfall()).isEmpty();
        assertThat(result.loadsByCriterion().get("A13")).containsOnly(Map.entry("a", 2), Map.entry("b", 2), Map.entry("c", 2));
    }

    @Test
    void respectsAnEvaluatorsOverallCap() {
        List<Evaluator> evaluators = List.of(new Evaluator("capped", Set.of(), 1), evaluator("free"));
        List<Subject> subjects = List.of(subject("s1", "A13", 1), subject("s2", "A14", 1), subject("s3", "A15", 1));
        var result = AutomaticAssignment.solve(new Problem(evaluators, subjects, Set.of(), Set.of(), Map.of()));
        assertThat(result.pairings().stream().filter(p -> p.evaluator().equals("capped"))).hasSize(1);
        assertThat(result.shortfall()).isEmpty();
    }

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    /** On random problems with conflicts: nothing forbidden, nothing twice, never fewer pairings than the greedy baseline. */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void randomProblemsKeepEveryRule(long seed) {
        var random = new SplittableRandom(seed);
        int evaluatorCount = 2 + random.nextInt(10);
        List<Evaluator> evaluators = new ArrayList<>();
        for (int i = 0; i < evaluatorCount; i++) {
            evaluators.add(new Evaluator("e" + i, random.nextBoolean() ? Set.of("t" + random.nextInt(3)) : Set.of(),
                    random.nextInt(4) == 0 ? 1 + random.nextInt(6) : 0));
        }
        List<Subject> subjects = new ArrayList<>();
        int subjectCount = 1 + random.nextInt(30);
        for (int j = 0; j < subjectCount; j++) {
            subjects.add(new Subject("s" + j, "c" + random.nextInt(3), Set.of("t" + random.nextInt(3)), random.nextInt(4)));
        }
        Set<Pairing> forbidden = new HashSet<>();
        Map<Pairing, Integer> preferences = new HashMap<>();
        for (Evaluator e : evaluators) {
            for (Subject s : subjects) {
                if (random.nextInt(5) == 0) {
                    forbidden.add(new Pairing(e.id(), s.id()));
                } else if (random.nextInt(4) == 0) {
                    preferences.put(new Pairing(e.id(), s.id()), random.nextInt(5) - 2);
                }
            }
        }
        var problem = new Problem(evaluators, subjects, forbidden, Set.of(), preferences);
        var result = AutomaticAssignment.solve(problem);
        assertThat(result.pairings()).doesNotHaveDuplicates().doesNotContainAnyElementsOf(forbidden);
        Map<String, Integer> count = new HashMap<>();
        Map<String, Integer> totals = new HashMap<>();
        result.pairings().forEach(p -> {
            count.merge(p.subject(), 1, Integer::sum);
            totals.merge(p.evaluator(), 1, Integer::sum);
        });
        for (Subject s : subjects) {
            assertThat(count.getOrDefault(s.id(), 0) + result.shortfall().getOrDefault(s.id(), 0)).isEqualTo(s.required());
        }
        for (Evaluator e : evaluators) {
            if (e.maxLoad() > 0) {
                assertThat(totals.getOrDefault(e.id(), 0)).isLessThanOrEqualTo(e.maxLoad());
            }
        }
        var greedy = AutomaticAssignment.greedy(problem);
        assertThat(result.pairings().size()).isGreaterThanOrEqualTo(greedy.pairings().size());
    }
}
