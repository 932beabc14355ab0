package org.pyeongga.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Published reference values reproduced to their published precision. */
class ReliabilityReferenceTests {

    static final double NA = Double.NaN;

    /**
     * Shrout &amp; Fleiss (1979), Table 2: six targets (rows there) rated by four judges. Our matrix is evaluators ×
     * units, so each judge is a row here.
     */
    static final EvaluatorScores SHROUT_FLEISS = scores(new double[][] {
            {9, 6, 8, 7, 10, 6},
            {2, 1, 4, 1, 5, 2},
            {5, 3, 6, 2, 6, 4},
            {8, 2, 8, 6, 9, 7}});

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with missing data: observers A–D
     * × units 1–12, NaN where an observer did not code a unit.
     */
    static final EvaluatorScores KRIPPENDORFF_2011 = scores(new double[][] {
            {1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3},
            {NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA}});

    @Test
    void reproducesShroutAndFleissAnalysisOfVariance() {
        IntraclassCorrelation icc = IntraclassCorrelation.of(SHROUT_FLEISS);

        assertThat(icc.defined()).isTrue();
        assertThat(icc.targets()).isEqualTo(6);
        assertThat(icc.judges()).isEqualTo(4);
        assertThat(icc.droppedUnits()).isZero();
        assertThat(icc.droppedEvaluators()).isZero();
        assertThat(round2(icc.msb())).isEqualTo(11.24);
        assertThat(round2(icc.msw())).isEqualTo(6.26);
        assertThat(round2(icc.msj())).isEqualTo(32.49);
        assertThat(round2(icc.mse())).isEqualTo(1.02);
    }

    @Test
    void reproducesShroutAndFleissSingleJudgeCoefficients() {
        IntraclassCorrelation icc = IntraclassCorrelation.of(SHROUT_FLEISS);

        assertThat(round2(icc.icc1())).isEqualTo(0.17);
        assertThat(round2(icc.icc2())).isEqualTo(0.29);
        assertThat(round2(icc.icc3())).isEqualTo(0.71);
    }

    @Test
    void reproducesShroutAndFleissAverageOfFourJudgesCoefficients() {
        IntraclassCorrelation icc = IntraclassCorrelation.of(SHROUT_FLEISS);

        // From the ANOVA by hand: (11.2417 − 6.2639)/11.2417 = 0.443; (11.2417 − 1.0194)/(11.2417 + (32.4861 −
        // 1.0194)/6) = 0.620; (11.2417 − 1.0194)/11.2417 = 0.909.
        assertThat(round2(icc.icc1k())).isEqualTo(0.44);
        assertThat(round2(icc.icc2k())).isEqualTo(0.62);
        assertThat(round2(icc.icc3k())).isEqualTo(0.91);
        assertThat(icc.value(IntraclassCorrelation.Form.ICC2K)).isEqualTo(icc.icc2k());
    }

    @Test
    void reproducesKrippendorffsNominalAlphaWithMissingData() {
        KrippendorffAlpha alpha = KrippendorffAlpha.of(KRIPPENDORFF_2011, KrippendorffAlpha.Level.NOMINAL);

        assertThat(alpha.defined()).isTrue();
        assertThat(round3(alpha.alpha())).isEqualTo(0.743);
        // Unit 12 was coded by B alone: not pairable. The other eleven units hold n = 40 values.
        assertThat(alpha.pairableUnits()).isEqualTo(11);
        assertThat(alpha.pairableValues()).isEqualTo(40);
    }

    @Test
    void reproducesKrippendorffsIntervalAlphaForTheSameData() {
        KrippendorffAlpha alpha = KrippendorffAlpha.of(KRIPPENDORFF_2011, KrippendorffAlpha.Level.INTERVAL);

        assertThat(round3(alpha.alpha())).isEqualTo(0.849);
        assertThat(KrippendorffAlpha.of(KRIPPENDORFF_2011)).isEqualTo(alpha);
    }

    @Test
    void reproducesKrippendorffsOrdinalAndRatioAlphaForTheSameData() {
        assertThat(round3(KrippendorffAlpha.of(KRIPPENDORFF_2011, KrippendorffAlpha.Level.ORDINAL).alpha()))
                .isEqualTo(0.815);
        assertThat(round3(KrippendorffAlpha.of(KRIPPENDORFF_2011, KrippendorffAlpha.Level.RATIO).alpha()))
                .isEqualTo(0.797);
    }

    @Test
    void reproducesTheNominalDisagreementsByHand() {
        // The off-diagonal coincidences sum to 8, so D_o = 8/40; the values 1…5 occur n_c = 9, 13, 10, 5, 3 times,
        // so D_e = (40² − Σ n_c²)/(40·39) = 1216/1560.
        KrippendorffAlpha alpha = KrippendorffAlpha.of(KRIPPENDORFF_2011, KrippendorffAlpha.Level.NOMINAL);

        assertThat(alpha.observedDisagreement()).isCloseTo(0.2, within(1e-12));
        assertThat(alpha.expectedDisagreement()).isCloseTo(1216.0 / 1560, within(1e-12));
    }

    /**
     * The three-coder, fifteen-unit example of Krippendorff's α in Wikipedia and in the tests of the fast-krippendorff
     * Python package (nominal 0.691358, interval 0.810845), an independent check on a second data set.
     */
    @Test
    void agreesWithAnIndependentImplementationOnASecondExample() {
        EvaluatorScores data = scores(new double[][] {
                {NA, NA, NA, NA, NA, 3, 4, 1, 2, 1, 1, 3, 3, NA, 3},
                {1, NA, 2, 1, 3, 3, 4, 3, NA, NA, NA, NA, NA, NA, NA},
                {NA, NA, 2, 1, 3, 4, 4, NA, 2, 1, 1, 3, 3, NA, 4}});

        assertThat(KrippendorffAlpha.of(data, KrippendorffAlpha.Level.NOMINAL).alpha()).isCloseTo(0.691358,
                within(5e-7));
        assertThat(KrippendorffAlpha.of(data, KrippendorffAlpha.Level.INTERVAL).alpha()).isCloseTo(0.810845,
                within(5e-7));
    }

    static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }

    static double round3(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    static EvaluatorScores scores(double[][] matrix) {
        List<String> evaluators = new ArrayList<>();
        for (int i = 0; i < matrix.length; i++) {
            evaluators.add("e" + (i + 1));
        }
        List<String> units = new ArrayList<>();
        for (int j = 0; j < matrix[0].length; j++) {
            units.add("u" + (j + 1));
        }
        return new EvaluatorScores(evaluators, units, matrix);
    }
}
