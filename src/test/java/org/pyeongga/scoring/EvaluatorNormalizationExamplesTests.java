package org.pyeongga.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pyeongga.scoring.NormalizedPanel.EvaluatorStatus;

/** Small panels worked out by hand, one group per method, with the guards each method has. */
class EvaluatorNormalizationExamplesTests {

    static final double NA = Double.NaN;
    static final Offset<Double> EXACT = within(1e-9);

    /** Evaluators E1, E2, … (rows) × units U1, U2, … (columns). */
    static EvaluatorScores panel(double[]... rows) {
        int units = rows.length == 0 ? 0 : rows[0].length;
        return new EvaluatorScores(IntStream.rangeClosed(1, rows.length).mapToObj(i -> "E" + i).toList(),
                IntStream.rangeClosed(1, units).mapToObj(j -> "U" + j).toList(), rows);
    }

    static NormalizedPanel apply(EvaluatorMethod method, double[]... rows) {
        return EvaluatorNormalization.apply(panel(rows), EvaluatorNormalizationOptions.of(method));
    }

    static void assertScores(NormalizedPanel result, double... expected) {
        double[] actual = result.scores();
        assertThat(actual).hasSize(expected.length);
        for (int j = 0; j < expected.length; j++) {
            if (Double.isNaN(expected[j])) {
                assertThat(actual[j]).as("unit %d", j + 1).isNaN();
            } else {
                assertThat(actual[j]).as("unit %d", j + 1).isCloseTo(expected[j], EXACT);
            }
        }
    }

    @Nested
    class RawMean {

        @Test
        void averagesTheScoresEachUnitReceivedAndLeavesUnscoredUnitsEmpty() {
            NormalizedPanel result = apply(EvaluatorMethod.RAW_MEAN,
                    new double[] {70, 80, NA, 60},
                    new double[] {80, NA, NA, 70},
                    new double[] {90, 85, NA, 50});

            assertThat(result.method()).isEqualTo(EvaluatorMethod.RAW_MEAN);
            assertThat(result.reason().code()).isEqualTo(NormalizationReason.REQUESTED);
            assertThat(result.reason().arguments()).containsExactly("RAW_MEAN");
            assertThat(result.reason().korean()).isEqualTo("선택한 방법 사용: 원점수 평균");
            assertScores(result, 80, 82.5, NA, 60);
            assertThat(result.units()).extracting(NormalizedPanel.UnitScore::counted).containsExactly(3, 2, 0, 3);
            assertThat(result.unit("U3").note().code()).isEqualTo(NormalizationReason.UNIT_NO_SCORES);
            assertThat(result.unit("U1").note()).isNull();
        }

        @Test
        void reportsEachEvaluatorsMeanSpreadAndLeniencyAsMeanDeviationFromTheUnitMeans() {
            NormalizedPanel result = apply(EvaluatorMethod.RAW_MEAN,
                    new double[] {70, 80, NA, 60},
                    new double[] {80, NA, NA, 70},
                    new double[] {90, 85, NA, 50});

            var e1 = result.evaluator("E1");
            assertThat(e1.scores()).isEqualTo(3);
            assertThat(e1.mean()).isCloseTo(70, EXACT);
            assertThat(e1.sd()).isCloseTo(10, EXACT);
            // (70 − 80) + (80 − 82.5) + (60 − 60) over 3 units
            assertThat(e1.leniency()).isCloseTo(-12.5 / 3, EXACT);
            assertThat(result.evaluator("E2").leniency()).isCloseTo(5, EXACT);
            assertThat(result.evaluator("E3").leniency()).isCloseTo(2.5 / 3, EXACT);
            assertThat(result.evaluators()).allMatch(e -> e.status() == EvaluatorStatus.COUNTED && e.guard() == null);
        }
    }

    @Nested
    class ZScore {

