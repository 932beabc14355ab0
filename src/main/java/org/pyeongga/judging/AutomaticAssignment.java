package org.pyeongga.judging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Assigns evaluators to subjects (an institution × a qualitative indicator) as a minimum-cost flow, the way HotCRP does
 * (methods.md §3.6): source → evaluator → evaluator-for-one-criterion → subject → sink.
 *
 * <ul>
 *   <li>subject → sink has the subject's required number of evaluators (less those it already has);</li>
 *   <li>evaluator → subject exists only without a conflict (and not if the pair is excluded or already made); its
 *       cost is lower with matching expertise and with a positive preference;</li>
 *   <li>loads are convex: the k-th subject of one criterion costs {@code perCriterion · k} and the k-th subject
 *       overall {@code overall · k}. The weights are lexicographic: balance within each criterion first (max − min ≤ 1
 *       whenever conflicts allow it), then the overall balance, then expertise and preferences.</li>
 * </ul>
 * Plain Java: no Spring, no I/O. {@link #greedy} is the simple baseline the benchmark compares with.
 */
public final class AutomaticAssignment {

    /** Cost of an ordinary pairing; expertise and preferences move it within [BASE − 8, BASE + 4]. */
    static final long BASE = 10;
    static final long EXPERTISE_BONUS = 4;
    static final long PREFERENCE_STEP = 2;
    /** The spread of pairing costs: {@code BASE + 2·PREFERENCE_STEP − (BASE − EXPERTISE_BONUS − 2·PREFERENCE_STEP)}. */
    static final long AFFINITY_RANGE = EXPERTISE_BONUS + 4 * PREFERENCE_STEP;

    private AutomaticAssignment() {}

    /** An evaluator: an id, expertise tags, and at most this many subjects in all (0 = no cap). */
    public record Evaluator(String id, Set<String> expertise, int maxLoad) {
        public Evaluator {
            expertise = Set.copyOf(expertise);
            if (maxLoad < 0) {
                throw new IllegalArgumentException("maxLoad must not be negative");
            }
        }
    }

    /** A subject to be scored: which criterion (indicator) it belongs to, its topic tags, how many evaluators it needs. */
    public record Subject(String id, String criterion, Set<String> tags, int required) {
        public Subject {
            tags = Set.copyOf(tags);
            if (required < 0) {
                throw new IllegalArgumentException("required must not be negative");
            }
        }
    }

    /** An evaluator paired with a subject. */
    public record Pairing(String evaluator, String subject) {}

    /**
     * The problem: {@code forbidden} are the pairings that must never be made (conflicts of interest, pairings an
     * administrator removed); {@code fixed} already exist and count toward subjects' requirements and evaluators'
     * loads; {@code preferences} from −2 (would rather not) to +2 (wants to).
     */
    public record Problem(List<Evaluator> evaluators, List<Subject> subjects, Set<Pairing> forbidden, Set<Pairing> fixed,
            Map<Pairing, Integer> preferences) {
        public Problem {
            evaluators = List.copyOf(evaluators);
            subjects = List.copyOf(subjects);
            forbidden = Set.copyOf(forbidden);
            fixed = Set.copyOf(fixed);
            preferences = Map.copyOf(preferences);
        }

        int fixedCount(String subject) {
            int n = 0;
            for (Pairing p : fixed) {
                if (p.subject().equals(subject)) {
                    n++;
                }
            }
            return n;
        }

        boolean allowed(Evaluator evaluator, Subject subject) {
            Pairing pairing = new Pairing(evaluator.id(), subject.id());
            return !forbidden.contains(pairing) && !fixed.contains(pairing);
        }

        long cost(Evaluator evaluator, Subject subject) {
            long cost = BASE;
            if (subject.tags().stream().anyMatch(evaluator.expertise()::contains)) {
                cost -= EXPERTISE_BONUS;
            }
            int preference = Math.max(-2, Math.min(2, preferences.getOrDefault(new Pairing(evaluator.id(), subject.id()), 0)));
            return cost - PREFERENCE_STEP * preference;
        }
    }

    /**
     * The new pairings (fixed ones not repeated), each subject's shortfall when conflicts or caps left too few
     * evaluators (empty when every requirement is met), and the resulting loads (fixed included).
     */
    public record Result(List<Pairing> pairings, Map<String, Integer> shortfall, Map<String, Map<String, Integer>> loadsByCriterion) {

        /** The largest difference between two evaluators' loads within one criterion, over every criterion. */
        public int maxSpreadWithinCriterion() {
            int spread = 0;
            for (Map<String, Integer> loads : loadsByCriterion.values()) {
                int min = loads.values().stream().mapToInt(Integer::intValue).min().orElse(0);
                int max = loads.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                spread = Math.max(spread, max - min);
            }
            return spread;
        }
    }

    /** Solves the problem as a minimum-cost flow. */
    public static Result solve(Problem problem) {
        Map<String, List<Subject>> byCriterion = byCriterion(problem);
        Map<String, Integer> demand = new TreeMap<>();
        byCriterion.forEach((criterion, subjects) -> demand.put(criterion, subjects.stream().mapToInt(s -> open(problem, s)).sum()));
        int slack = 2;
        while (true) {
            Result result = solve(problem, byCriterion, demand, slack);
            if (result.shortfall().isEmpty() || slack > totalDemand(demand)) {
                return result;
            }
            slack = slack * 4; // caps too tight for what conflicts leave: widen them (rare)
        }
    }

    private static int totalDemand(Map<String, Integer> demand) {
        return demand.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static int open(Problem problem, Subject subject) {
        return Math.max(0, subject.required() - problem.fixedCount(subject.id()));
    }

    private static Result solve(Problem problem, Map<String, List<Subject>> byCriterion, Map<String, Integer> demand, int slack) {
        List<Evaluator> evaluators = problem.evaluators();
        int total = totalDemand(demand);
        Map<String, Map<String, Integer>> fixedLoads = fixedLoads(problem);
        Map<String, Integer> fixedTotals = new HashMap<>();
        fixedLoads.values().forEach(m -> m.forEach((e, n) -> fixedTotals.merge(e, n, Integer::sum)));
        int maxTotal = total + fixedTotals.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long overall = AFFINITY_RANGE + 1;
        long perCriterion = overall * (maxTotal + 1) + AFFINITY_RANGE + 1;

        int source = 0;
        int sink = 1;
        int evaluatorBase = 2;
        int next = evaluatorBase + evaluators.size();
        Map<String, Integer> subjectNode = new HashMap<>();
        for (List<Subject> subjects : byCriterion.values()) {
            for (Subject s : subjects) {
                subjectNode.put(s.id(), next++);
            }
        }
        // one node per evaluator × criterion in which the evaluator may score something
        Map<String, Map<Integer, Integer>> criterionNode = new LinkedHashMap<>();
        for (var entry : byCriterion.entrySet()) {
            Map<Integer, Integer> nodes = new HashMap<>();
            for (int i = 0; i < evaluators.size(); i++) {
                Evaluator e = evaluators.get(i);
                if (entry.getValue().stream().anyMatch(s -> problem.allowed(e, s))) {
                    nodes.put(i, next++);
                }
            }
            criterionNode.put(entry.getKey(), nodes);
        }
        MinCostFlow flow = new MinCostFlow(next);
        for (var entry : byCriterion.entrySet()) {
            for (Subject s : entry.getValue()) {
                int open = open(problem, s);
                if (open > 0) {
                    flow.addEdge(subjectNode.get(s.id()), sink, open, 0);
                }
            }
        }
        int[] totalCap = new int[evaluators.size()];
        List<int[]> pairEdges = new ArrayList<>(); // edge id, evaluator index, subject node
        Map<Integer, Subject> subjectAt = new HashMap<>();
        for (var entry : byCriterion.entrySet()) {
            String criterion = entry.getKey();
            List<Subject> subjects = entry.getValue();
            Map<Integer, Integer> nodes = criterionNode.get(criterion);
            int eligible = Math.max(1, nodes.size());
            int cap = (demand.get(criterion) + eligible - 1) / eligible + slack;
            for (var node : nodes.entrySet()) {
                int i = node.getKey();
                Evaluator e = evaluators.get(i);
                int already = fixedLoads.getOrDefault(criterion, Map.of()).getOrDefault(e.id(), 0);
                int allowed = (int) subjects.stream().filter(s -> problem.allowed(e, s)).count();
                int units = Math.min(cap, allowed);
                for (int k = 1; k <= units; k++) {
                    flow.addEdge(evaluatorBase + i, node.getValue(), 1, perCriterion * (already + k));
                }
                totalCap[i] += units;
                for (Subject s : subjects) {
                    if (problem.allowed(e, s)) {
                        int target = subjectNode.get(s.id());
                        subjectAt.put(target, s);
                        pairEdges.add(new int[] {flow.addEdge(node.getValue(), target, 1, problem.cost(e, s)), i, target});
                    }
                }
            }
        }
        for (int i = 0; i < evaluators.size(); i++) {
            Evaluator e = evaluators.get(i);
            int already = fixedTotals.getOrDefault(e.id(), 0);
            int units = totalCap[i];
            if (e.maxLoad() > 0) {
                units = Math.min(units, Math.max(0, e.maxLoad() - already));
            }
            for (int k = 1; k <= units; k++) {
                flow.addEdge(source, evaluatorBase + i, 1, overall * (already + k));
            }
        }
        flow.solve(source, sink, total);
        List<Pairing> pairings = new ArrayList<>();
        for (int[] edge : pairEdges) {
            if (flow.flow(edge[0]) > 0) {
                pairings.add(new Pairing(evaluators.get(edge[1]).id(), subjectAt.get(edge[2]).id()));
            }
        }
        return result(problem, pairings);
    }

    /** The baseline: each subject in turn takes the allowed evaluators with the lowest load in its criterion. */
    public static Result greedy(Problem problem) {
        Map<String, Map<String, Integer>> loads = fixedLoads(problem);
        Map<String, Integer> totals = new HashMap<>();
        loads.values().forEach(m -> m.forEach((e, n) -> totals.merge(e, n, Integer::sum)));
        List<Pairing> pairings = new ArrayList<>();
        for (Subject subject : problem.subjects()) {
            Map<String, Integer> criterionLoads = loads.computeIfAbsent(subject.criterion(), k -> new HashMap<>());
            List<Evaluator> candidates = problem.evaluators().stream()
                    .filter(e -> problem.allowed(e, subject))
                    .filter(e -> e.maxLoad() == 0 || totals.getOrDefault(e.id(), 0) < e.maxLoad())
                    .sorted(Comparator.<Evaluator>comparingInt(e -> criterionLoads.getOrDefault(e.id(), 0))
                            .thenComparingLong(e -> problem.cost(e, subject)))
                    .limit(open(problem, subject))
                    .toList();
            for (Evaluator e : candidates) {
                pairings.add(new Pairing(e.id(), subject.id()));
                criterionLoads.merge(e.id(), 1, Integer::sum);
                totals.merge(e.id(), 1, Integer::sum);
            }
        }
        return result(problem, pairings);
    }

    private static Map<String, List<Subject>> byCriterion(Problem problem) {
        Map<String, List<Subject>> byCriterion = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (Subject s : problem.subjects()) {
            if (!seen.add(s.id())) {
                throw new IllegalArgumentException("duplicate subject " + s.id());
            }
            byCriterion.computeIfAbsent(s.criterion(), k -> new ArrayList<>()).add(s);
        }
        return byCriterion;
    }

    private static Map<String, Map<String, Integer>> fixedLoads(Problem problem) {
        Map<String, String> criterionOf = new HashMap<>();
        problem.subjects().forEach(s -> criterionOf.put(s.id(), s.criterion()));
        Map<String, Map<String, Integer>> loads = new TreeMap<>();
        for (Pairing p : problem.fixed()) {
            String criterion = criterionOf.get(p.subject());
            if (criterion != null) {
                loads.computeIfAbsent(criterion, k -> new HashMap<>()).merge(p.evaluator(), 1, Integer::sum);
            }
        }
        return loads;
    }

    private static Result result(Problem problem, List<Pairing> pairings) {
        Map<String, Integer> count = new HashMap<>();
        problem.fixed().forEach(p -> count.merge(p.subject(), 1, Integer::sum));
        pairings.forEach(p -> count.merge(p.subject(), 1, Integer::sum));
        Map<String, Integer> shortfall = new TreeMap<>();
        Map<String, Map<String, Integer>> loads = new TreeMap<>();
        Map<String, String> criterionOf = new HashMap<>();
        for (Subject s : problem.subjects()) {
            criterionOf.put(s.id(), s.criterion());
            int missing = s.required() - count.getOrDefault(s.id(), 0);
            if (missing > 0) {
                shortfall.put(s.id(), missing);
            }
            Map<String, Integer> criterionLoads = loads.computeIfAbsent(s.criterion(), k -> new TreeMap<>());
            problem.evaluators().forEach(e -> criterionLoads.putIfAbsent(e.id(), 0));
        }
        for (Pairing p : problem.fixed()) {
            String criterion = criterionOf.get(p.subject());
            if (criterion != null) {
                loads.get(criterion).merge(p.evaluator(), 1, Integer::sum);
            }
        }
        pairings.forEach(p -> loads.get(criterionOf.get(p.subject())).merge(p.evaluator(), 1, Integer::sum));
        return new Result(List.copyOf(pairings), shortfall, loads);
    }
}
