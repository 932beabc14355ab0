package org.pyeongga.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spread flag, the ICC's rule for missing cells, the undefined cases, and the report that bundles them. */
class ReliabilityReportTests {

    static final double NA = Double.NaN;

    @Test
    void flagsUnitsWhoseMaxMinExceedsTheShareOfTheScale() {
        EvaluatorScores panel = ReliabilityReferenceTests.scores(new double[][] {
                {70, 50, 80, NA, NA},
                {75, 80, 51, 90, NA},
                {72, 79, 80, NA, NA}});

        List<UnitSpread> spreads = UnitSpread.of(panel, new SpreadThreshold(0, 100, 0.29));

        assertThat(spreads).extracting(UnitSpread::maxMin).containsExactly(5.0, 30.0, 29.0, 0.0, NA);
        // 29 points on a 0–100 scale is exactly 29% and does not exceed it, although 0.29 × 100 = 28.999… in binary.
        assertThat(spreads).extracting(UnitSpread::flagged).containsExactly(false, true, false, false, false);
        assertThat(spreads.get(0).standardDeviation()).isCloseTo(Math.sqrt(19.0 / 3), within(1e-12));
        assertThat(spreads.get(3).standardDeviation()).isNaN();
        assertThat(spreads.get(4).scores()).isZero();
        assertThat(spreads.get(4).min()).isNaN();
    }

    @Test
    void comparesDecimalScoresAsDecimals() {
        EvaluatorScores panel = ReliabilityReferenceTests.scores(new double[][] {{0.1, 1.2}, {0.4, 1.5000001}});

        List<UnitSpread> spreads = UnitSpread.of(panel, new SpreadThreshold(1, 5, 0.075));

        // 0.4 − 0.1 is 0.30000000000000004 in binary; the threshold is 0.075 × 4 = 0.3 points.
        assertThat(spreads).extracting(UnitSpread::maxMin).containsExactly(0.3, 0.3000001);
        assertThat(spreads).extracting(UnitSpread::flagged).containsExactly(false, true);
        assertThat(new SpreadThreshold(1, 5, 0.075).points()).isCloseTo(0.3, within(1e-15));
    }

