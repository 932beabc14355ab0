package org.pyeongga.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The deterministic evaluation: normalize each indicator (within each group or across all units), aggregate the
 * scored indicators, add bonus and take penalty points within their caps, rank within groups under the tie rule, and
 * grade. Every published number is a decimal at the problem's declared scale; a unit's total is the exact sum of its
 * rounded contributions, and its explanation tree adds up to it.
 */
public final class ScoringEngine {

    /** In geometric aggregation a normalized value below this counts as it (log 0 is undefined). */
    public static final BigDecimal GEOMETRIC_FLOOR = new BigDecimal("0.001");

    private ScoringEngine() {}

    public static ScoringResult evaluate(ScoringProblem problem) {
        Map<String, NormalizedPanel> panels = new LinkedHashMap<>();
        Map<String, ReliabilityReport> reliability = new LinkedHashMap<>();
        if (!problem.panels().isEmpty()) {
            problem.panels().forEach((indicatorId, panel) -> {
                panels.put(indicatorId, EvaluatorNormalization.apply(panel.scores(), panel.options()));
                reliability.put(indicatorId, ReliabilityReport.of(indicatorId, indicatorId, panel.scores(), panel.spread()));
            });
            ScoringResult result = evaluate(withPanelValues(problem, panels));
            return new ScoringResult(result.units().stream().map(u -> annotate(u, panels)).toList(), result.aggregation(),
                    result.tieRule(), result.roundingRule(), panels, reliability);
        }
        List<Unit> units = problem.units();
        List<Indicator> indicators = problem.indicators();
        int n = units.size();
        int m = indicators.size();
        BigDecimal[][] y = normalizedValues(problem);
        Rounding rounding = problem.rounding();

        BigDecimal[][] contribution = new BigDecimal[n][m];
        BigDecimal[] aggregate = new BigDecimal[n];
        BigDecimal[] bonus = new BigDecimal[n];
        BigDecimal[] penalty = new BigDecimal[n];
        BigDecimal[] bonusCut = new BigDecimal[n];
        BigDecimal[] penaltyCut = new BigDecimal[n];
        BigDecimal[] total = new BigDecimal[n];
        for (int j = 0; j < n; j++) {
            aggregate[j] = problem.aggregation() == Aggregation.ARITHMETIC ? arithmetic(indicators, y[j], rounding, contribution[j])
                    : geometric(indicators, y[j], rounding, contribution[j]);
            BigDecimal bonusSum = BigDecimal.ZERO;
            BigDecimal penaltySum = BigDecimal.ZERO;
            for (int k = 0; k < m; k++) {
                Indicator indicator = indicators.get(k);
                if (indicator.kind() == IndicatorKind.BONUS) {
                    contribution[j][k] = rounding.apply(indicator.points().multiply(y[j][k]));
                    bonusSum = bonusSum.add(contribution[j][k]);
                } else if (indicator.kind() == IndicatorKind.PENALTY) {
                    contribution[j][k] = rounding.apply(indicator.points().multiply(y[j][k])).negate();
                    penaltySum = penaltySum.add(contribution[j][k].negate());
                }
            }
            bonusCut[j] = cut(bonusSum, problem.bonusCap(), rounding);
            penaltyCut[j] = cut(penaltySum, problem.penaltyCap(), rounding);
            bonus[j] = bonusSum.subtract(bonusCut[j]);
            penalty[j] = penaltySum.subtract(penaltyCut[j]);
            total[j] = aggregate[j].add(bonus[j]).subtract(penalty[j]);
        }

        int[] rank = new int[n];
        int[] position = new int[n];
        String[] grade = new String[n];
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            groups.computeIfAbsent(units.get(j).group(), g -> new ArrayList<>()).add(j);
        }
        Map<String, Integer> indicatorIndex = new HashMap<>();
        for (int k = 0; k < m; k++) {
            indicatorIndex.put(indicators.get(k).id(), k);
        }
        for (var group : groups.entrySet()) {
            Integer[] order = group.getValue().toArray(Integer[]::new);
            Comparator<Integer> better = tieOrder(problem.tieRule(), total, contribution, indicatorIndex);
            Arrays.sort(order, better.thenComparing(j -> units.get(j).id()));
            int[] rankAtPosition = new int[order.length];
            for (int p = 0; p < order.length; p++) {
                boolean tied = p > 0 && better.compare(order[p - 1], order[p]) == 0;
                rankAtPosition[p] = tied ? rankAtPosition[p - 1] : p + 1;
                rank[order[p]] = rankAtPosition[p];
                position[order[p]] = p + 1;
            }
            String[] labels = Grading.labels(problem.gradeRule(), group.getKey(), rankAtPosition,
                    (p, minimum) -> total[order[p]].compareTo(minimum) >= 0);
            for (int p = 0; p < order.length; p++) {
                grade[order[p]] = labels[p];
            }
        }

