package org.pyeongga.scoring;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Krippendorff's α for one panel's scores: how far the evaluators agree beyond chance, on any number of evaluators
 * with missing scores allowed, at a declared level of measurement.
 *
 * <p>Computed from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"; methods.md
 * §3.5): every unit scored by m ≥ 2 evaluators adds 1/(m − 1) to {@code o[c][k]} for each ordered pair of its values
 * (c, k) from different evaluators; units with fewer than two scores are not pairable and are ignored. With
 * n<sub>c</sub> = Σ<sub>k</sub> o<sub>ck</sub> and n = Σ n<sub>c</sub>, D<sub>o</sub> = (1/n) Σ o<sub>ck</sub>
 * δ²<sub>ck</sub>, D<sub>e</sub> = Σ n<sub>c</sub> n<sub>k</sub> δ²<sub>ck</sub> / (n(n − 1)) and α = 1 − D<sub>o</sub>
 * / D<sub>e</sub>. Every distinct score is a value c (for nominal data a category, for ordinal data a rank in numeric
 * order).
 *
 * <p>α is a statistic and is reported as a double. When it cannot be computed it is NaN and {@link #undefined()} says
 * why; it is never thrown, because a panel with too little overlap is a fact to show, not an error.
 *
 * @param level the level of measurement that chose δ²
 * @param alpha 1 − D<sub>o</sub>/D<sub>e</sub>: 1 is perfect agreement, 0 agreement at chance, below 0 systematic
 *     disagreement; NaN when undefined
 * @param observedDisagreement D<sub>o</sub>; NaN when no unit is pairable
 * @param expectedDisagreement D<sub>e</sub>; NaN when no unit is pairable
 * @param pairableValues n, the number of scores in pairable units
 * @param pairableUnits the number of units with at least two scores
 * @param undefined why α is NaN, or null when it is defined
 */
public record KrippendorffAlpha(Level level, double alpha, double observedDisagreement, double expectedDisagreement,
        int pairableValues, int pairableUnits, @Nullable Undefined undefined) {

    /** Level of measurement: which difference function δ² compares two values (methods.md §3.5). */
    public enum Level {
        /** Categories: δ² = 0 if c = k, else 1. */
        NOMINAL,
        /** Ranks: δ² = (Σ<sub>g=c..k</sub> n<sub>g</sub> − (n<sub>c</sub> + n<sub>k</sub>)/2)², values ranked numerically. */
        ORDINAL,
        /** Equal intervals: δ² = (c − k)². The default for rubric scores. */
        INTERVAL,
        /** Equal intervals and a true zero: δ² = ((c − k)/(c + k))², so scores must not be negative. */
        RATIO
    }

    /** Why α could not be computed. */
    public enum Undefined {
        /** No unit was scored by two or more evaluators, so there is no pair to compare. */
        NO_PAIRABLE_UNIT,
        /** All pairable scores are the same value, so D<sub>e</sub> = 0 and there is no disagreement to expect. */
        NO_EXPECTED_DISAGREEMENT
    }

    public KrippendorffAlpha {
        if ((undefined == null) == Double.isNaN(alpha)) {
            throw new IllegalArgumentException("α is NaN exactly when a reason is given");
        }
    }

    /** α at the interval level, the usual choice for rubric scores (methods.md §3.5, "Usage"). */
    public static KrippendorffAlpha of(EvaluatorScores scores) {
        return of(scores, Level.INTERVAL);
    }

    /**
     * α of {@code scores} at {@code level}.
     *
     * @throws IllegalArgumentException at the ratio level, if a score is negative (a ratio scale has a true zero)
     */
    public static KrippendorffAlpha of(EvaluatorScores scores, Level level) {
        int evaluators = scores.evaluatorCount();
        int units = scores.unitCount();

        // The pairable units' values, and the distinct values among them (the rows of the coincidence matrix).
        double[][] unitValues = new double[units][];
        int pairableUnits = 0;
        int n = 0;
        for (int j = 0; j < units; j++) {
            double[] values = new double[scores.scoresFor(j)];
            int m = 0;
            for (int i = 0; i < evaluators; i++) {
                if (scores.scored(i, j)) {
                    double x = scores.score(i, j) + 0.0; // −0.0 and 0.0 are one value
                    if (level == Level.RATIO && x < 0) {
                        throw new IllegalArgumentException("ratio-level α needs non-negative scores, got " + x);
                    }
                    values[m++] = x;
                }
            }
            if (m >= 2) {
                unitValues[j] = values;
                pairableUnits++;
                n += m;
            }
        }
        if (pairableUnits == 0) {
            return new KrippendorffAlpha(level, Double.NaN, Double.NaN, Double.NaN, 0, 0, Undefined.NO_PAIRABLE_UNIT);
        }
        double[] categories = Arrays.stream(unitValues).filter(v -> v != null).flatMapToDouble(Arrays::stream)
                .sorted().distinct().toArray();
        int v = categories.length;

        // Coincidences o[c][k] and the marginal counts n_c (whole numbers: each pairable score counts once).
        double[][] coincidences = new double[v][v];
        long[] counts = new long[v];
        for (double[] values : unitValues) {
            if (values == null) {
                continue;
            }
            int[] index = new int[values.length];
            for (int a = 0; a < values.length; a++) {
                index[a] = Arrays.binarySearch(categories, values[a]);
                counts[index[a]]++;
            }
            double weight = 1.0 / (values.length - 1);
            for (int a = 0; a < values.length; a++) {
                for (int b = 0; b < values.length; b++) {
                    if (a != b) {
                        coincidences[index[a]][index[b]] += weight;
                    }
                }
            }
        }

        double[][] delta = differences(level, categories, counts);
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                observed += coincidences[c][k] * delta[c][k];
                expected += (double) counts[c] * counts[k] * delta[c][k];
            }
        }
        observed /= n;
        expected /= (double) n * (n - 1);
        if (expected == 0) {
            return new KrippendorffAlpha(level, Double.NaN, observed, expected, n, pairableUnits,
                    Undefined.NO_EXPECTED_DISAGREEMENT);
        }
        return new KrippendorffAlpha(level, 1 - observed / expected, observed, expected, n, pairableUnits, null);
    }

    /** Whether α could be computed. */
    public boolean defined() {
        return undefined == null;
    }

    /** δ²<sub>ck</sub> for the sorted distinct values, with their counts n<sub>c</sub> (the ordinal metric needs them). */
    private static double[][] differences(Level level, double[] categories, long[] counts) {
        int v = categories.length;
        double[][] delta = new double[v][v];
        // cumulative[g] = n_0 + … + n_(g−1), so Σ_(g=c..k) n_g = cumulative[k + 1] − cumulative[c] for c ≤ k.
        long[] cumulative = new long[v + 1];
        for (int g = 0; g < v; g++) {
            cumulative[g + 1] = cumulative[g] + counts[g];
        }
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                if (c == k) {
                    continue;
                }
                double x = categories[c];
                double y = categories[k];
                delta[c][k] = switch (level) {
                    case NOMINAL -> 1;
                    case ORDINAL -> {
                        int low = Math.min(c, k);
                        int high = Math.max(c, k);
                        double d = (cumulative[high + 1] - cumulative[low]) - (counts[c] + counts[k]) / 2.0;
                        yield d * d;
                    }
                    case INTERVAL -> (x - y) * (x - y);
                    case RATIO -> {
                        double d = (x - y) / (x + y); // x ≠ y and both ≥ 0, so x + y > 0
                        yield d * d;
                    }
                };
            }
        }
        return delta;
    }
}