    @Test
    void refusesAThresholdWithoutAScale() {
        assertThatThrownBy(() -> new SpreadThreshold(5, 5, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpreadThreshold(0, 10, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpreadThreshold(0, 10, NA)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIccsUseOnlyUnitsScoredByEveryEvaluatorWhoScoredAnything() {
        double[][] shroutFleiss = ReliabilityReferenceTests.SHROUT_FLEISS.scores();
        double[][] withGaps = new double[5][8];
        for (int i = 0; i < 4; i++) {
            System.arraycopy(shroutFleiss[i], 0, withGaps[i], 0, 6);
            withGaps[i][6] = i == 2 ? NA : 5; // a recusal: unit 7 is incomplete
            withGaps[i][7] = NA; // nobody scored unit 8
        }
        Arrays.fill(withGaps[4], NA); // an evaluator of the panel who scored nothing on this indicator

        IntraclassCorrelation icc = IntraclassCorrelation.of(ReliabilityReferenceTests.scores(withGaps));

        assertThat(icc.droppedEvaluators()).isEqualTo(1);
        assertThat(icc.droppedUnits()).isEqualTo(2);
        assertThat(icc.judges()).isEqualTo(4);
        assertThat(icc.targets()).isEqualTo(6);
        IntraclassCorrelation complete = IntraclassCorrelation.of(ReliabilityReferenceTests.SHROUT_FLEISS);
        for (IntraclassCorrelation.Form form : IntraclassCorrelation.Form.values()) {
            assertThat(icc.value(form)).isCloseTo(complete.value(form), within(1e-12));
        }
    }

    @Test
    void theIccsSayWhyTheyCannotBeComputed() {
        IntraclassCorrelation oneEvaluator = IntraclassCorrelation.of(
                ReliabilityReferenceTests.scores(new double[][] {{1, 2, 3}, {NA, NA, NA}}));
        IntraclassCorrelation oneCompleteUnit = IntraclassCorrelation.of(
                ReliabilityReferenceTests.scores(new double[][] {{1, 2, NA}, {1, NA, 3}}));
        IntraclassCorrelation allTheSame = IntraclassCorrelation.of(
                ReliabilityReferenceTests.scores(new double[][] {{4, 4, 4}, {4, 4, 4}}));

        assertThat(oneEvaluator.undefined()).isEqualTo(IntraclassCorrelation.Undefined.TOO_FEW_EVALUATORS);
        assertThat(oneCompleteUnit.undefined()).isEqualTo(IntraclassCorrelation.Undefined.TOO_FEW_COMPLETE_UNITS);
        assertThat(oneCompleteUnit.droppedUnits()).isEqualTo(2);
        assertThat(allTheSame.undefined()).isEqualTo(IntraclassCorrelation.Undefined.NO_VARIATION);
        for (IntraclassCorrelation icc : List.of(oneEvaluator, oneCompleteUnit, allTheSame)) {
            assertThat(icc.defined()).isFalse();
            for (IntraclassCorrelation.Form form : IntraclassCorrelation.Form.values()) {
                assertThat(icc.value(form)).isNaN();
            }
        }
    }

    @Test
    void anAverageFormIsNaNWhenEveryUnitHasTheSameMean() {
        // Unit means 2 and 2: MSB = 0, so (MSB − MSW)/MSB has no value; the single-evaluator forms still do.
        IntraclassCorrelation icc = IntraclassCorrelation.of(
                ReliabilityReferenceTests.scores(new double[][] {{1, 3}, {3, 1}}));

        assertThat(icc.defined()).isTrue();
        assertThat(icc.icc1k()).isNaN();
        assertThat(icc.icc3k()).isNaN();
        assertThat(icc.icc1()).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void alphaIsUndefinedWhenEveryPairableScoreIsTheSame() {
        KrippendorffAlpha alpha = KrippendorffAlpha.of(
                ReliabilityReferenceTests.scores(new double[][] {{3, 3, 1}, {3, 3, NA}}));

        assertThat(alpha.undefined()).isEqualTo(KrippendorffAlpha.Undefined.NO_EXPECTED_DISAGREEMENT);
        assertThat(alpha.alpha()).isNaN();
        assertThat(alpha.pairableUnits()).isEqualTo(2);
        assertThat(alpha.expectedDisagreement()).isZero();
    }

    @Test
    void ratioAlphaRefusesNegativeScores() {
        EvaluatorScores panel = ReliabilityReferenceTests.scores(new double[][] {{-1, 2}, {1, 2}});

        assertThatThrownBy(() -> KrippendorffAlpha.of(panel, KrippendorffAlpha.Level.RATIO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(KrippendorffAlpha.of(panel, KrippendorffAlpha.Level.INTERVAL).defined()).isTrue();
    }

    @Test
    void theReportBundlesAlphaTheIccsAndTheFlaggedUnits() {
        EvaluatorScores panel = ReliabilityReferenceTests.KRIPPENDORFF_2011;

        ReliabilityReport report = ReliabilityReport.of("panel-1", "indicator-3", panel, new SpreadThreshold(1, 5, 0.5));

        assertThat(report.evaluators()).isEqualTo(4);
        assertThat(report.units()).isEqualTo(12);
        assertThat(report.scoresGiven()).isEqualTo(41);
        assertThat(report.alpha().level()).isEqualTo(KrippendorffAlpha.Level.INTERVAL);
        assertThat(report.alpha().alpha()).isCloseTo(0.849, within(5e-4));
        // Units 1, 10, 11 and 12 miss someone's score; the eight complete units carry the ICCs.
        assertThat(report.icc().targets()).isEqualTo(8);
        assertThat(report.icc().droppedUnits()).isEqualTo(4);
        assertThat(report.spreads()).hasSize(12);
        // Unit 6 was scored 1, 2, 3, 4: a spread of 3 points exceeds half of the 1–5 scale (2 points).
        assertThat(report.flagged()).extracting(UnitSpread::unit).containsExactly("u6");
        assertThat(ReliabilityReport.of("panel-1", "indicator-3", panel, KrippendorffAlpha.Level.NOMINAL,
                new SpreadThreshold(1, 5, 0.5)).alpha().alpha()).isCloseTo(0.743, within(5e-4));
    }
}