        List<UnitResult> results = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            List<UnitResult.IndicatorScore> scores = new ArrayList<>(m);
            for (int k = 0; k < m; k++) {
                scores.add(new UnitResult.IndicatorScore(indicators.get(k).id(), raw(problem, j, k), y[j][k], contribution[j][k]));
            }
            Explanation explanation = explain(problem, j, y[j], contribution[j], aggregate[j], bonusCut[j], penaltyCut[j], total[j]);
            results.add(new UnitResult(units.get(j), scores, aggregate[j], bonus[j], penalty[j], total[j], rank[j],
                    position[j], grade[j], explanation));
        }
        return new ScoringResult(results, problem.aggregation().name(), problem.tieRule().code(),
                rounding.scale() + ":" + rounding.mode().name(), Map.of(), Map.of());
    }

    /**
     * The problem with each panel indicator's raw values taken from its normalized panel (as a result reports it), and
     * no panels left: re-evaluating it, or parts of it, does not normalize the evaluators again.
     */
    public static ScoringProblem withPanelValues(ScoringProblem problem, Map<String, NormalizedPanel> panels) {
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        problem.values().forEach((unit, row) -> values.put(unit, new HashMap<>(row)));
        panels.forEach((indicatorId, panel) -> {
            for (Unit unit : problem.units()) {
                Map<String, BigDecimal> row = values.computeIfAbsent(unit.id(), u -> new HashMap<>());
                double score = panel.units().stream().filter(s -> s.unit().equals(unit.id()))
                        .mapToDouble(NormalizedPanel.UnitScore::score).findFirst().orElse(Double.NaN);
                if (Double.isNaN(score)) {
                    row.remove(indicatorId);
                } else {
                    row.put(indicatorId, BigDecimal.valueOf(score).setScale(Panel.SCALE, RoundingMode.HALF_UP));
                }
            }
        });
        return problem.withValues(values);
    }

    /** Adds to each panel indicator's explanation how its evaluators were normalized, and how many counted. */
    private static UnitResult annotate(UnitResult unit, Map<String, NormalizedPanel> panels) {
        return new UnitResult(unit.unit(), unit.indicators(), unit.aggregate(), unit.bonus(), unit.penalty(), unit.total(),
                unit.rank(), unit.position(), unit.grade(), annotate(unit.explanation(), unit.unit().id(), panels));
    }

    private static Explanation annotate(Explanation node, String unitId, Map<String, NormalizedPanel> panels) {
        if (node.kind().equals("INDICATOR") && node.indicatorId() != null && panels.containsKey(node.indicatorId())) {
            NormalizedPanel panel = panels.get(node.indicatorId());
            var score = panel.units().stream().filter(s -> s.unit().equals(unitId)).findFirst();
            String how = "평가위원 " + score.map(NormalizedPanel.UnitScore::counted).orElse(0) + "명, "
                    + panel.method().korean() + " (" + panel.reason().korean() + "); ";
            return new Explanation(node.kind(), node.label(), node.value(), how + node.formula(), node.raw(),
                    node.normalized(), node.parts(), node.indicatorId());
        }
        if (node.parts().isEmpty()) {
            return node;
        }
        return new Explanation(node.kind(), node.label(), node.value(), node.formula(), node.raw(), node.normalized(),
                node.parts().stream().map(p -> annotate(p, unitId, panels)).toList(), node.indicatorId());
    }

    /** y[unit][indicator], normalized within each group (or across all units) as the problem says. */
    static BigDecimal[][] normalizedValues(ScoringProblem problem) {
        List<Unit> units = problem.units();
        int n = units.size();
        int m = problem.indicators().size();
        BigDecimal[][] y = new BigDecimal[n][m];
        Map<String, List<Integer>> sets = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            sets.computeIfAbsent(problem.normalizeWithinGroups() ? units.get(j).group() : "", g -> new ArrayList<>()).add(j);
        }
        for (int k = 0; k < m; k++) {
            Indicator indicator = problem.indicators().get(k);
            for (List<Integer> set : sets.values()) {
                BigDecimal[] raw = new BigDecimal[set.size()];
                for (int i = 0; i < raw.length; i++) {
                    raw[i] = raw(problem, set.get(i), k);
                }
                BigDecimal[] normalized = IndicatorNormalizer.normalize(indicator.normalization(), indicator.polarity(), raw);
                for (int i = 0; i < raw.length; i++) {
                    y[set.get(i)][k] = normalized[i];
                }
            }
        }
        return y;
    }

    private static @Nullable BigDecimal raw(ScoringProblem problem, int unit, int indicator) {
        return problem.value(problem.units().get(unit).id(), problem.indicators().get(indicator).id());
    }

    /** Σ p_k·y_k over scored indicators, each contribution rounded; the total is their exact sum. */
    private static BigDecimal arithmetic(List<Indicator> indicators, BigDecimal[] y, Rounding rounding, BigDecimal[] contribution) {
        BigDecimal sum = BigDecimal.ZERO.setScale(rounding.scale());
        for (int k = 0; k < indicators.size(); k++) {
            if (indicators.get(k).kind() == IndicatorKind.SCORED) {
                contribution[k] = rounding.apply(indicators.get(k).points().multiply(y[k]));
                sum = sum.add(contribution[k]);
            }
        }
        return sum;
    }

    /**
     * P·Π y_k^(p_k/P) (computed in double: a power with a fractional exponent), rounded; each indicator's share of it
     * is attributed by its weighted logarithm (w_k·ln y_k / Σ w·ln y) and rounded by largest remainder, so the shares
     * still add up exactly to the rounded total.
     */
    private static BigDecimal geometric(List<Indicator> indicators, BigDecimal[] y, Rounding rounding, BigDecimal[] contribution) {
        List<Integer> scored = new ArrayList<>();
        double points = 0;
        for (int k = 0; k < indicators.size(); k++) {
            if (indicators.get(k).kind() == IndicatorKind.SCORED) {
                scored.add(k);
                points += indicators.get(k).points().doubleValue();
            }
        }
        if (scored.isEmpty() || points == 0) {
            scored.forEach(k -> contribution[k] = BigDecimal.ZERO.setScale(rounding.scale()));
            return BigDecimal.ZERO.setScale(rounding.scale());
        }
        double floor = GEOMETRIC_FLOOR.doubleValue();
        double logSum = 0;
        double[] weightedLog = new double[indicators.size()];
        for (int k : scored) {
            double w = indicators.get(k).points().doubleValue() / points;
            weightedLog[k] = w * Math.log(Math.max(floor, y[k].doubleValue()));
            logSum += weightedLog[k];
        }
        BigDecimal total = rounding.apply(BigDecimal.valueOf(points * Math.exp(logSum)));
        if (logSum == 0) { // every y is 1: shares by points
            for (int k : scored) {
                weightedLog[k] = indicators.get(k).points().doubleValue();
            }
            logSum = points;
        }
        BigDecimal[] exact = new BigDecimal[scored.size()];
        for (int i = 0; i < scored.size(); i++) {
            exact[i] = total.multiply(BigDecimal.valueOf(weightedLog[scored.get(i)] / logSum));
        }
        BigDecimal[] shares = largestRemainder(exact, total, rounding.scale());
        for (int i = 0; i < scored.size(); i++) {
            contribution[scored.get(i)] = shares[i];
        }
        return total;
    }

    /** Rounds each part down at {@code scale}, then gives the remaining units of the last place to the largest remainders. */
    static BigDecimal[] largestRemainder(BigDecimal[] exact, BigDecimal total, int scale) {
        BigDecimal[] rounded = new BigDecimal[exact.length];
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < exact.length; i++) {
            rounded[i] = exact[i].setScale(scale, RoundingMode.FLOOR);
            sum = sum.add(rounded[i]);
        }
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
        int missing = total.subtract(sum).divide(step).intValue();
        Integer[] byRemainder = new Integer[exact.length];
        for (int i = 0; i < exact.length; i++) {
            byRemainder[i] = i;
        }
        Arrays.sort(byRemainder, Comparator.comparing((Integer i) -> exact[i].subtract(rounded[i])).reversed()
                .thenComparing(i -> i));
        for (int r = 0; r < Math.abs(missing); r++) {
            int i = byRemainder[r % exact.length];
            rounded[i] = missing > 0 ? rounded[i].add(step) : rounded[i].subtract(step);
        }
        return rounded;
    }

    /** How much of {@code sum} a cap cuts off (0 when there is no cap or the sum is within it). */
    private static BigDecimal cut(BigDecimal sum, @Nullable BigDecimal cap, Rounding rounding) {
        if (cap == null || sum.compareTo(cap) <= 0) {
            return BigDecimal.ZERO.setScale(rounding.scale());
        }
        return rounding.apply(sum.subtract(cap));
    }

    /** Better first: higher total, then the tie rule's indicators (higher contribution first). */
    private static Comparator<Integer> tieOrder(TieRule rule, BigDecimal[] total, BigDecimal[][] contribution,
            Map<String, Integer> indicatorIndex) {
        Comparator<Integer> order = Comparator.comparing((Integer j) -> total[j]).reversed();
        if (rule instanceof TieRule.ByIndicators by) {
            for (String id : by.indicatorIds()) {
                int k = indicatorIndex.get(id);
                order = order.thenComparing(Comparator.comparing((Integer j) -> contribution[j][k]).reversed());
            }
        }
        return order;
    }

    private static Explanation explain(ScoringProblem problem, int j, BigDecimal[] y, BigDecimal[] contribution,
            BigDecimal aggregate, BigDecimal bonusCut, BigDecimal penaltyCut, BigDecimal total) {
        List<Indicator> indicators = problem.indicators();
        Node root = new Node("TOTAL", "총점");
        for (int k = 0; k < indicators.size(); k++) {
            Indicator indicator = indicators.get(k);
            Node parent = root;
            if (indicator.kind() == IndicatorKind.SCORED) {
                for (String level : indicator.path()) {
                    parent = parent.child(level);
                }
            } else {
                parent = root.child(indicator.kind() == IndicatorKind.BONUS ? "가점" : "감점");
                parent.kind = indicator.kind().name();
            }
            BigDecimal raw = raw(problem, j, k);
            String formula = (raw == null ? "미제출: y = 0; " : "")
                    + IndicatorNormalizer.formula(indicator.normalization(), indicator.polarity())
                    + "; " + (indicator.kind() == IndicatorKind.PENALTY ? "−" : "") + "배점 " + IndicatorNormalizer.plain(indicator.points()) + " × y"
                    + (problem.aggregation() == Aggregation.GEOMETRIC && indicator.kind() == IndicatorKind.SCORED
                            ? " (기하 집계: 가중 로그 비율로 배분)" : "");
            parent.leaves.add(new Explanation("INDICATOR", indicator.name(), contribution[k], formula, raw,
                    IndicatorNormalizer.round(y[k], 6), List.of(), indicator.id()));
        }
        if (bonusCut.signum() > 0) {
            root.child("가점").leaves.add(new Explanation("CAP", "가점 상한 " + IndicatorNormalizer.plain(problem.bonusCap()), bonusCut.negate(),
                    "가점 합계가 상한을 넘은 만큼 제외", null, null, List.of(), null));
        }
        if (penaltyCut.signum() > 0) {
            root.child("감점").leaves.add(new Explanation("CAP", "감점 상한 " + IndicatorNormalizer.plain(problem.penaltyCap()), penaltyCut,
                    "감점 합계가 상한을 넘은 만큼 되돌림", null, null, List.of(), null));
        }
        Explanation tree = root.build(problem.aggregation() == Aggregation.ARITHMETIC
                ? "총점 = Σ 배점 × y + 가점 − 감점" : "총점 = Σ배점 × Π y^(배점/Σ배점) + 가점 − 감점");
        if (tree.partsSum().compareTo(total) != 0) {
            throw new IllegalStateException("explanation does not add up for " + problem.units().get(j).id());
        }
        return tree;
    }

    /** A mutable node while the tree is built; areas and items keep the order of first appearance. */
    private static final class Node {
        String kind;
        final String label;
        final Map<String, Node> children = new LinkedHashMap<>();
        final List<Explanation> leaves = new ArrayList<>();

        Node(String kind, String label) {
            this.kind = kind;
            this.label = label;
        }

        Node child(String name) {
            return children.computeIfAbsent(name, l -> new Node("GROUP", l));
        }

        Explanation build(String formula) {
            List<Explanation> parts = new ArrayList<>();
            children.values().forEach(c -> parts.add(c.build("합계 = Σ 하위 항목")));
            parts.addAll(leaves);
            BigDecimal value = parts.stream().map(Explanation::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Explanation(kind, label, value, formula, null, null, parts, null);
        }
    }
}