        @Test
        void averagesPerEvaluatorZScoresAndRescalesThemToTheRangeOfTheRawMeans() {
            // E1: μ 70, σ 10, z −1 0 1; E2: μ 90, σ 5, z −1 1 0; E3: μ 52, σ 2, z −1 1 0.
            // N = (−1, 2/3, 1/3); S = (65, 73, 74); N' = 65 + (N + 1)·9/(5/3) = 65 + (N + 1)·5.4.
            NormalizedPanel result = apply(EvaluatorMethod.Z_SCORE,
                    new double[] {60, 70, 80, NA},
                    new double[] {85, 95, 90, NA},
                    new double[] {50, 54, 52, NA});

            assertThat(result.method()).isEqualTo(EvaluatorMethod.Z_SCORE);
            assertScores(result, 65, 74, 72.2, NA);
            assertThat(result.units()).extracting(NormalizedPanel.UnitScore::standardized)
                    .satisfiesExactly(
                            n -> assertThat(n).isCloseTo(-1, EXACT),
                            n -> assertThat(n).isCloseTo(2.0 / 3, EXACT),
                            n -> assertThat(n).isCloseTo(1.0 / 3, EXACT),
                            n -> assertThat(n).isNaN());
            assertThat(result.unit("U4").note().code()).isEqualTo(NormalizationReason.UNIT_NO_SCORES);
            assertThat(result.evaluator("E2").sd()).isCloseTo(5, EXACT);
            // leniency: E2 gave (85 − 65) + (95 − 73) + (90 − 74) = 58 over 3 units more than the unit means
            assertThat(result.evaluator("E2").leniency()).isCloseTo(58.0 / 3, EXACT);
            assertThat(result.evaluator("E3").leniency()).isCloseTo(-56.0 / 3, EXACT);
            assertThat(result.notes()).isEmpty();
        }

        @Test
        void countsAnEvaluatorWithOneScoreForEverythingAsZeroAndExcludesOneWithTooFewScores() {
            // E4 scored 2 units (< 3): excluded, and U4, which only E4 scored, has no normalized score.
            // E5 gave 80 everywhere: z = 0. N = ((−1−1−1+0)/4, (0+1+1+0)/4, (1+0+0+0)/4) = (−0.75, 0.5, 0.25);
            // S over the same scores = (275/4, 299/4, 302/4) = (68.75, 74.75, 75.5); N' = 68.75 + (N + 0.75)·5.4.
            NormalizedPanel result = apply(EvaluatorMethod.Z_SCORE,
                    new double[] {60, 70, 80, NA},
                    new double[] {85, 95, 90, NA},
                    new double[] {50, 54, 52, NA},
                    new double[] {100, NA, NA, 40},
                    new double[] {80, 80, 80, NA});

            assertScores(result, 68.75, 75.5, 74.15, NA);
            assertThat(result.units()).extracting(NormalizedPanel.UnitScore::counted).containsExactly(4, 4, 4, 0);
            assertThat(result.unit("U1").scores()).isEqualTo(5);
            assertThat(result.unit("U1").rawMean()).isCloseTo(75, EXACT);

            var tooFew = result.evaluator("E4");
            assertThat(tooFew.status()).isEqualTo(EvaluatorStatus.EXCLUDED);
            assertThat(tooFew.guard().code()).isEqualTo(NormalizationReason.EVALUATOR_TOO_FEW_SCORES);
            assertThat(tooFew.guard().arguments()).containsExactly("2", "3");
            assertThat(tooFew.guard().korean()).isEqualTo("2개만 평가해(최소 3개) 제외");
            assertThat(tooFew.mean()).isCloseTo(70, EXACT);

            var flat = result.evaluator("E5");
            assertThat(flat.status()).isEqualTo(EvaluatorStatus.NEUTRALISED);
            assertThat(flat.guard().code()).isEqualTo(NormalizationReason.EVALUATOR_ZERO_VARIANCE);
            assertThat(flat.guard().english()).isEqualTo("gave every unit the same score (80): z = 0");
            assertThat(flat.sd()).isZero();

            var onlyExcluded = result.unit("U4");
            assertThat(onlyExcluded.rawMean()).isEqualTo(40);
            assertThat(onlyExcluded.note().code()).isEqualTo(NormalizationReason.UNIT_ONLY_EXCLUDED_EVALUATORS);
            assertThat(onlyExcluded.note().arguments()).containsExactly("1");
        }

