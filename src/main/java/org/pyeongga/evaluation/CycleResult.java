package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.scoring.Explanation;

/**
 * One stored result run of a cycle, as pages and the API show it: every institution's total, rank, grade (and item
 * grades), its rank interval from the Monte Carlo, and its explanation; plus the rules that produced it.
 */
public record CycleResult(long cycleId, int runNo, String gradeRule, String rounding, String tieRule,
        int replications, long seed, List<Row> rows, List<PanelFigures> panels) {

    /**
     * A qualitative indicator's panel: how its evaluators were normalized (method and reason) and how far they agree
     * (Krippendorff's interval α, ICC(2,1) and ICC(3,1), NaN when undefined), and how many institutions' evaluators
     * disagreed beyond the spread threshold.
     */
    public record PanelFigures(String indicatorCode, String indicatorName, int evaluators, String method, String reason,
            double alpha, double icc2, double icc3, int flaggedUnits) {

        public String alphaText() {
            return figure(alpha);
        }

        public String icc2Text() {
            return figure(icc2);
        }

        public String icc3Text() {
            return figure(icc3);
        }

        private static String figure(double v) {
            return Double.isNaN(v) ? "—" : String.format(java.util.Locale.ROOT, "%.3f", v);
        }
    }

    public CycleResult {
        rows = List.copyOf(rows);
        panels = panels == null ? List.of() : List.copyOf(panels);
    }

    public record Row(long institutionId, String name, String group, BigDecimal total, int rank, @Nullable String grade,
            Map<String, String> itemGrades, int medianRank, int p5Rank, int p95Rank, boolean crossesGradeBoundary,
            Map<String, Double> gradeProbabilities, Explanation explanation) {}

    /**
     * The same run with every row's item grades in the given item order (the framework's): stored runs are JSONB,
     * which keeps no key order, and pages show items as the framework lists them.
     */
    CycleResult withItemOrder(List<String> items) {
        List<Row> ordered = rows.stream().map(r -> {
            Map<String, String> grades = new java.util.LinkedHashMap<>();
            items.stream().filter(r.itemGrades()::containsKey).forEach(i -> grades.put(i, r.itemGrades().get(i)));
            r.itemGrades().forEach(grades::putIfAbsent);
            return new Row(r.institutionId(), r.name(), r.group(), r.total(), r.rank(), r.grade(),
                    java.util.Collections.unmodifiableMap(grades), r.medianRank(), r.p5Rank(), r.p95Rank(),
                    r.crossesGradeBoundary(), r.gradeProbabilities(), r.explanation());
        }).toList();
        return new CycleResult(cycleId, runNo, gradeRule, rounding, tieRule, replications, seed, ordered, panels);
    }

    /** Rows of one group, best first. */
    public List<Row> group(String group) {
        return rows.stream().filter(r -> r.group().equals(group))
                .sorted(java.util.Comparator.comparingInt(Row::rank).thenComparing(Row::name)).toList();
    }

    public List<String> groups() {
        return rows.stream().map(Row::group).distinct().toList();
    }

    /** How many institutions of a group got a grade. */
    public long count(String group, String grade) {
        return rows.stream().filter(r -> r.group().equals(group) && grade.equals(r.grade())).count();
    }
}
