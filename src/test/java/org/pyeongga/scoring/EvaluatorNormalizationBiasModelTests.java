package org.pyeongga.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bias model recovers a known truth from noise-free scores on realistic incomplete designs. */
class EvaluatorNormalizationBiasModelTests {

    /**
     * A panel of the largest expected size, each evaluator scoring about a quarter of the units, connected by a chain
     * (evaluator i also scores units i and i + 1), with scores exactly q_j + b_i.
     */
    @Test
    void recoversQualityAndLeniencyFromNoiseFreeScoresOnAnIncompleteConnectedDesign() {
        int m = 60;
        int u = 300;
        SplittableRandom random = new SplittableRandom(20261123L);
        double[] q = new double[u];
        for (int j = 0; j < u; j++) {
            q[j] = 40 + 55 * random.nextDouble();
        }
        double[] b = new double[m];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            b[i] = -8 + 16 * random.nextDouble();
            sum += b[i];
        }
        for (int i = 0; i < m; i++) {
            b[i] -= sum / m;
        }
        double[][] x = new double[m][u];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < u; j++) {
                boolean chain = j == i || j == i + 1;
                x[i][j] = chain || random.nextDouble() < 0.25 ? q[j] + b[i] : Double.NaN;
            }
        }
        int unscored = u - 1;
        for (int i = 0; i < m; i++) {
            x[i][unscored] = Double.NaN;
        }
        EvaluatorScores scores = new EvaluatorScores(IntStream.range(0, m).mapToObj(i -> "E" + i).toList(),
                IntStream.range(0, u).mapToObj(j -> "U" + j).toList(), x);

        NormalizedPanel result = EvaluatorNormalization.apply(scores, EvaluatorNormalizationOptions.of(EvaluatorMethod.BIAS_MODEL));

        assertThat(result.method()).isEqualTo(EvaluatorMethod.BIAS_MODEL);
        for (int j = 0; j < u; j++) {
            if (j == unscored) {
                assertThat(result.units().get(j).score()).isNaN();
            } else {
                assertThat(result.units().get(j).score()).as("q of U%d", j).isCloseTo(q[j], within(1e-9));
            }
        }
        double total = 0;
        for (int i = 0; i < m; i++) {
            double leniency = result.evaluators().get(i).leniency();
            assertThat(leniency).as("b of E%d", i).isCloseTo(b[i], within(1e-9));
            total += leniency;
        }
        assertThat(total).isCloseTo(0, within(1e-9));
        assertThat(EvaluatorNormalization.apply(scores, EvaluatorNormalizationOptions.automatic()).method())
                .as("every evaluator scored at least 6 units of an incomplete connected design")
                .isEqualTo(EvaluatorMethod.BIAS_MODEL);
    }

    @Test
    void aLenientEvaluatorHasPositiveLeniencyAndDoesNotLiftTheUnitsTheyScored() {
        // E3 is 20 points lenient and scored only the weaker half; raw means would favour those units.
        double na = Double.NaN;
        double[] q = {60, 65, 70, 75};
        double[][] x = {
            {q[0], q[1], q[2], q[3]},
            {q[0] - 2, q[1] - 2, q[2] - 2, q[3] - 2},
            {q[0] + 20, q[1] + 20, na, na},
        };
        EvaluatorScores scores = new EvaluatorScores(List.of("E1", "E2", "E3"), List.of("U1", "U2", "U3", "U4"), x);

        NormalizedPanel result = EvaluatorNormalization.apply(scores, EvaluatorNormalizationOptions.of(EvaluatorMethod.BIAS_MODEL));

        double shift = (0 - 2 + 20) / 3.0; // Σ b = 0 puts the panel's mean leniency at 0
        assertThat(result.evaluator("E3").leniency()).isCloseTo(20 - shift, within(1e-9));
        assertThat(result.evaluator("E3").leniency()).isPositive();
        assertThat(result.evaluator("E2").leniency()).isNegative();
        for (int j = 0; j < 4; j++) {
            assertThat(result.units().get(j).score()).isCloseTo(q[j] + shift, within(1e-9));
        }
        assertThat(result.unit("U2").rawMean()).isGreaterThan(result.unit("U3").rawMean());
        assertThat(result.unit("U2").score()).isLessThan(result.unit("U3").score());
    }
}
