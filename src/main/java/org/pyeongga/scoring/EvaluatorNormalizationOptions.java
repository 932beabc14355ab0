package org.pyeongga.scoring;

/**
 * The choices for normalizing one indicator's evaluator scores: the method and the parameters of its guards.
 *
 * @param method the method to apply, or {@link EvaluatorMethod#AUTOMATIC} for the documented selection rule
 * @param minimumScoresPerEvaluator the fewest units an evaluator must have scored to take part in {@code Z_SCORE} and
 *     {@code MIN_MAX_WINSORIZED}, whose per-evaluator mean, spread or range need several scores (at least 2; default 3,
 *     LiveJudge's minimum); evaluators below it are excluded with a reason
 * @param winsorizingShare the share p cut off at each end before min–max scaling: scores are capped at the p-th and the
 *     (1 − p)-th percentile (linear interpolation, R type 7); 0 ≤ p &lt; 0.5, default 0.05 (RCLiveScore's 5th/95th)
 */
public record EvaluatorNormalizationOptions(EvaluatorMethod method, int minimumScoresPerEvaluator, double winsorizingShare) {

    public static final int DEFAULT_MINIMUM_SCORES_PER_EVALUATOR = 3;
    public static final double DEFAULT_WINSORIZING_SHARE = 0.05;

    public EvaluatorNormalizationOptions {
        if (minimumScoresPerEvaluator < 2) {
            throw new IllegalArgumentException("an evaluator needs at least 2 scores for a spread: " + minimumScoresPerEvaluator);
        }
        if (!(winsorizingShare >= 0 && winsorizingShare < 0.5)) {
            throw new IllegalArgumentException("the winsorizing share must be in [0, 0.5): " + winsorizingShare);
        }
    }

    /** The method with the default guards. */
    public static EvaluatorNormalizationOptions of(EvaluatorMethod method) {
        return new EvaluatorNormalizationOptions(method, DEFAULT_MINIMUM_SCORES_PER_EVALUATOR, DEFAULT_WINSORIZING_SHARE);
    }

    /** The automatic choice with the default guards. */
    public static EvaluatorNormalizationOptions automatic() {
        return of(EvaluatorMethod.AUTOMATIC);
    }

    public EvaluatorNormalizationOptions withMethod(EvaluatorMethod other) {
        return new EvaluatorNormalizationOptions(other, minimumScoresPerEvaluator, winsorizingShare);
    }

    public EvaluatorNormalizationOptions withMinimumScoresPerEvaluator(int minimum) {
        return new EvaluatorNormalizationOptions(method, minimum, winsorizingShare);
    }

    public EvaluatorNormalizationOptions withWinsorizingShare(double share) {
        return new EvaluatorNormalizationOptions(method, minimumScoresPerEvaluator, share);
    }
}