        @Test
        void givesEveryUnitTheMeanOfTheRawMeansWhenAllNormalizedScoresAreEqual() {
            // z: E1 (−1, 0, 1), E2 (1, −1, 0), E3 (0, 1, −1): every unit's mean z is 0. S = (71, 107, 44), mean 74.
            NormalizedPanel result = apply(EvaluatorMethod.Z_SCORE,
                    new double[] {10, 20, 30},
                    new double[] {3, 1, 2},
                    new double[] {200, 300, 100});

            assertScores(result, 74, 74, 74);
            assertThat(result.notes()).singleElement().satisfies(note -> {
                assertThat(note.code()).isEqualTo(NormalizationReason.FLAT_NORMALIZED_SCORES);
                assertThat(note.arguments()).containsExactly("74");
            });
        }

        @Test
        void fallsBackToRawMeansWhenNoEvaluatorHasEnoughScores() {
            NormalizedPanel result = apply(EvaluatorMethod.Z_SCORE,
                    new double[] {60, 70, NA},
                    new double[] {NA, 80, 90},
                    new double[] {70, NA, 50});

            assertThat(result.requested()).isEqualTo(EvaluatorMethod.Z_SCORE);
            assertThat(result.method()).isEqualTo(EvaluatorMethod.RAW_MEAN);
            assertThat(result.reason().code()).isEqualTo(NormalizationReason.NO_QUALIFYING_EVALUATOR);
            assertThat(result.reason().arguments()).containsExactly("Z_SCORE", "3");
            assertScores(result, 65, 75, 70);
        }
    }

    @Nested
    class TrimmedMean {

        @Test
        void dropsOneHighestAndOneLowestScoreFromUnitsWithFiveOrMore() {
            NormalizedPanel result = apply(EvaluatorMethod.TRIMMED_MEAN,
                    new double[] {50, 70, 60},
                    new double[] {60, 90, NA},
                    new double[] {70, 70, 80},
                    new double[] {80, 90, NA},
                    new double[] {100, 70, 70});

            // U1: 50 60 70 80 100 → (60 + 70 + 80)/3; U2: 70 70 70 90 90 → one 70 and one 90 dropped: (70 + 70 + 90)/3
            assertScores(result, 70, 230.0 / 3, 70);
            assertThat(result.units()).extracting(NormalizedPanel.UnitScore::counted).containsExactly(3, 3, 3);
            assertThat(result.unit("U1").note()).isNull();
            assertThat(result.unit("U3").note().code()).isEqualTo(NormalizationReason.UNIT_TOO_FEW_TO_TRIM);
            assertThat(result.unit("U3").note().english()).isEqualTo("3 scores (fewer than 5): plain mean");
            assertThat(result.notes()).singleElement().satisfies(note -> {
                assertThat(note.code()).isEqualTo(NormalizationReason.UNTRIMMED_UNITS);
                assertThat(note.arguments()).containsExactly("1");
            });
        }

        @Test
        void averagesEverythingWhenThePanelHasFewerThanFiveEvaluators() {
            NormalizedPanel result = apply(EvaluatorMethod.TRIMMED_MEAN,
                    new double[] {50, 70},
                    new double[] {60, 90},
                    new double[] {70, 70},
                    new double[] {100, 90});

            assertThat(result.method()).isEqualTo(EvaluatorMethod.TRIMMED_MEAN);
            assertScores(result, 70, 80);
            assertThat(result.units()).allMatch(u -> u.counted() == 4
                    && u.note().code().equals(NormalizationReason.UNIT_TOO_FEW_TO_TRIM));
            assertThat(result.notes()).singleElement().satisfies(note -> assertThat(note.arguments()).containsExactly("2"));
        }
    }

    @Nested
    class MinMaxWinsorized {

        @Test
        void percentilesInterpolateLinearlyBetweenOrderStatistics() {
            double[] sorted = {60, 70, 80, 100};
            // h = (n − 1)p: 0.15 → 60 + 0.15·10; 2.85 → 80 + 0.85·20; 1.5 → the median
            assertThat(EvaluatorNormalization.percentile(sorted, 0.05)).isCloseTo(61.5, EXACT);
            assertThat(EvaluatorNormalization.percentile(sorted, 0.95)).isCloseTo(97, EXACT);
            assertThat(EvaluatorNormalization.percentile(sorted, 0.5)).isCloseTo(75, EXACT);
            assertThat(EvaluatorNormalization.percentile(sorted, 0)).isEqualTo(60);
            assertThat(EvaluatorNormalization.percentile(sorted, 1)).isEqualTo(100);
            assertThat(EvaluatorNormalization.percentile(new double[] {42}, 0.05)).isEqualTo(42);
        }

