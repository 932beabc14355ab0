package org.pyeongga.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Monte Carlo uncertainty of ranks (methods §3.2.6, after COINr's {@code get_sensitivity}): replications draw noisy
 * weights and a normalization scheme, re-aggregate, re-rank within groups and re-grade; each unit gets its median rank,
 * 5th–95th percentile rank interval, grade probabilities and mean rank shift.
 *
 * <p>Fast and reproducible: normalization does not depend on weights, so each scheme's normalized values are computed
 * once (exactly, by the engine) and replications only multiply, add and sort, in doubles (these are statistics).
 * Replications run in fixed blocks of {@value #BLOCK}, each with its own seed drawn in order from the run's seed, and
 * only integer counts are summed, so the result is the same for any number of threads.
 */
public final class UncertaintyAnalysis {

    static final int BLOCK = 64;

    private UncertaintyAnalysis() {}

    public static UncertaintyResult run(ScoringProblem problem, UncertaintySpec spec) {
        Prepared p = new Prepared(problem, spec);
        int blocks = (spec.replications() + BLOCK - 1) / BLOCK;
        long[] blockSeeds = new long[blocks];
        SplittableRandom root = new SplittableRandom(spec.seed());
        for (int b = 0; b < blocks; b++) {
            blockSeeds[b] = root.nextLong();
        }
        int workers = Math.min(spec.threads(), blocks);
        Accumulator[] accumulators = new Accumulator[workers];
        IntStream stream = IntStream.range(0, workers);
        (workers > 1 ? stream.parallel() : stream).forEach(t -> {
            Accumulator acc = new Accumulator(p);
            for (int b = t; b < blocks; b += workers) {
                int from = b * BLOCK;
                int to = Math.min(spec.replications(), from + BLOCK);
                acc.run(new SplittableRandom(blockSeeds[b]), to - from);
            }
            accumulators[t] = acc;
        });
        Accumulator total = accumulators[0];
        for (int t = 1; t < workers; t++) {
            total.add(accumulators[t]);
        }
        return p.result(total, spec);
    }

    /** The problem as flat arrays, computed once per run. */
    static final class Prepared {
        final int n;
        final int m;
        final int schemes;
        /** y[scheme][unit * m + indicator]. */
        final double[][] y;
        final double[] points;
        final int[] kind; // 0 scored, 1 bonus, 2 penalty
        final double bonusCap;
        final double penaltyCap;
        final boolean geometric;
        final double noise;
        final int[][] members;
        final int[] groupOf;
        final String[] groupNames;
        final int maxGroup;
        final int[] nominalRank;
        final List<String> labels = new ArrayList<>();
        /** label index at rank (1-based rank − 1) per group, −1 for none; null when grades depend on totals (cut-offs). */
        final int[][] labelAtRank;
        final GradeRule rule;
        final List<Unit> units;

        /** Panel indicators to redraw per replication (empty unless the spec asks for resampling). */
        final List<PanelDraw> draws = new ArrayList<>();
        final int[][] normalizationSets;

        Prepared(ScoringProblem withPanels, UncertaintySpec spec) {
            Map<String, NormalizedPanel> normalizedPanels = new LinkedHashMap<>();
            withPanels.panels().forEach((id, panel) ->
                    normalizedPanels.put(id, EvaluatorNormalization.apply(panel.scores(), panel.options())));
            ScoringProblem problem = withPanels.panels().isEmpty() ? withPanels
                    : ScoringEngine.withPanelValues(withPanels, normalizedPanels);
            units = problem.units();
            n = units.size();
            m = problem.indicators().size();
            rule = problem.gradeRule();
            List<ScoringProblem> variants = new ArrayList<>();
            variants.add(problem);
            for (Normalization alternative : spec.alternativeNormalizations()) {
                variants.add(problem.withIndicators(problem.indicators().stream()
                        .map(i -> i.kind() == IndicatorKind.SCORED && relative(i.normalization())
                                ? i.withNormalization(alternative) : i)
                        .toList()));
            }
            schemes = variants.size();
            geometric = problem.aggregation() == Aggregation.GEOMETRIC;
            double floor = ScoringEngine.GEOMETRIC_FLOOR.doubleValue();
            y = new double[schemes][n * m];
            for (int s = 0; s < schemes; s++) {
                BigDecimal[][] values = ScoringEngine.normalizedValues(variants.get(s));
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < m; k++) {
                        double v = values[j][k].doubleValue();
                        boolean scored = problem.indicators().get(k).kind() == IndicatorKind.SCORED;
                        y[s][j * m + k] = geometric && scored ? Math.log(Math.max(floor, v)) : v;
                    }
                }
            }
            points = new double[m];
            kind = new int[m];
            for (int k = 0; k < m; k++) {
                Indicator indicator = problem.indicators().get(k);
                points[k] = indicator.points().doubleValue();
                kind[k] = switch (indicator.kind()) {
                    case SCORED -> 0;
                    case BONUS -> 1;
                    case PENALTY -> 2;
                };
            }
            bonusCap = problem.bonusCap() == null ? Double.POSITIVE_INFINITY : problem.bonusCap().doubleValue();
            penaltyCap = problem.penaltyCap() == null ? Double.POSITIVE_INFINITY : problem.penaltyCap().doubleValue();
            noise = spec.weightNoise();

            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int j = 0; j < n; j++) {
                groups.computeIfAbsent(units.get(j).group(), g -> new ArrayList<>()).add(j);
            }
            members = new int[groups.size()][];
            groupNames = new String[groups.size()];
            groupOf = new int[n];
            int g = 0;
            int largest = 0;
            for (var entry : groups.entrySet()) {
                groupNames[g] = entry.getKey();
                members[g] = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
                for (int j : members[g]) {
                    groupOf[j] = g;
                }
                largest = Math.max(largest, members[g].length);
                g++;
            }
            maxGroup = largest;

            Map<String, List<Integer>> sets = new LinkedHashMap<>();
            for (int j = 0; j < n; j++) {
                sets.computeIfAbsent(problem.normalizeWithinGroups() ? units.get(j).group() : "", s -> new ArrayList<>()).add(j);
            }
            normalizationSets = sets.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
            if (spec.resampleEvaluators()) {
                for (int k = 0; k < m; k++) {
                    Panel panel = withPanels.panels().get(problem.indicators().get(k).id());
                    if (panel != null) {
                        List<Indicator> perScheme = new ArrayList<>();
                        for (ScoringProblem variant : variants) {
                            perScheme.add(variant.indicators().get(k));
                        }
                        draws.add(new PanelDraw(k, panel, perScheme, unitColumns(panel.scores(), units)));
                    }
                }
            }

            ScoringResult nominal = ScoringEngine.evaluate(problem);
            nominalRank = new int[n];
            for (int j = 0; j < n; j++) {
                nominalRank[j] = nominal.units().get(j).rank();
            }
            collectLabels(rule, labels);
            if (dependsOnTotals(rule)) {
                labelAtRank = null;
            } else {
                labelAtRank = new int[members.length][];
                for (int gi = 0; gi < members.length; gi++) {
                    int size = members[gi].length;
                    int[] ranks = IntStream.rangeClosed(1, size).toArray();
                    String[] byPosition = Grading.labels(rule, groupNames[gi], ranks, (pos, min) -> false);
                    labelAtRank[gi] = new int[size];
                    for (int r = 0; r < size; r++) {
                        labelAtRank[gi][r] = labelIndex(byPosition[r]);
                    }
                }
            }
        }

        /** For each unit of the problem, its column in the panel (−1 when the panel does not list it). */
        private static int[] unitColumns(EvaluatorScores scores, List<Unit> units) {
            Map<String, Integer> column = new HashMap<>();
            for (int c = 0; c < scores.unitCount(); c++) {
                column.put(scores.units().get(c), c);
            }
            return units.stream().mapToInt(u -> column.getOrDefault(u.id(), -1)).toArray();
        }

        int labelIndex(String label) {
            return label == null ? -1 : labels.indexOf(label);
        }

        /** Every label the rule can give, in order, so counts need no growing. */
        private static void collectLabels(GradeRule rule, List<String> into) {
            List<String> found = switch (rule) {
                case GradeRule.None none -> List.of();
                case GradeRule.PercentileBands bands -> bands.bands().stream().map(GradeRule.Band::label).toList();
                case GradeRule.Quotas quotas -> quotas.others() == null ? List.of(quotas.winner())
                        : List.of(quotas.winner(), quotas.others());
                case GradeRule.Cutoffs cutoffs -> {
                    List<String> all = new ArrayList<>(cutoffs.cuts().stream().map(GradeRule.Cut::label).toList());
                    all.add(cutoffs.below());
                    yield all;
                }
                case GradeRule.Layers layers -> {
                    List<String> all = new ArrayList<>();
                    layers.layers().forEach(l -> collectLabels(l, all));
                    yield all;
                }
            };
            found.stream().filter(l -> !into.contains(l)).forEach(into::add);
        }

        private static boolean relative(Normalization normalization) {
            return normalization instanceof Normalization.MinMax || normalization instanceof Normalization.ZScore
                    || normalization instanceof Normalization.PercentileRank;
        }

        private static boolean dependsOnTotals(GradeRule rule) {
            return rule instanceof GradeRule.Cutoffs
                    || rule instanceof GradeRule.Layers layers && layers.layers().stream().anyMatch(Prepared::dependsOnTotals);
        }

        UncertaintyResult result(Accumulator acc, UncertaintySpec spec) {
            int replications = spec.replications();
            List<UncertaintyResult.UnitUncertainty> out = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                int size = members[groupOf[j]].length;
                int median = quantile(acc.rankCount[j], replications, 0.5);
                int p5 = quantile(acc.rankCount[j], replications, 0.05);
                int p95 = quantile(acc.rankCount[j], replications, 0.95);
                Map<String, Double> probabilities = new HashMap<>();
                int seen = 0;
                for (int l = 0; l < labels.size(); l++) {
                    if (acc.gradeCount[j][l] > 0) {
                        probabilities.put(labels.get(l), acc.gradeCount[j][l] / (double) replications);
                        if (acc.gradeCount[j][l] >= 0.05 * replications) {
                            seen++;
                        }
                    }
                }
                boolean crosses = labelAtRank == null ? seen > 1
                        : labelAtRank[groupOf[j]][Math.min(p5, size) - 1] != labelAtRank[groupOf[j]][Math.min(p95, size) - 1];
                out.add(new UncertaintyResult.UnitUncertainty(units.get(j).id(), units.get(j).group(), nominalRank[j], median,
                        p5, p95, acc.shiftSum[j] / (double) replications, probabilities, crosses));
            }
            return new UncertaintyResult(spec.seed(), replications, out, acc.totalShift / ((double) replications * n));
        }

        /** Nearest-rank quantile of a histogram of ranks (1-based). */
        private static int quantile(int[] counts, int total, double q) {
            long needed = Math.max(1, (long) Math.ceil(q * total));
            long cumulative = 0;
            for (int r = 1; r < counts.length; r++) {
                cumulative += counts[r];
                if (cumulative >= needed) {
                    return r;
                }
            }
            return counts.length - 1;
        }
    }

    /** A panel indicator redrawn per replication: its column k, the panel, the indicator per scheme, unit columns. */
    record PanelDraw(int k, Panel panel, List<Indicator> perScheme, int[] columns) {}

    /** One worker's counts and scratch space (nothing is allocated per replication on the rank-based path). */
    static final class Accumulator {
        final Prepared p;
        final int[][] rankCount;
        final int[][] gradeCount;
        final long[] shiftSum;
        long totalShift;
        private final double[] weights;
        private final double[] totals;
        private final int[] order;
        private final int[] rankAtPosition;
        private final double[] redrawn;

        Accumulator(Prepared p) {
            this.p = p;
            rankCount = new int[p.n][p.maxGroup + 1];
            gradeCount = new int[p.n][Math.max(1, p.labels.size())];
            shiftSum = new long[p.n];
            weights = new double[p.m];
            totals = new double[p.n];
            order = new int[p.maxGroup];
            rankAtPosition = new int[p.maxGroup];
            redrawn = new double[p.n * p.m];
        }

        void run(SplittableRandom random, int replications) {
            for (int r = 0; r < replications; r++) {
                replicate(random);
            }
        }

        private void replicate(SplittableRandom random) {
            int scheme = p.schemes == 1 ? 0 : random.nextInt(p.schemes);
            double scoredPoints = 0;
            for (int k = 0; k < p.m; k++) {
                weights[k] = p.points[k] * (1 + p.noise * (2 * random.nextDouble() - 1));
                if (p.kind[k] == 0) {
                    scoredPoints += weights[k];
                }
            }
            double[] y = p.y[scheme];
            if (!p.draws.isEmpty()) {
                System.arraycopy(y, 0, redrawn, 0, y.length);
                for (PanelDraw draw : p.draws) {
                    redraw(draw, scheme, random);
                }
                y = redrawn;
            }
            for (int j = 0; j < p.n; j++) {
                double aggregate = 0;
                double bonus = 0;
                double penalty = 0;
                int base = j * p.m;
                for (int k = 0; k < p.m; k++) {
                    double v = y[base + k];
                    switch (p.kind[k]) {
                        case 0 -> aggregate += weights[k] * v;
                        case 1 -> bonus += weights[k] * v;
                        default -> penalty += weights[k] * v;
                    }
                }
                if (p.geometric) {
                    aggregate = scoredPoints == 0 ? 0 : scoredPoints * Math.exp(aggregate / scoredPoints);
                }
                totals[j] = aggregate + Math.min(bonus, p.bonusCap) - Math.min(penalty, p.penaltyCap);
            }
            long shift = 0;
            for (int g = 0; g < p.members.length; g++) {
                int[] group = p.members[g];
                int size = group.length;
                System.arraycopy(group, 0, order, 0, size);
                sortDescending(order, size, totals);
                for (int pos = 0; pos < size; pos++) {
                    int j = order[pos];
                    int rank = pos > 0 && totals[order[pos - 1]] == totals[j] ? rankAtPosition[pos - 1] : pos + 1;
                    rankAtPosition[pos] = rank;
                    rankCount[j][rank]++;
                    int d = Math.abs(rank - p.nominalRank[j]);
                    shiftSum[j] += d;
                    shift += d;
                    if (p.labelAtRank != null) {
                        int label = p.labelAtRank[g][rank - 1];
                        if (label >= 0) {
                            gradeCount[j][label]++;
                        }
                    }
                }
                if (p.labelAtRank == null) {
                    gradeByTotals(g, size);
                }
            }
            totalShift += shift;
        }

        /**
         * A bootstrap of one panel: as many evaluators as it has, drawn with replacement, normalized again with the
         * panel's options, and the indicator normalized again from the new per-unit scores (exact, then as doubles).
         */
        private void redraw(PanelDraw draw, int scheme, SplittableRandom random) {
            EvaluatorScores scores = draw.panel().scores();
            int evaluators = scores.evaluatorCount();
            double[][] rows = new double[evaluators][];
            List<String> ids = new ArrayList<>(evaluators);
            double[][] all = scores.scores();
            for (int i = 0; i < evaluators; i++) {
                int pick = random.nextInt(evaluators);
                rows[i] = all[pick];
                ids.add(scores.evaluators().get(pick) + "#" + i);
            }
            NormalizedPanel panel = EvaluatorNormalization.apply(new EvaluatorScores(ids, scores.units(), rows),
                    draw.panel().options());
            double[] unitScores = panel.scores();
            Indicator indicator = draw.perScheme().get(scheme);
            double floor = ScoringEngine.GEOMETRIC_FLOOR.doubleValue();
            for (int[] set : p.normalizationSets) {
                BigDecimal[] raw = new BigDecimal[set.length];
                for (int i = 0; i < set.length; i++) {
                    int column = draw.columns()[set[i]];
                    double v = column < 0 ? Double.NaN : unitScores[column];
                    raw[i] = Double.isNaN(v) ? null : BigDecimal.valueOf(v).setScale(Panel.SCALE, java.math.RoundingMode.HALF_UP);
                }
                BigDecimal[] normalized = IndicatorNormalizer.normalize(indicator.normalization(), indicator.polarity(), raw);
                for (int i = 0; i < set.length; i++) {
                    double v = normalized[i].doubleValue();
                    redrawn[set[i] * p.m + draw.k()] = p.geometric && p.kind[draw.k()] == 0 ? Math.log(Math.max(floor, v)) : v;
                }
            }
        }

        /** Cut-off rules compare totals: the slow, general path (allocates the labels of one group). */
        private void gradeByTotals(int g, int size) {
            int[] ranks = java.util.Arrays.copyOf(rankAtPosition, size);
            int[] positions = java.util.Arrays.copyOf(order, size);
            String[] labels = Grading.labels(p.rule, p.groupNames[g], ranks,
                    (pos, minimum) -> totals[positions[pos]] >= minimum.doubleValue());
            for (int pos = 0; pos < size; pos++) {
                int label = p.labelIndex(labels[pos]);
                if (label >= 0) {
                    gradeCount[positions[pos]][label]++;
                }
            }
        }

        /** Insertion sort of unit indices by total, highest first (groups are small: ≤ a few hundred), stable. */
        private static void sortDescending(int[] a, int size, double[] key) {
            for (int i = 1; i < size; i++) {
                int v = a[i];
                double kv = key[v];
                int j = i - 1;
                while (j >= 0 && key[a[j]] < kv) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
        }

        void add(Accumulator other) {
            for (int j = 0; j < p.n; j++) {
                for (int r = 0; r < rankCount[j].length; r++) {
                    rankCount[j][r] += other.rankCount[j][r];
                }
                for (int l = 0; l < gradeCount[j].length; l++) {
                    gradeCount[j][l] += other.gradeCount[j][l];
                }
                shiftSum[j] += other.shiftSum[j];
            }
            totalShift += other.totalShift;
        }
    }
}
