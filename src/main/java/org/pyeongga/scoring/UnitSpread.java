package org.pyeongga.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How far one unit's evaluator scores lie apart (HotCRP's "maxmin", methods.md §3.5), and whether that exceeds the
 * panel's {@link SpreadThreshold} so the unit should be discussed before its score is used.
 *
 * <p>The flag decides where a unit goes, so it is decided exactly: max − min and the threshold are compared as the
 * decimals the scores print as ({@link BigDecimal#valueOf(double)}), not as binary fractions, and a spread that equals
 * the threshold is not flagged. The other numbers are statistics and are doubles.
 *
 * @param unit the unit's id
 * @param scores how many evaluators scored it
 * @param min its lowest score, NaN when nobody scored it
 * @param max its highest score, NaN when nobody scored it
 * @param maxMin max − min: 0 with one score, NaN with none
 * @param standardDeviation the sample standard deviation of its scores (divisor m − 1), NaN with fewer than two
 * @param flagged whether {@code maxMin} exceeds the threshold (never with fewer than two scores)
 */
public record UnitSpread(String unit, int scores, double min, double max, double maxMin, double standardDeviation,
        boolean flagged) {

    /** The spread of every unit of {@code scores}, in the matrix's unit order. */
    public static List<UnitSpread> of(EvaluatorScores scores, SpreadThreshold threshold) {
        BigDecimal limit = BigDecimal.valueOf(threshold.fraction())
                .multiply(BigDecimal.valueOf(threshold.scaleMax()).subtract(BigDecimal.valueOf(threshold.scaleMin())));
        List<UnitSpread> spreads = new ArrayList<>(scores.unitCount());
        for (int j = 0; j < scores.unitCount(); j++) {
            int m = 0;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < scores.evaluatorCount(); i++) {
                if (scores.scored(i, j)) {
                    double x = scores.score(i, j);
                    m++;
                    sum += x;
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
            String unit = scores.units().get(j);
            if (m == 0) {
                spreads.add(new UnitSpread(unit, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false));
                continue;
            }
            double mean = sum / m;
            double squares = 0;
            for (int i = 0; i < scores.evaluatorCount(); i++) {
                if (scores.scored(i, j)) {
                    squares += (scores.score(i, j) - mean) * (scores.score(i, j) - mean);
                }
            }
            BigDecimal range = BigDecimal.valueOf(max).subtract(BigDecimal.valueOf(min));
            spreads.add(new UnitSpread(unit, m, min, max, range.doubleValue(),
                    m < 2 ? Double.NaN : Math.sqrt(squares / (m - 1)), m >= 2 && range.compareTo(limit) > 0));
        }
        return List.copyOf(spreads);
    }
}
