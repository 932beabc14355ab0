package org.pyeongga.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * Why normalization did what it did: a stable code a page can translate (with its arguments, in order), and a short
 * Korean and English explanation for records and logs.
 *
 * @param code a stable identifier, one of the constants of this type
 * @param arguments the numbers or names the explanation mentions, in order, as text
 * @param korean the explanation in Korean
 * @param english the explanation in English
 */
public record NormalizationReason(String code, List<String> arguments, String korean, String english) {

    /** The method was the one asked for. Arguments: the method (its enum constant). */
    public static final String REQUESTED = "requested";
    /** Automatic: fewer than 3 evaluators gave scores. Arguments: evaluators. */
    public static final String AUTOMATIC_FEW_EVALUATORS = "automatic.few-evaluators";
    /** Automatic: every evaluator scored every unit, and enough units. Arguments: evaluators, units. */
    public static final String AUTOMATIC_COMPLETE_DESIGN = "automatic.complete-design";
    /** Automatic: not every evaluator scored every unit, but the design is connected. Arguments: evaluators, minimum. */
    public static final String AUTOMATIC_INCOMPLETE_CONNECTED = "automatic.incomplete-connected";
    /** Automatic: some evaluator scored too few units for a per-evaluator correction. Arguments: evaluators, minimum. */
    public static final String AUTOMATIC_FEW_SCORES_PER_EVALUATOR = "automatic.few-scores-per-evaluator";
    /** Automatic: evaluators and units fall apart into groups that share nothing. Arguments: groups. */
    public static final String AUTOMATIC_DISCONNECTED_DESIGN = "automatic.disconnected-design";
    /** The bias model was asked for but the design is not connected, so raw means are used. Arguments: groups. */
    public static final String BIAS_MODEL_DISCONNECTED_DESIGN = "bias-model.disconnected-design";
    /**
     * No evaluator has enough scores for the asked-for method, so raw means are used. Arguments: the method (its enum
     * constant), the minimum.
     */
    public static final String NO_QUALIFYING_EVALUATOR = "no-qualifying-evaluator";
    /** Nobody scored anything. No arguments. */
    public static final String NO_SCORES_AT_ALL = "no-scores-at-all";

    /** Panel note: all normalized scores were equal, every unit gets the mean of the raw means. Arguments: that mean. */
    public static final String FLAT_NORMALIZED_SCORES = "normalized-scores-flat";
    /** Panel note: some units had too few scores to drop the highest and lowest. Arguments: units. */
    public static final String UNTRIMMED_UNITS = "trimmed-mean.untrimmed-units";

    /** Evaluator guard: scored nothing. No arguments. */
    public static final String EVALUATOR_NO_SCORES = "evaluator.no-scores";
    /** Evaluator guard: scored fewer units than the minimum. Arguments: scores, minimum. */
    public static final String EVALUATOR_TOO_FEW_SCORES = "evaluator.too-few-scores";
    /** Evaluator guard: gave every unit the same score, counted as z = 0. Arguments: the score. */
    public static final String EVALUATOR_ZERO_VARIANCE = "evaluator.zero-variance";
    /** Evaluator guard: no range left after winsorizing, counted as 0.5. No arguments. */
    public static final String EVALUATOR_ZERO_RANGE = "evaluator.zero-range";

    /** Unit note: no evaluator scored the unit. No arguments. */
    public static final String UNIT_NO_SCORES = "unit.no-scores";
    /** Unit note: only excluded evaluators scored the unit. Arguments: scores. */
    public static final String UNIT_ONLY_EXCLUDED_EVALUATORS = "unit.only-excluded-evaluators";
    /** Unit note: fewer than 5 scores, so the plain mean. Arguments: scores. */
    public static final String UNIT_TOO_FEW_TO_TRIM = "unit.too-few-to-trim";

    public NormalizationReason {
        arguments = List.copyOf(arguments);
    }

    /** A reason whose texts are templates with {@code %s} for each argument, in order. */
    static NormalizationReason of(String code, String korean, String english, Object... arguments) {
        Object[] texts = Arrays.stream(arguments).map(NormalizationReason::text).toArray();
        return new NormalizationReason(code, Arrays.stream(texts).map(String::valueOf).toList(),
                String.format(korean, texts), String.format(english, texts));
    }

    /** Numbers as a person would write them: whole numbers without ".0", others with up to 4 decimals. */
    static String text(Object argument) {
        if (argument instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return new BigDecimal(d).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(argument);
    }

    @Override
    public String toString() {
        return code + arguments + ": " + english;
    }
}
