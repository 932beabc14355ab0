package org.pyeongga.scoring;

/**
 * How the scores of a panel's evaluators are made comparable before they are combined per unit (methods §3.1), chosen
 * per indicator.
 */
public enum EvaluatorMethod {

    /** The mean of the raw scores a unit received (methods §3.1, baseline). */
    RAW_MEAN("원점수 평균", "raw mean"),

    /** Per-evaluator z-scores, averaged per unit and rescaled to the range of the raw means (methods §3.1.1–2). */
    Z_SCORE("평가위원별 표준점수(z)", "per-evaluator z-score"),

    /** Per unit, the highest and the lowest score dropped before averaging, when the unit has at least five (§3.1.3). */
    TRIMMED_MEAN("최고·최저점 제외 평균", "trimmed mean (highest and lowest dropped)"),

    /** Per evaluator, winsorized and scaled to [0, 1], averaged per unit and rescaled to the raw means' range (§3.1.4). */
    MIN_MAX_WINSORIZED("윈저화 후 최소–최대 정규화", "min–max after winsorizing"),

    /** The additive model score = unit quality + evaluator leniency, fitted by least squares (methods §3.1.5). */
    BIAS_MODEL("평가위원 편향 모형(최소제곱)", "evaluator-bias model (least squares)"),

    /** The documented selection rule of {@link EvaluatorNormalization} picks one of the others (methods §3.1.6). */
    AUTOMATIC("자동 선택", "automatic choice");

    private final String korean;
    private final String english;

    EvaluatorMethod(String korean, String english) {
        this.korean = korean;
        this.english = english;
    }

    /** The method's name as shown to Korean users. */
    public String korean() {
        return korean;
    }

    /** The method's name in English. */
    public String english() {
        return english;
    }
}
