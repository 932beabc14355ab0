package org.pyeongga.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.scoring.NormalizedPanel.EvaluatorStatus;
import org.pyeongga.scoring.NormalizedPanel.EvaluatorSummary;
import org.pyeongga.scoring.NormalizedPanel.UnitScore;

/**
 * Makes one indicator's panel scores comparable across evaluators (methods §3.1) by the method chosen for the
 * indicator, and says which method it used and why.
 *
 * <h2>Methods</h2>
 * <ul>
 *   <li>{@link EvaluatorMethod#RAW_MEAN}: the mean of a unit's raw scores.
 *   <li>{@link EvaluatorMethod#Z_SCORE} (§3.1.1–2): per evaluator the mean μ_i and the sample standard deviation σ_i
 *       over the units they scored; z_ij = (x_ij − μ_i)/σ_i; N_j = the mean z of unit j; then rescaled to the range of
 *       the raw means S_j of the same scores: N'_j = min S + (N_j − min N)·(max S − min S)/(max N − min N), with min and
 *       max over the units that have a score. Guards: an evaluator who scored fewer units than
 *       {@link EvaluatorNormalizationOptions#minimumScoresPerEvaluator()} is excluded; one who gave every unit the same
 *       score (σ_i = 0) counts with z = 0 (neutral: no information about differences, without dropping the units they
 *       scored); when all N_j are equal (max N − min N ≤ 1e-12), every unit gets the mean of the S_j.
 *   <li>{@link EvaluatorMethod#TRIMMED_MEAN} (§3.1.3): per unit with at least {@value #TRIM_MINIMUM_SCORES} scores one
 *       highest and one lowest score are dropped and the rest averaged; units with fewer get the plain mean, and say so.
 *   <li>{@link EvaluatorMethod#MIN_MAX_WINSORIZED} (§3.1.4): per evaluator the p-th and (1 − p)-th percentiles lo and hi
 *       of their scores (p = {@link EvaluatorNormalizationOptions#winsorizingShare()}; linear interpolation between order
 *       statistics, Hyndman–Fan type 7, R's and Excel's default: with the scores sorted x_0 ≤ … ≤ x_(n−1), h = (n − 1)p,
 *       P = x_⌊h⌋ + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_⌊h⌋)); each score is capped to [lo, hi] and mapped to (x − lo)/(hi − lo) in
 *       [0, 1]; unit means are rescaled to the raw range as for z-scores. Guards: the same minimum number of scores; an
 *       evaluator with hi = lo counts 0.5 for every unit. With few scores the interpolation still pulls the extremes in a
 *       little (4 scores at p = 0.05: 15% of the way to the next one).
 *   <li>{@link EvaluatorMethod#BIAS_MODEL} (§3.1.5): x_ij = q_j + b_i + ε_ij fitted by least squares over the observed
 *       pairs with Σ b_i = 0 (exact solution, see {@link EvaluatorBiasModel}); the unit score is q_j, each evaluator's
 *       leniency b_i (positive = lenient). When evaluators and units fall apart into groups that share no score the
 *       model cannot tell a lenient group from a strong one: raw means are used instead, with the reason.
 * </ul>
 * A method that has nothing to work with falls back to raw means, with the reason: no evaluator has enough scores
 * (z-score, min–max), the design is not connected (bias model), or there are no scores at all.
 *
 * <h2>Automatic choice</h2>
 * In the spirit of LiveJudge's selection (§3.1.6), counting only evaluators who scored something ("active") and units
 * someone scored, with k = max({@value #AUTOMATIC_MINIMUM_UNITS_PER_EVALUATOR}, the options' minimum scores per
 * evaluator):
 * <ol>
 *   <li>fewer than {@value #AUTOMATIC_MINIMUM_EVALUATORS} active evaluators → raw mean ({@code automatic.few-evaluators});
 *   <li>some active evaluator scored fewer than k units → raw mean ({@code automatic.few-scores-per-evaluator});
 *   <li>complete design (every active evaluator scored every scored unit) → z-score ({@code automatic.complete-design});
 *   <li>incomplete but connected design → bias model ({@code automatic.incomplete-connected});
 *   <li>otherwise (not connected) → raw mean ({@code automatic.disconnected-design}).
 * </ol>
 *
 * <p>Evaluator leniency is reported for every method: b_i for the bias model; otherwise the mean of (x_ij − the unit's
 * raw mean) over the units the evaluator scored. The input is immutable and never changed.
 */
public final class EvaluatorNormalization {

