package org.pyeongga.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of α and the ICCs on seeded random panels. The seed is in each case's name and in its failure message, so
 * a failing case can be replayed with {@code new Random(seed)}.
 */
class ReliabilityPropertyTests {

    static final double TOLERANCE = 1e-9;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void relabellingEvaluatorsChangesNoStatistic(long seed) {
        replay(seed, random -> {
            EvaluatorScores panel = aPanel(random);
            List<Integer> order = shuffled(panel.evaluatorCount(), random);
            double[][] rows = new double[panel.evaluatorCount()][];
            List<String> evaluators = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                rows[i] = panel.scores()[order.get(i)];
                evaluators.add(panel.evaluators().get(order.get(i)));
            }

            assertSameStatistics(panel, new EvaluatorScores(evaluators, panel.units(), rows));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reorderingUnitsChangesNoStatistic(long seed) {
        replay(seed, random -> {
            EvaluatorScores panel = aPanel(random);
            List<Integer> order = shuffled(panel.unitCount(), random);
            double[][] rows = new double[panel.evaluatorCount()][panel.unitCount()];
            List<String> units = new ArrayList<>();
            for (int j = 0; j < panel.unitCount(); j++) {
                units.add(panel.units().get(order.get(j)));
                for (int i = 0; i < rows.length; i++) {
                    rows[i][j] = panel.score(i, order.get(j));
                }
            }

            assertSameStatistics(panel, new EvaluatorScores(panel.evaluators(), units, rows));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void addingAConstantToEveryScoreChangesNeitherIntervalAlphaNorTheIccs(long seed) {
        replay(seed, random -> {
            EvaluatorScores panel = aPanel(random);
            double constant = random.nextInt(201) - 100;
            double[][] rows = panel.scores();
            for (double[] row : rows) {
                for (int j = 0; j < row.length; j++) {
                    row[j] += constant; // NaN stays NaN
                }
            }
            EvaluatorScores shifted = new EvaluatorScores(panel.evaluators(), panel.units(), rows);

            for (KrippendorffAlpha.Level level : List.of(KrippendorffAlpha.Level.NOMINAL, KrippendorffAlpha.Level.ORDINAL,
                    KrippendorffAlpha.Level.INTERVAL)) {
                assertClose(KrippendorffAlpha.of(shifted, level).alpha(), KrippendorffAlpha.of(panel, level).alpha());
            }
            IntraclassCorrelation before = IntraclassCorrelation.of(panel);
            IntraclassCorrelation after = IntraclassCorrelation.of(shifted);
            for (IntraclassCorrelation.Form form : IntraclassCorrelation.Form.values()) {
                assertClose(after.value(form), before.value(form));
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void perfectAgreementGivesOne(long seed) {
        replay(seed, random -> {
            int evaluators = 2 + random.nextInt(5);
            int units = 2 + random.nextInt(10);
            double[] truth = new double[units];
            for (int j = 0; j < units; j++) {
                truth[j] = random.nextInt(21) / 2.0; // 0, 0.5, …, 10
            }
            truth[1] = truth[0] + 0.5; // at least two different values, or there is nothing to agree on
            double[][] complete = new double[evaluators][units];
            double[][] gappy = new double[evaluators][units];
            for (int i = 0; i < evaluators; i++) {
                for (int j = 0; j < units; j++) {
                    complete[i][j] = truth[j];
                    // Units 0 and 1 keep their first two evaluators, so at least two different values stay pairable.
                    gappy[i][j] = (j < 2 && i < 2) || random.nextDouble() > 0.3 ? truth[j] : Double.NaN;
                }
            }
            EvaluatorScores agreed = ReliabilityReferenceTests.scores(complete);
            EvaluatorScores agreedWithGaps = ReliabilityReferenceTests.scores(gappy);

            for (KrippendorffAlpha.Level level : KrippendorffAlpha.Level.values()) {
                assertThat(KrippendorffAlpha.of(agreed, level).alpha()).as(level.name()).isEqualTo(1.0);
                assertThat(KrippendorffAlpha.of(agreedWithGaps, level).alpha()).as(level.name()).isEqualTo(1.0);
            }
            IntraclassCorrelation icc = IntraclassCorrelation.of(agreed);
            for (IntraclassCorrelation.Form form : IntraclassCorrelation.Form.values()) {
                assertThat(icc.value(form)).as(form.name()).isCloseTo(1.0, within(TOLERANCE));
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void alphaIsReportedUndefinedWhenNoUnitHasTwoScores(long seed) {
        replay(seed, random -> {
            int evaluators = 1 + random.nextInt(5);
            int units = 1 + random.nextInt(10);
            double[][] rows = new double[evaluators][units];
            for (double[] row : rows) {
                Arrays.fill(row, Double.NaN);
            }
            for (int j = 0; j < units; j++) {
                if (random.nextBoolean()) {
                    rows[random.nextInt(evaluators)][j] = 1 + random.nextInt(10);
                }
            }
            EvaluatorScores lonely = ReliabilityReferenceTests.scores(rows);

            for (KrippendorffAlpha.Level level : KrippendorffAlpha.Level.values()) {
                KrippendorffAlpha alpha = KrippendorffAlpha.of(lonely, level);
                assertThat(alpha.defined()).isFalse();
                assertThat(alpha.undefined()).isEqualTo(KrippendorffAlpha.Undefined.NO_PAIRABLE_UNIT);
                assertThat(alpha.alpha()).isNaN();
                assertThat(alpha.pairableUnits()).isZero();
            }
            ReliabilityReport report = ReliabilityReport.of("panel", "indicator", lonely, new SpreadThreshold(0, 10, 0.3));
            assertThat(report.alpha().defined()).isFalse();
            assertThat(report.icc().defined()).isFalse();
            assertThat(report.flagged()).isEmpty();
        });
    }

    /** Runs one case from {@code new Random(seed)}, naming the seed in any failure so it can be replayed. */
    static void replay(long seed, Consumer<Random> property) {
        try {
            property.accept(new Random(seed));
        } catch (AssertionError failure) {
            throw new AssertionError("seed " + seed + ": " + failure.getMessage(), failure);
        }
    }

    /** 2–6 evaluators × 3–12 units, whole or half points from 1 to 10, about one cell in five missing. */
    static EvaluatorScores aPanel(Random random) {
        int evaluators = 2 + random.nextInt(5);
        int units = 3 + random.nextInt(10);
        double missing = random.nextBoolean() ? 0 : 0.2;
        double[][] rows = new double[evaluators][units];
        for (double[] row : rows) {
            for (int j = 0; j < units; j++) {
                row[j] = random.nextDouble() < missing ? Double.NaN : 1 + random.nextInt(19) / 2.0;
            }
        }
        return ReliabilityReferenceTests.scores(rows);
    }

    static List<Integer> shuffled(int size, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order;
    }

    static void assertSameStatistics(EvaluatorScores panel, EvaluatorScores permuted) {
        for (KrippendorffAlpha.Level level : KrippendorffAlpha.Level.values()) {
            KrippendorffAlpha a = KrippendorffAlpha.of(panel, level);
            KrippendorffAlpha b = KrippendorffAlpha.of(permuted, level);
            assertThat(b.undefined()).isEqualTo(a.undefined());
            assertThat(b.pairableValues()).isEqualTo(a.pairableValues());
            assertThat(b.pairableUnits()).isEqualTo(a.pairableUnits());
            assertClose(b.alpha(), a.alpha());
            assertClose(b.observedDisagreement(), a.observedDisagreement());
            assertClose(b.expectedDisagreement(), a.expectedDisagreement());
        }
        IntraclassCorrelation a = IntraclassCorrelation.of(panel);
        IntraclassCorrelation b = IntraclassCorrelation.of(permuted);
        assertThat(b.undefined()).isEqualTo(a.undefined());
        assertThat(List.of(b.targets(), b.judges(), b.droppedUnits(), b.droppedEvaluators()))
                .isEqualTo(List.of(a.targets(), a.judges(), a.droppedUnits(), a.droppedEvaluators()));
        for (IntraclassCorrelation.Form form : IntraclassCorrelation.Form.values()) {
            assertClose(b.value(form), a.value(form));
        }
    }

    static void assertClose(double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(TOLERANCE));
        }
    }
}
