package org.pyeongga.scoring;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The six intraclass correlations of Shrout &amp; Fleiss (1979) for one panel's scores, from a two-way ANOVA of the
 * units (targets) × evaluators (judges) it scored completely.
 *
 * <p>The ANOVA needs a complete design, and panels rarely have one (recusals, split panels). Rule (ADR 0012):
 * evaluators who scored no unit at all are left out, since they did not rate this indicator; then only the units
 * scored by every remaining evaluator are used, and the numbers left out are reported beside the result.
 * Krippendorff's α ({@link KrippendorffAlpha}) uses every score and is the measure for incomplete designs.
 *
 * <p>The record holds the ANOVA; the coefficients are derived from it ({@link #icc1()} … {@link #icc3k()}). They are
 * statistics and are reported as doubles, negative values included (they mean less agreement than chance). A
 * coefficient is NaN when its denominator is zero (e.g. the average forms when all units have the same mean), and
 * all are NaN when {@link #undefined()} gives a reason.
 *
 * @param targets n, the units in the ANOVA (scored by every remaining evaluator)
 * @param judges k, the evaluators in the ANOVA
 * @param droppedUnits units left out because some remaining evaluator did not score them
 * @param droppedEvaluators evaluators left out because they scored no unit
 * @param msb mean square between targets (Shrout &amp; Fleiss's BMS), df n − 1
 * @param msw mean square within targets (WMS), df n(k − 1)
 * @param msj mean square between judges (JMS), df k − 1
 * @param mse residual mean square (EMS), df (n − 1)(k − 1)
 * @param undefined why no coefficient could be computed, or null
 */
public record IntraclassCorrelation(int targets, int judges, int droppedUnits, int droppedEvaluators, double msb,
        double msw, double msj, double mse, @Nullable Undefined undefined) {

    /** The six forms, named as in R's psych package ({@code ICC1} … {@code ICC3k}). */
    public enum Form {
        /** ICC(1,1): one-way random; each unit scored by a different random set of evaluators; one evaluator. */
        ICC1,
        /** ICC(2,1): two-way random, absolute agreement; evaluators a random sample; one evaluator. */
        ICC2,
        /** ICC(3,1): two-way mixed, consistency; these evaluators only; one evaluator. */
        ICC3,
        /** ICC(1,k): as ICC(1,1), for the mean of k evaluators. */
        ICC1K,
        /** ICC(2,k): as ICC(2,1), for the mean of k evaluators. */
        ICC2K,
        /** ICC(3,k): as ICC(3,1), for the mean of k evaluators. */
        ICC3K
    }

    /** Why the ANOVA could not be run. */
    public enum Undefined {
        /** Fewer than two evaluators scored anything. */
        TOO_FEW_EVALUATORS,
        /** Fewer than two units were scored by every evaluator. */
        TOO_FEW_COMPLETE_UNITS,
        /** Every score in the complete units is the same, so there is no variance to divide. */
        NO_VARIATION
    }

    /**
     * The ANOVA of {@code scores} and the coefficients derived from it, on the complete units (see the class comment).
     */
    public static IntraclassCorrelation of(EvaluatorScores scores) {
        List<Integer> raters = new ArrayList<>();
        for (int i = 0; i < scores.evaluatorCount(); i++) {
            if (scores.scoresBy(i) > 0) {
                raters.add(i);
            }
        }
        int droppedEvaluators = scores.evaluatorCount() - raters.size();
        List<Integer> complete = new ArrayList<>();
        for (int j = 0; j < scores.unitCount(); j++) {
            final int unit = j;
            if (!raters.isEmpty() && raters.stream().allMatch(i -> scores.scored(i, unit))) {
                complete.add(j);
            }
        }
        int k = raters.size();
        int n = complete.size();
        int droppedUnits = scores.unitCount() - n;
        if (k < 2) {
            return undefined(n, k, droppedUnits, droppedEvaluators, Undefined.TOO_FEW_EVALUATORS);
        }
        if (n < 2) {
            return undefined(n, k, droppedUnits, droppedEvaluators, Undefined.TOO_FEW_COMPLETE_UNITS);
        }

        double[][] x = new double[n][k];
        for (int t = 0; t < n; t++) {
            for (int r = 0; r < k; r++) {
                x[t][r] = scores.score(raters.get(r), complete.get(t));
            }
        }
        double grand = 0;
        double[] targetMean = new double[n];
        double[] judgeMean = new double[k];
        for (int t = 0; t < n; t++) {
            for (int r = 0; r < k; r++) {
                targetMean[t] += x[t][r];
                judgeMean[r] += x[t][r];
                grand += x[t][r];
            }
        }
        grand /= (double) n * k;
        for (int t = 0; t < n; t++) {
            targetMean[t] /= k;
        }
        for (int r = 0; r < k; r++) {
            judgeMean[r] /= n;
        }
        // Sums of squares from deviations (not by subtraction of totals), so they stay accurate for large scores.
        double between = 0;
        for (double m : targetMean) {
            between += k * (m - grand) * (m - grand);
        }
        double judgesSquares = 0;
        for (double m : judgeMean) {
            judgesSquares += n * (m - grand) * (m - grand);
        }
        double within = 0;
        double residual = 0;
        boolean varies = false;
        for (int t = 0; t < n; t++) {
            for (int r = 0; r < k; r++) {
                double w = x[t][r] - targetMean[t];
                double e = x[t][r] - targetMean[t] - judgeMean[r] + grand;
                within += w * w;
                residual += e * e;
                varies |= x[t][r] != x[0][0];
            }
        }
        if (!varies) {
            return undefined(n, k, droppedUnits, droppedEvaluators, Undefined.NO_VARIATION);
        }
        return new IntraclassCorrelation(n, k, droppedUnits, droppedEvaluators, between / (n - 1),
                within / ((double) n * (k - 1)), judgesSquares / (k - 1), residual / ((double) (n - 1) * (k - 1)), null);
    }

    private static IntraclassCorrelation undefined(int n, int k, int droppedUnits, int droppedEvaluators,
            Undefined reason) {
        return new IntraclassCorrelation(n, k, droppedUnits, droppedEvaluators, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, reason);
    }

    /** Whether the ANOVA could be run. */
    public boolean defined() {
        return undefined == null;
    }

    /** ICC(1,1) = (MSB − MSW) / (MSB + (k − 1)·MSW). */
    public double icc1() {
        return ratio(msb - msw, msb + (judges - 1) * msw);
    }

    /** ICC(2,1) = (MSB − MSE) / (MSB + (k − 1)·MSE + k·(MSJ − MSE)/n). */
    public double icc2() {
        return ratio(msb - mse, msb + (judges - 1) * mse + judges * (msj - mse) / targets);
    }

    /** ICC(3,1) = (MSB − MSE) / (MSB + (k − 1)·MSE). */
    public double icc3() {
        return ratio(msb - mse, msb + (judges - 1) * mse);
    }

    /** ICC(1,k) = (MSB − MSW) / MSB. */
    public double icc1k() {
        return ratio(msb - msw, msb);
    }

    /** ICC(2,k) = (MSB − MSE) / (MSB + (MSJ − MSE)/n). */
    public double icc2k() {
        return ratio(msb - mse, msb + (msj - mse) / targets);
    }

    /** ICC(3,k) = (MSB − MSE) / MSB. */
    public double icc3k() {
        return ratio(msb - mse, msb);
    }

    /** The coefficient of one form, for pages that show all six as a table. */
    public double value(Form form) {
        return switch (form) {
            case ICC1 -> icc1();
            case ICC2 -> icc2();
            case ICC3 -> icc3();
            case ICC1K -> icc1k();
            case ICC2K -> icc2k();
            case ICC3K -> icc3k();
        };
    }

    private double ratio(double numerator, double denominator) {
        return undefined != null || denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