        @Test
        void capsEachEvaluatorAtThePercentilesScalesToZeroOneAndRescalesToTheRawRange() {
            // p = 0.25, 5 scores: the caps are the 2nd and 4th smallest.
            // E1 0 10 20 30 100 → caps 10, 30 → 0 0 0.5 1 1; E2 60 50 80 90 70 → caps 60, 80 → 0 0 1 1 0.5;
            // E3 gave 7 everywhere → 0.5. N = (1/6, 1/6, 2/3, 5/6, 2/3); S = (67/3, 67/3, 107/3, 127/3, 59);
            // N' = 67/3 + (N − 1/6)·(110/3)/(2/3) = 67/3 + (N − 1/6)·55.
            NormalizedPanel result = EvaluatorNormalization.apply(panel(
                            new double[] {0, 10, 20, 30, 100},
                            new double[] {60, 50, 80, 90, 70},
                            new double[] {7, 7, 7, 7, 7}),
                    EvaluatorNormalizationOptions.of(EvaluatorMethod.MIN_MAX_WINSORIZED).withWinsorizingShare(0.25));

            assertThat(result.method()).isEqualTo(EvaluatorMethod.MIN_MAX_WINSORIZED);
            assertScores(result, 67.0 / 3, 67.0 / 3, 67.0 / 3 + 27.5, 59, 67.0 / 3 + 27.5);
            assertThat(result.unit("U4").standardized()).isCloseTo(5.0 / 6, EXACT);
            var flat = result.evaluator("E3");
            assertThat(flat.status()).isEqualTo(EvaluatorStatus.NEUTRALISED);
            assertThat(flat.guard().code()).isEqualTo(NormalizationReason.EVALUATOR_ZERO_RANGE);
        }

        @Test
        void excludesEvaluatorsWithTooFewScoresLikeTheZScore() {
            NormalizedPanel result = apply(EvaluatorMethod.MIN_MAX_WINSORIZED,
                    new double[] {60, 70, 80},
                    new double[] {90, NA, 10});

            assertThat(result.evaluator("E2").status()).isEqualTo(EvaluatorStatus.EXCLUDED);
            // E1 alone: 60 70 80, p = 0.05 → caps 61, 79 → 0, 0.5, 1; S = (60, 70, 80)
            assertScores(result, 60, 70, 80);
            assertThat(result.units()).extracting(NormalizedPanel.UnitScore::counted).containsExactly(1, 1, 1);
        }
    }

    @Nested
    class BiasModel {

        @Test
        void recoversQualityAndLeniencyExactlyFromAnIncompleteNoiseFreeDesign() {
            // q = (70, 80, 60, 90), b = (+2, −3, +1); E1 scored U1–U3, E2 U2–U4, E3 U1 and U4.
            NormalizedPanel result = apply(EvaluatorMethod.BIAS_MODEL,
                    new double[] {72, 82, 62, NA},
                    new double[] {NA, 77, 57, 87},
                    new double[] {71, NA, NA, 91});

            assertThat(result.method()).isEqualTo(EvaluatorMethod.BIAS_MODEL);
            assertScores(result, 70, 80, 60, 90);
            assertThat(result.evaluators()).extracting(NormalizedPanel.EvaluatorSummary::leniency)
                    .satisfiesExactly(
                            b -> assertThat(b).isCloseTo(2, EXACT),
                            b -> assertThat(b).isCloseTo(-3, EXACT),
                            b -> assertThat(b).isCloseTo(1, EXACT));
            // the raw means are pulled by who happened to score what: U1 71.5, U4 89
            assertThat(result.unit("U1").rawMean()).isEqualTo(71.5);
        }

        @Test
        void equalsTheTwoWayMeansOnACompleteDesignWithNoise() {
            // Complete design: q_j = column mean, b_i = row mean − grand mean (grand mean 638/9).
            NormalizedPanel result = apply(EvaluatorMethod.BIAS_MODEL,
                    new double[] {70, 80, 60},
                    new double[] {74, 82, 66},
                    new double[] {66, 80, 60});

            assertScores(result, 70, 242.0 / 3, 62);
            assertThat(result.evaluator("E1").leniency()).isCloseTo(-8.0 / 9, EXACT);
            assertThat(result.evaluator("E2").leniency()).isCloseTo(28.0 / 9, EXACT);
            assertThat(result.evaluator("E3").leniency()).isCloseTo(-20.0 / 9, EXACT);
        }

