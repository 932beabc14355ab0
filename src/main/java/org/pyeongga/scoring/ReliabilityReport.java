package org.pyeongga.scoring;

import java.util.List;

/**
 * The reliability of one panel's scores on one indicator, ready for a results page: Krippendorff's α, the six ICCs,
 * every unit's evaluator spread with the units flagged for discussion, and the counts behind them.
 *
 * <p>α uses every score; the ICCs use only the units scored by every evaluator (ADR 0012), so both sets of counts
 * are shown: {@link KrippendorffAlpha#pairableUnits()} and {@link IntraclassCorrelation#targets()},
 * {@link IntraclassCorrelation#droppedUnits()}.
 *
 * @param panel the panel's id
 * @param indicator the indicator's id
 * @param evaluators evaluators in the panel (rows of the score matrix)
 * @param units units in the panel (columns)
 * @param scoresGiven scores given (cells of the matrix not missing)
 * @param alpha Krippendorff's α, at the interval level unless another was asked for
 * @param icc the ANOVA and the six intraclass correlations
 * @param threshold the spread above which a unit is flagged
 * @param spreads every unit's spread, in the matrix's unit order
 */
public record ReliabilityReport(String panel, String indicator, int evaluators, int units, int scoresGiven,
        KrippendorffAlpha alpha, IntraclassCorrelation icc, SpreadThreshold threshold, List<UnitSpread> spreads) {

    public ReliabilityReport {
        spreads = List.copyOf(spreads);
    }

    /** The report with α at the interval level, the usual choice for rubric scores. */
    public static ReliabilityReport of(String panel, String indicator, EvaluatorScores scores,
            SpreadThreshold threshold) {
        return of(panel, indicator, scores, KrippendorffAlpha.Level.INTERVAL, threshold);
    }

    /** The report with α at {@code level} (for example ordinal for a ranking, nominal for pass/fail). */
    public static ReliabilityReport of(String panel, String indicator, EvaluatorScores scores,
            KrippendorffAlpha.Level level, SpreadThreshold threshold) {
        int given = 0;
        for (int i = 0; i < scores.evaluatorCount(); i++) {
            given += scores.scoresBy(i);
        }
        return new ReliabilityReport(panel, indicator, scores.evaluatorCount(), scores.unitCount(), given,
                KrippendorffAlpha.of(scores, level), IntraclassCorrelation.of(scores), threshold,
                UnitSpread.of(scores, threshold));
    }

    /** The units whose spread exceeds the threshold, to be discussed. */
    public List<UnitSpread> flagged() {
        return spreads.stream().filter(UnitSpread::flagged).toList();
    }
}
