package org.pyeongga.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pyeongga.scoring.NormalizedPanel.EvaluatorSummary;
import org.pyeongga.scoring.NormalizedPanel.UnitScore;

/**
 * Invariances of evaluator normalization on seeded random panels; the seed is in each case's name, so a failure can be
 * replayed with {@code new SplittableRandom(seed)}.
 *
 * <p>Rescaling to the raw range (methods §3.1.2) is deliberately not invariant to one evaluator's shift or scale: the
 * range of the raw means itself moves. What is invariant, and checked, is each unit's mean z (the standardized score)
 * and its position within the range.
 */
class EvaluatorNormalizationPropertyTests {

    static final double TOLERANCE = 1e-9;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 50).map(k -> 7919 * k);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void relabellingEvaluatorsAndUnitsChangesNoResultOfAnyMethod(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EvaluatorScores original = anyPanel(random);
        int[] rows = permutation(original.evaluatorCount(), random);
        int[] columns = permutation(original.unitCount(), random);
        double[][] x = new double[rows.length][columns.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                x[r][c] = original.score(rows[r], columns[c]);
            }
        }
        EvaluatorScores relabelled = new EvaluatorScores(
                IntStream.of(rows).mapToObj(original.evaluators()::get).toList(),
                IntStream.of(columns).mapToObj(original.units()::get).toList(), x);

        for (EvaluatorMethod method : EvaluatorMethod.values()) {
            String context = "seed " + seed + ", " + method + ", " + original;
            EvaluatorNormalizationOptions options = EvaluatorNormalizationOptions.of(method);
            NormalizedPanel before = EvaluatorNormalization.apply(original, options);
            NormalizedPanel after = EvaluatorNormalization.apply(relabelled, options);

            assertThat(after.method()).as(context).isEqualTo(before.method());
            assertThat(after.reason().code()).as(context).isEqualTo(before.reason().code());
            assertThat(after.reason().arguments()).as(context).isEqualTo(before.reason().arguments());
            assertThat(after.notes()).extracting(NormalizationReason::code).as(context)
                    .isEqualTo(before.notes().stream().map(NormalizationReason::code).toList());
            for (UnitScore unit : before.units()) {
                UnitScore moved = after.unit(unit.unit());
                String where = context + ", unit " + unit.unit();
                assertClose(moved.score(), unit.score(), where);
                assertClose(moved.standardized(), unit.standardized(), where);
                assertClose(moved.rawMean(), unit.rawMean(), where);
                assertThat(moved.counted()).as(where).isEqualTo(unit.counted());
                assertThat(code(moved.note())).as(where).isEqualTo(code(unit.note()));
            }
            for (EvaluatorSummary evaluator : before.evaluators()) {
                EvaluatorSummary moved = after.evaluator(evaluator.evaluator());
                String where = context + ", evaluator " + evaluator.evaluator();
                assertClose(moved.leniency(), evaluator.leniency(), where);
                assertClose(moved.sd(), evaluator.sd(), where);
                assertThat(moved.status()).as(where).isEqualTo(evaluator.status());
                assertThat(code(moved.guard())).as(where).isEqualTo(code(evaluator.guard()));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void addingAConstantToOneEvaluatorsScoresChangesNoZScore(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EvaluatorScores original = connectedPanel(random);
        int k = random.nextInt(original.evaluatorCount());
        double c = -30 + 60 * random.nextDouble();

        assertStandardizedUnchanged(EvaluatorMethod.Z_SCORE, original, transform(original, k, 1, c),
                "seed " + seed + ": E" + k + " + " + c);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void multiplyingOneEvaluatorsScoresByAPositiveFactorChangesNoZScore(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EvaluatorScores original = connectedPanel(random);
        int k = random.nextInt(original.evaluatorCount());
        double factor = 0.2 + 4.8 * random.nextDouble();

        assertStandardizedUnchanged(EvaluatorMethod.Z_SCORE, original, transform(original, k, factor, 0),
                "seed " + seed + ": E" + k + " × " + factor);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aPositiveLinearChangeOfOneEvaluatorsScoresChangesNoWinsorizedMinMaxScore(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EvaluatorScores original = connectedPanel(random);
        int k = random.nextInt(original.evaluatorCount());
        double factor = 0.2 + 4.8 * random.nextDouble();
        double c = -30 + 60 * random.nextDouble();

        assertStandardizedUnchanged(EvaluatorMethod.MIN_MAX_WINSORIZED, original, transform(original, k, factor, c),
                "seed " + seed + ": E" + k + " × " + factor + " + " + c);
    }

    /**
     * With Σ b = 0, adding c to evaluator k's scores moves b_k by c·(1 − 1/m), every other b by −c/m and every q by +c/m
     * (m evaluators in the model): unit differences and the other evaluators' leniencies relative to each other stay.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void addingAConstantToOneEvaluatorsScoresMovesOnlyTheirLeniencyInTheBiasModel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EvaluatorScores original = connectedPanel(random);
        int m = original.evaluatorCount();
        int k = random.nextInt(m);
        double c = -30 + 60 * random.nextDouble();
        String context = "seed " + seed + ": E" + k + " + " + c + ", " + original;
        EvaluatorNormalizationOptions options = EvaluatorNormalizationOptions.of(EvaluatorMethod.BIAS_MODEL);

        NormalizedPanel before = EvaluatorNormalization.apply(original, options);
        NormalizedPanel after = EvaluatorNormalization.apply(transform(original, k, 1, c), options);

        assertThat(before.method()).as(context).isEqualTo(EvaluatorMethod.BIAS_MODEL);
        assertThat(after.method()).as(context).isEqualTo(EvaluatorMethod.BIAS_MODEL);
        for (int j = 0; j < original.unitCount(); j++) {
            assertClose(after.units().get(j).score() - c / m, before.units().get(j).score(), context + ", q of U" + j);
        }
        for (int i = 0; i < m; i++) {
            double expected = before.evaluators().get(i).leniency() + (i == k ? c : 0) - c / m;
            assertClose(after.evaluators().get(i).leniency(), expected, context + ", b of E" + i);
        }
    }

    static void assertStandardizedUnchanged(EvaluatorMethod method, EvaluatorScores original, EvaluatorScores changed,
            String context) {
        EvaluatorNormalizationOptions options = EvaluatorNormalizationOptions.of(method);
        NormalizedPanel before = EvaluatorNormalization.apply(original, options);
        NormalizedPanel after = EvaluatorNormalization.apply(changed, options);
        String where = context + ", " + original;

        assertThat(before.method()).as(where).isEqualTo(method);
        assertThat(after.method()).as(where).isEqualTo(method);
        for (int j = 0; j < original.unitCount(); j++) {
            assertClose(after.units().get(j).standardized(), before.units().get(j).standardized(), where + ", U" + j);
            assertThat(after.units().get(j).counted()).as(where).isEqualTo(before.units().get(j).counted());
        }
        for (int i = 0; i < original.evaluatorCount(); i++) {
            assertThat(after.evaluators().get(i).status()).as(where).isEqualTo(before.evaluators().get(i).status());
        }
        double[] positionBefore = positions(before.scores());
        double[] positionAfter = positions(after.scores());
        if (positionBefore != null && positionAfter != null) {
            for (int j = 0; j < positionBefore.length; j++) {
                assertClose(positionAfter[j], positionBefore[j], where + ", position of U" + j + " in the raw range");
            }
        }
    }

    /** Each score's position between the lowest (0) and the highest (1), or null when they are (nearly) equal. */
    static double[] positions(double[] scores) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            if (!Double.isNaN(s)) {
                low = Math.min(low, s);
                high = Math.max(high, s);
            }
        }
        if (!(high - low > 1e-6)) {
            return null;
        }
        double[] positions = new double[scores.length];
        for (int j = 0; j < scores.length; j++) {
            positions[j] = (scores[j] - low) / (high - low);
        }
        return positions;
    }

    /** The panel with evaluator k's scores replaced by factor·x + shift. */
    static EvaluatorScores transform(EvaluatorScores scores, int k, double factor, double shift) {
        double[][] x = scores.scores();
        for (int j = 0; j < x[k].length; j++) {
            x[k][j] = factor * x[k][j] + shift;
        }
        return new EvaluatorScores(scores.evaluators(), scores.units(), x);
    }

    /**
     * Any panel: 1–8 evaluators × 1–14 units, complete to sparse (so also empty designs, units nobody scored, evaluators
     * with too few scores), some evaluators giving one score to everything, one in five split into two panels.
     */
    static EvaluatorScores anyPanel(SplittableRandom random) {
        int m = 1 + random.nextInt(8);
        int u = 1 + random.nextInt(14);
        double missing = new double[] {0, 0.15, 0.4, 0.7}[random.nextInt(4)];
        double[][] x = new double[m][u];
        for (int i = 0; i < m; i++) {
            boolean constant = random.nextInt(10) == 0;
            double value = score(random);
            for (int j = 0; j < u; j++) {
                x[i][j] = random.nextDouble() < missing ? Double.NaN : constant ? value : score(random);
            }
        }
        if (random.nextInt(5) == 0) { // two panels that share no unit: a disconnected design
            int evaluatorSplit = random.nextInt(m + 1);
            int unitSplit = random.nextInt(u + 1);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < u; j++) {
                    if ((i < evaluatorSplit) != (j < unitSplit)) {
                        x[i][j] = Double.NaN;
                    }
                }
            }
        }
        return panel(x);
    }

    /**
     * A connected panel of 2–8 evaluators × 3–14 units: evaluator 0 scored every unit and evaluator i scored units i and
     * i + 1 (mod the number of units), the rest at random; some evaluators give one score to everything.
     */
    static EvaluatorScores connectedPanel(SplittableRandom random) {
        int m = 2 + random.nextInt(7);
        int u = 3 + random.nextInt(12);
        double missing = new double[] {0.2, 0.5, 0.8}[random.nextInt(3)];
        double[][] x = new double[m][u];
        for (int i = 0; i < m; i++) {
            boolean constant = i > 0 && random.nextInt(10) == 0;
            double value = score(random);
            for (int j = 0; j < u; j++) {
                boolean required = i == 0 || j == i % u || j == (i + 1) % u;
                x[i][j] = !required && random.nextDouble() < missing ? Double.NaN : constant ? value : score(random);
            }
        }
        return panel(x);
    }

    /** A score as panels give them: 40 to 100 in half points. */
    static double score(SplittableRandom random) {
        return 40 + random.nextInt(121) / 2.0;
    }

    static EvaluatorScores panel(double[][] x) {
        return new EvaluatorScores(IntStream.range(0, x.length).mapToObj(i -> "E" + i).toList(),
                IntStream.range(0, x[0].length).mapToObj(j -> "U" + j).toList(), x);
    }

    static int[] permutation(int n, SplittableRandom random) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        for (int k = n - 1; k > 0; k--) {
            int r = random.nextInt(k + 1);
            order.set(r, order.set(k, order.get(r)));
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    static String code(NormalizationReason reason) {
        return reason == null ? "" : reason.code();
    }

    static void assertClose(double actual, double expected, String context) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(context).isNaN();
        } else {
            assertThat(actual).as(context).isCloseTo(expected, offset(
                    TOLERANCE * Math.max(1, Math.abs(expected))));
        }
    }
}