        @Test
        void fallsBackToRawMeansWhenTheDesignIsNotConnected() {
            NormalizedPanel result = apply(EvaluatorMethod.BIAS_MODEL,
                    new double[] {70, 80, NA, NA},
                    new double[] {60, 70, NA, NA},
                    new double[] {NA, NA, 90, 50},
                    new double[] {NA, NA, 80, 60});

            assertThat(result.requested()).isEqualTo(EvaluatorMethod.BIAS_MODEL);
            assertThat(result.method()).isEqualTo(EvaluatorMethod.RAW_MEAN);
            assertThat(result.reason().code()).isEqualTo(NormalizationReason.BIAS_MODEL_DISCONNECTED_DESIGN);
            assertThat(result.reason().arguments()).containsExactly("2");
            assertThat(result.reason().korean()).contains("2개 묶음");
            assertScores(result, 65, 75, 85, 55);
        }

        @Test
        void leavesEvaluatorsWithoutScoresAndUnscoredUnitsOutOfTheModel() {
            NormalizedPanel result = apply(EvaluatorMethod.BIAS_MODEL,
                    new double[] {72, 82, NA},
                    new double[] {NA, NA, NA},
                    new double[] {67, 77, NA});

            assertScores(result, 69.5, 79.5, NA);
            assertThat(result.evaluator("E1").leniency()).isCloseTo(2.5, EXACT);
            assertThat(result.evaluator("E2").leniency()).isNaN();
            assertThat(result.evaluator("E2").status()).isEqualTo(EvaluatorStatus.EXCLUDED);
            assertThat(result.evaluator("E2").guard().code()).isEqualTo(NormalizationReason.EVALUATOR_NO_SCORES);
        }
    }

    @Nested
    class Automatic {

        static double[][] complete(int evaluators, int units) {
            double[][] rows = new double[evaluators][units];
            for (int i = 0; i < evaluators; i++) {
                for (int j = 0; j < units; j++) {
                    rows[i][j] = 50 + (7 * i + 11 * j) % 40;
                }
            }
            return rows;
        }

        static NormalizedPanel automatic(double[][] rows) {
            return EvaluatorNormalization.apply(panel(rows), EvaluatorNormalizationOptions.automatic());
        }

        @Test
        void usesRawMeansWithFewerThanThreeEvaluators() {
            NormalizedPanel result = automatic(complete(2, 8));

            assertThat(result.requested()).isEqualTo(EvaluatorMethod.AUTOMATIC);
            assertThat(result.method()).isEqualTo(EvaluatorMethod.RAW_MEAN);
            assertThat(result.reason().code()).isEqualTo(NormalizationReason.AUTOMATIC_FEW_EVALUATORS);
            assertThat(result.reason().korean()).isEqualTo("평가위원이 2명이라(3명 미만) 원점수 평균을 사용");
            assertThat(result.reason().english()).isEqualTo("2 evaluators (fewer than 3): raw mean");
        }

        @Test
        void usesZScoresOnACompleteDesignOfThreeEvaluatorsAndSixUnits() {
            NormalizedPanel result = automatic(complete(3, 6));

            assertThat(result.method()).isEqualTo(EvaluatorMethod.Z_SCORE);
            assertThat(result.reason().code()).isEqualTo(NormalizationReason.AUTOMATIC_COMPLETE_DESIGN);
            assertThat(result.reason().arguments()).containsExactly("3", "6");
            assertThat(result.scores()).containsExactly(EvaluatorNormalization.apply(panel(complete(3, 6)),
                    EvaluatorNormalizationOptions.of(EvaluatorMethod.Z_SCORE)).scores());
        }

        @Test
        void ignoresEvaluatorsWhoScoredNothingWhenJudgingCompleteness() {
            double[][] rows = complete(4, 6);
            Arrays.fill(rows[3], NA);
            NormalizedPanel result = automatic(rows);

            assertThat(result.method()).isEqualTo(EvaluatorMethod.Z_SCORE);
            assertThat(result.evaluator("E4").guard().code()).isEqualTo(NormalizationReason.EVALUATOR_NO_SCORES);
        }