    /** The automatic rule uses raw means below this many active evaluators. */
    public static final int AUTOMATIC_MINIMUM_EVALUATORS = 3;
    /** The automatic rule corrects for evaluators only when each scored at least this many units. */
    public static final int AUTOMATIC_MINIMUM_UNITS_PER_EVALUATOR = 6;
    /** The trimmed mean drops the highest and the lowest score of units with at least this many scores. */
    public static final int TRIM_MINIMUM_SCORES = 5;

    /** All normalized unit means closer together than this count as equal (they are on a unit-free scale). */
    static final double FLAT = 1e-12;

    private EvaluatorNormalization() {
    }

    /** Normalizes the panel's scores as the options say. */
    public static NormalizedPanel apply(EvaluatorScores scores, EvaluatorNormalizationOptions options) {
        return new Run(scores, options).result();
    }

    /** The method the automatic rule picks for this panel, and why. */
    public static NormalizationReason automaticChoice(EvaluatorScores scores, EvaluatorNormalizationOptions options) {
        return choose(new PanelDesign(scores), options).reason();
    }

    private record Choice(EvaluatorMethod method, NormalizationReason reason) {
    }

    private static Choice choose(PanelDesign design, EvaluatorNormalizationOptions options) {
        int m = design.activeEvaluators;
        if (m < AUTOMATIC_MINIMUM_EVALUATORS) {
            return new Choice(EvaluatorMethod.RAW_MEAN, NormalizationReason.of(NormalizationReason.AUTOMATIC_FEW_EVALUATORS,
                    "평가위원이 %s명이라(3명 미만) 원점수 평균을 사용", "%s evaluators (fewer than 3): raw mean", m));
        }
        int k = Math.max(AUTOMATIC_MINIMUM_UNITS_PER_EVALUATOR, options.minimumScoresPerEvaluator());
        int few = design.evaluatorsBelow(k);
        if (few > 0) {
            return new Choice(EvaluatorMethod.RAW_MEAN, NormalizationReason.of(
                    NormalizationReason.AUTOMATIC_FEW_SCORES_PER_EVALUATOR,
                    "평가위원 %s명이 평가한 대상이 %s개 미만이라 원점수 평균을 사용",
                    "%s evaluators scored fewer than %s units: raw mean", few, k));
        }
        if (design.complete) {
            return new Choice(EvaluatorMethod.Z_SCORE, NormalizationReason.of(NormalizationReason.AUTOMATIC_COMPLETE_DESIGN,
                    "평가위원 %s명이 대상 %s개를 모두 평가해 평가위원별 표준점수(z)를 사용",
                    "complete design, %s evaluators × %s units: per-evaluator z-score", m, design.scoredUnits));
        }
        if (design.groups > 1) {
            return new Choice(EvaluatorMethod.RAW_MEAN, NormalizationReason.of(
                    NormalizationReason.AUTOMATIC_DISCONNECTED_DESIGN,
                    "평가위원과 대상이 서로 겹치지 않는 %s개 묶음으로 나뉘어 원점수 평균을 사용",
                    "the design falls apart into %s groups that share no evaluator or unit: raw mean", design.groups));
        }
        return new Choice(EvaluatorMethod.BIAS_MODEL, NormalizationReason.of(
                NormalizationReason.AUTOMATIC_INCOMPLETE_CONNECTED,
                "일부 대상만 평가했지만 평가위원 %s명이 서로 연결되어 있고 각자 %s개 이상 평가해 평가위원 편향 모형을 사용",
                "incomplete but connected design, %s evaluators each scoring at least %s units: evaluator-bias model", m, k));
    }

    /** One application: the inputs, the per-unit and per-evaluator statistics every method reports, and the result. */
    private static final class Run {

        final EvaluatorScores scores;
        final EvaluatorNormalizationOptions options;
        final PanelDesign design;
        final int m;
        final int u;
        final double[] rawMean;
        final double[] evaluatorMean;
        final double[] evaluatorSd;
        final double[] meanDeviation;