        @Test
        void usesTheBiasModelOnAnIncompleteConnectedDesignWithSixScoresPerEvaluator() {
            double[][] rows = complete(3, 8);
            rows[0][0] = rows[0][1] = NA;
            rows[1][2] = rows[1][3] = NA;
            rows[2][4] = NA;
            NormalizedPanel result = automatic(rows);

            assertThat(result.method()).isEqualTo(EvaluatorMethod.BIAS_MODEL);
            assertThat(result.reason().code()).isEqualTo(NormalizationReason.AUTOMATIC_INCOMPLETE_CONNECTED);
            assertThat(result.reason().arguments()).containsExactly("3", "6");
        }

        @Test
        void usesRawMeansWhenAnEvaluatorScoredFewerThanSixUnits() {
            double[][] rows = complete(3, 8);
            rows[2][0] = rows[2][1] = rows[2][2] = NA;
            NormalizedPanel result = automatic(rows);

            assertThat(result.method()).isEqualTo(EvaluatorMethod.RAW_MEAN);
            assertThat(result.reason().code()).isEqualTo(NormalizationReason.AUTOMATIC_FEW_SCORES_PER_EVALUATOR);
            assertThat(result.reason().arguments()).containsExactly("1", "6");
            assertThat(complete(3, 5)).satisfies(five -> assertThat(automatic(five).reason().code())
                    .isEqualTo(NormalizationReason.AUTOMATIC_FEW_SCORES_PER_EVALUATOR));
        }

        @Test
        void usesRawMeansWhenTheDesignIsNotConnected() {
            double[][] rows = complete(4, 12);
            for (int j = 0; j < 6; j++) {
                rows[2][j] = rows[3][j] = NA;
                rows[0][j + 6] = rows[1][j + 6] = NA;
            }
            NormalizedPanel result = automatic(rows);

            assertThat(result.method()).isEqualTo(EvaluatorMethod.RAW_MEAN);
            assertThat(result.reason().code()).isEqualTo(NormalizationReason.AUTOMATIC_DISCONNECTED_DESIGN);
            assertThat(result.reason().arguments()).containsExactly("2");
            assertThat(EvaluatorNormalization.automaticChoice(panel(rows), EvaluatorNormalizationOptions.automatic()))
                    .isEqualTo(result.reason());
        }

        @Test
        void raisesTheSixUnitThresholdToALargerMinimumFromTheOptions() {
            NormalizedPanel result = EvaluatorNormalization.apply(panel(complete(3, 8)),
                    EvaluatorNormalizationOptions.automatic().withMinimumScoresPerEvaluator(10));

            assertThat(result.method()).isEqualTo(EvaluatorMethod.RAW_MEAN);
            assertThat(result.reason().arguments()).containsExactly("3", "10");
        }
    }

    @Test
    void anEmptyPanelHasNoScoresAndSaysSo() {
        NormalizedPanel result = apply(EvaluatorMethod.Z_SCORE, new double[] {NA, NA}, new double[] {NA, NA});

        assertThat(result.method()).isEqualTo(EvaluatorMethod.RAW_MEAN);
        assertThat(result.reason().code()).isEqualTo(NormalizationReason.NO_SCORES_AT_ALL);
        assertScores(result, NA, NA);
    }

    @Test
    void neverChangesTheRawScores() {
        EvaluatorScores scores = panel(new double[] {72, 82, 62, NA}, new double[] {NA, 77, 57, 87},
                new double[] {71, NA, NA, 91});
        EvaluatorScores copy = panel(scores.scores());
        for (EvaluatorMethod method : EvaluatorMethod.values()) {
            EvaluatorNormalization.apply(scores, EvaluatorNormalizationOptions.of(method));
        }
        assertThat(scores).isEqualTo(copy);
    }

    @Test
    void refusesOptionsItCannotHonour() {
        assertThatThrownBy(() -> EvaluatorNormalizationOptions.automatic().withMinimumScoresPerEvaluator(1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvaluatorNormalizationOptions.automatic().withWinsorizingShare(0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EvaluatorNormalizationOptions.automatic())
                .isEqualTo(new EvaluatorNormalizationOptions(EvaluatorMethod.AUTOMATIC, 3, 0.05));
        assertThat(List.of(EvaluatorMethod.values())).allMatch(m -> !m.korean().isBlank() && !m.english().isBlank());
    }
}