        Run(EvaluatorScores scores, EvaluatorNormalizationOptions options) {
            this.scores = scores;
            this.options = options;
            this.design = new PanelDesign(scores);
            this.m = scores.evaluatorCount();
            this.u = scores.unitCount();
            rawMean = new double[u];
            for (int j = 0; j < u; j++) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    if (scores.scored(i, j)) {
                        sum += scores.score(i, j);
                    }
                }
                rawMean[j] = design.scoresFor[j] == 0 ? Double.NaN : sum / design.scoresFor[j];
            }
            evaluatorMean = new double[m];
            evaluatorSd = new double[m];
            meanDeviation = new double[m];
            for (int i = 0; i < m; i++) {
                double[] own = scoresOf(i);
                evaluatorMean[i] = mean(own);
                evaluatorSd[i] = sampleSd(own);
                double deviation = 0;
                for (int j = 0; j < u; j++) {
                    if (scores.scored(i, j)) {
                        deviation += scores.score(i, j) - rawMean[j];
                    }
                }
                meanDeviation[i] = own.length == 0 ? Double.NaN : deviation / own.length;
            }
        }

        NormalizedPanel result() {
            if (design.activeEvaluators == 0) {
                return rawMean(NormalizationReason.of(NormalizationReason.NO_SCORES_AT_ALL, "점수가 하나도 없음", "no scores at all"));
            }
            EvaluatorMethod method = options.method();
            NormalizationReason reason;
            if (method == EvaluatorMethod.AUTOMATIC) {
                Choice choice = choose(design, options);
                method = choice.method();
                reason = choice.reason();
            } else {
                reason = new NormalizationReason(NormalizationReason.REQUESTED, List.of(method.name()),
                        "선택한 방법 사용: " + method.korean(), "method as chosen: " + method.english());
            }
            return switch (method) {
                case RAW_MEAN -> rawMean(reason);
                case TRIMMED_MEAN -> trimmedMean(reason);
                case Z_SCORE, MIN_MAX_WINSORIZED -> perEvaluator(method, reason);
                case BIAS_MODEL -> biasModel(reason);
                case AUTOMATIC -> throw new IllegalStateException("the automatic rule chooses a concrete method");
            };
        }

        NormalizedPanel rawMean(NormalizationReason reason) {
            List<UnitScore> units = new ArrayList<>();
            for (int j = 0; j < u; j++) {
                int n = design.scoresFor[j];
                units.add(unit(j, rawMean[j], rawMean[j], n, n == 0 ? unitWithoutScores() : null));
            }
            return panel(EvaluatorMethod.RAW_MEAN, reason, List.of(), units, plainEvaluators());
        }

        NormalizedPanel trimmedMean(NormalizationReason reason) {
            List<UnitScore> units = new ArrayList<>();
            int untrimmed = 0;
            for (int j = 0; j < u; j++) {
                double[] given = scoresFor(j);
                int n = given.length;
                if (n == 0) {
                    units.add(unit(j, Double.NaN, Double.NaN, 0, unitWithoutScores()));
                } else if (n < TRIM_MINIMUM_SCORES) {
                    untrimmed++;
                    units.add(unit(j, rawMean[j], rawMean[j], n, NormalizationReason.of(
                            NormalizationReason.UNIT_TOO_FEW_TO_TRIM, "점수가 %s개라(5개 미만) 최고·최저점을 빼지 않고 평균",
                            "%s scores (fewer than 5): plain mean", n)));
                } else {
                    Arrays.sort(given);
                    double sum = 0;
                    for (int k = 1; k < n - 1; k++) {
                        sum += given[k];
                    }
                    double trimmed = sum / (n - 2);
                    units.add(unit(j, trimmed, trimmed, n - 2, null));
                }
            }
            List<NormalizationReason> notes = untrimmed == 0 ? List.of() : List.of(NormalizationReason.of(
                    NormalizationReason.UNTRIMMED_UNITS, "대상 %s개는 점수가 5개 미만이라 최고·최저점을 빼지 않고 평균",
                    "%s units have fewer than 5 scores: plain mean", untrimmed));
            return panel(EvaluatorMethod.TRIMMED_MEAN, reason, notes, units, plainEvaluators());
        }

        /** Z-score or winsorized min–max: transform each evaluator's scores, average per unit, rescale to raw range. */
        NormalizedPanel perEvaluator(EvaluatorMethod method, NormalizationReason reason) {
            int minimum = options.minimumScoresPerEvaluator();
            boolean anyQualifies = false;
            for (int i = 0; i < m; i++) {
                anyQualifies |= design.scoresBy[i] >= minimum;
            }
            if (!anyQualifies) {
                return rawMean(new NormalizationReason(NormalizationReason.NO_QUALIFYING_EVALUATOR,
                        List.of(method.name(), Integer.toString(minimum)),
                        method.korean() + "에 필요한 " + minimum + "개 이상을 평가한 평가위원이 없어 원점수 평균을 사용",
                        "no evaluator scored the " + minimum + " units " + method.english() + " needs: raw mean"));
            }
            double[][] transformed = new double[m][];
            List<EvaluatorSummary> evaluators = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                int n = design.scoresBy[i];
                NormalizationReason guard = null;
                EvaluatorStatus status = EvaluatorStatus.COUNTED;
                if (n == 0) {
                    status = EvaluatorStatus.EXCLUDED;
                    guard = evaluatorWithoutScores();
                } else if (n < minimum) {
                    status = EvaluatorStatus.EXCLUDED;
                    guard = NormalizationReason.of(NormalizationReason.EVALUATOR_TOO_FEW_SCORES,
                            "%s개만 평가해(최소 %s개) 제외", "scored %s units (at least %s needed): excluded", n, minimum);
                } else {
                    double[] own = scoresOf(i);
                    double low = Arrays.stream(own).min().orElseThrow();
                    double high = Arrays.stream(own).max().orElseThrow();
                    transformed[i] = new double[u];
                    if (method == EvaluatorMethod.Z_SCORE) {
                        if (low == high) {
                            status = EvaluatorStatus.NEUTRALISED;
                            guard = NormalizationReason.of(NormalizationReason.EVALUATOR_ZERO_VARIANCE,
                                    "모든 대상에 같은 점수(%s)를 줘 표준점수를 0으로 처리",
                                    "gave every unit the same score (%s): z = 0", low);
                        }
                        for (int j = 0; j < u; j++) {
                            transformed[i][j] = guard != null ? 0 : (scores.score(i, j) - evaluatorMean[i]) / evaluatorSd[i];
                        }
                    } else {
                        Arrays.sort(own);
                        double lo = percentile(own, options.winsorizingShare());
                        double hi = percentile(own, 1 - options.winsorizingShare());
                        if (!(hi > lo)) {
                            status = EvaluatorStatus.NEUTRALISED;
                            guard = NormalizationReason.of(NormalizationReason.EVALUATOR_ZERO_RANGE,
                                    "윈저화 후 점수 폭이 0이라 모든 대상을 0.5로 처리",
                                    "no range left after winsorizing: 0.5 for every unit");
                        }
                        for (int j = 0; j < u; j++) {
                            double x = scores.score(i, j);
                            transformed[i][j] = guard != null ? 0.5 : (Math.min(Math.max(x, lo), hi) - lo) / (hi - lo);
                        }
                    }
                }
                evaluators.add(evaluator(i, meanDeviation[i], status, guard));
            }
            double[] normalized = new double[u];
            double[] sameScoresRawMean = new double[u];
            int[] counted = new int[u];
            for (int j = 0; j < u; j++) {
                double sum = 0;
                double raw = 0;
                for (int i = 0; i < m; i++) {
                    if (transformed[i] != null && scores.scored(i, j)) {
                        sum += transformed[i][j];
                        raw += scores.score(i, j);
                        counted[j]++;
                    }
                }
                normalized[j] = counted[j] == 0 ? Double.NaN : sum / counted[j];
                sameScoresRawMean[j] = counted[j] == 0 ? Double.NaN : raw / counted[j];
            }
            List<NormalizationReason> notes = new ArrayList<>();
            double[] rescaled = rescale(normalized, sameScoresRawMean, notes);
            List<UnitScore> units = new ArrayList<>();
            for (int j = 0; j < u; j++) {
                NormalizationReason note = null;
                if (design.scoresFor[j] == 0) {
                    note = unitWithoutScores();
                } else if (counted[j] == 0) {
                    note = NormalizationReason.of(NormalizationReason.UNIT_ONLY_EXCLUDED_EVALUATORS,
                            "제외된 평가위원만 평가함(점수 %s개)", "scored only by excluded evaluators (%s scores)",
                            design.scoresFor[j]);
                }
                units.add(unit(j, rescaled[j], normalized[j], counted[j], note));
            }
            return panel(method, reason, notes, units, evaluators);
        }

        /**
         * N'_j = min S + (N_j − min N)·(max S − min S)/(max N − min N) over the units that have an N (methods §3.1.2);
         * when all N are equal every unit gets the mean of S.
         */
        double[] rescale(double[] normalized, double[] raw, List<NormalizationReason> notes) {
            double minN = Double.POSITIVE_INFINITY;
            double maxN = Double.NEGATIVE_INFINITY;
            double minS = Double.POSITIVE_INFINITY;
            double maxS = Double.NEGATIVE_INFINITY;
            double sumS = 0;
            int n = 0;
            for (int j = 0; j < u; j++) {
                if (!Double.isNaN(normalized[j])) {
                    minN = Math.min(minN, normalized[j]);
                    maxN = Math.max(maxN, normalized[j]);
                    minS = Math.min(minS, raw[j]);
                    maxS = Math.max(maxS, raw[j]);
                    sumS += raw[j];
                    n++;
                }
            }
            double[] result = new double[u];
            if (n > 0 && maxN - minN <= FLAT) {
                double meanS = sumS / n;
                notes.add(NormalizationReason.of(NormalizationReason.FLAT_NORMALIZED_SCORES,
                        "정규화한 점수가 모두 같아 모든 대상에 원점수 평균의 평균(%s)을 부여",
                        "all normalized scores are equal: every unit gets the mean of the raw means (%s)", meanS));
                for (int j = 0; j < u; j++) {
                    result[j] = Double.isNaN(normalized[j]) ? Double.NaN : meanS;
                }
                return result;
            }
            double factor = (maxS - minS) / (maxN - minN);
            for (int j = 0; j < u; j++) {
                result[j] = Double.isNaN(normalized[j]) ? Double.NaN : minS + (normalized[j] - minN) * factor;
            }
            return result;
        }

        NormalizedPanel biasModel(NormalizationReason reason) {
            if (design.groups > 1) {
                return rawMean(NormalizationReason.of(NormalizationReason.BIAS_MODEL_DISCONNECTED_DESIGN,
                        "평가위원과 대상이 서로 겹치지 않는 %s개 묶음으로 나뉘어 편향 모형을 풀 수 없으므로 원점수 평균을 사용",
                        "the design falls apart into %s groups that share no evaluator or unit, so the bias model cannot be"
                                + " identified: raw mean", design.groups));
            }
            EvaluatorBiasModel.Fit fit = EvaluatorBiasModel.fit(scores, rawMean);
            List<UnitScore> units = new ArrayList<>();
            for (int j = 0; j < u; j++) {
                int n = design.scoresFor[j];
                units.add(unit(j, fit.quality()[j], fit.quality()[j], n, n == 0 ? unitWithoutScores() : null));
            }
            List<EvaluatorSummary> evaluators = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                boolean none = design.scoresBy[i] == 0;
                evaluators.add(evaluator(i, fit.leniency()[i], none ? EvaluatorStatus.EXCLUDED : EvaluatorStatus.COUNTED,
                        none ? evaluatorWithoutScores() : null));
            }
            return panel(EvaluatorMethod.BIAS_MODEL, reason, List.of(), units, evaluators);
        }

        List<EvaluatorSummary> plainEvaluators() {
            List<EvaluatorSummary> evaluators = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                boolean none = design.scoresBy[i] == 0;
                evaluators.add(evaluator(i, meanDeviation[i], none ? EvaluatorStatus.EXCLUDED : EvaluatorStatus.COUNTED,
                        none ? evaluatorWithoutScores() : null));
            }
            return evaluators;
        }

        NormalizedPanel panel(EvaluatorMethod method, NormalizationReason reason, List<NormalizationReason> notes,
                List<UnitScore> units, List<EvaluatorSummary> evaluators) {
            return new NormalizedPanel(options, method, reason, notes, units, evaluators);
        }

        UnitScore unit(int j, double score, double standardized, int counted, @Nullable NormalizationReason note) {
            return new UnitScore(scores.units().get(j), score, standardized, rawMean[j], design.scoresFor[j], counted, note);
        }

        EvaluatorSummary evaluator(int i, double leniency, EvaluatorStatus status, @Nullable NormalizationReason guard) {
            return new EvaluatorSummary(scores.evaluators().get(i), design.scoresBy[i], evaluatorMean[i], evaluatorSd[i],
                    leniency, status, guard);
        }

        double[] scoresOf(int i) {
            double[] own = new double[design.scoresBy[i]];
            int n = 0;
            for (int j = 0; j < u; j++) {
                if (scores.scored(i, j)) {
                    own[n++] = scores.score(i, j);
                }
            }
            return own;
        }

        double[] scoresFor(int j) {
            double[] given = new double[design.scoresFor[j]];
            int n = 0;
            for (int i = 0; i < m; i++) {
                if (scores.scored(i, j)) {
                    given[n++] = scores.score(i, j);
                }
            }
            return given;
        }
    }

    private static NormalizationReason unitWithoutScores() {
        return NormalizationReason.of(NormalizationReason.UNIT_NO_SCORES, "평가한 평가위원이 없음", "no evaluator scored this unit");
    }

    private static NormalizationReason evaluatorWithoutScores() {
        return NormalizationReason.of(NormalizationReason.EVALUATOR_NO_SCORES, "평가한 대상이 없음", "scored no unit");
    }

    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The sample standard deviation (divisor n − 1), NaN for fewer than two values. */
    static double sampleSd(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /** The p-th percentile of sorted values by linear interpolation between order statistics (Hyndman–Fan type 7). */
    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
