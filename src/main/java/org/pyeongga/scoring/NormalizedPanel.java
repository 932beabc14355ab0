package org.pyeongga.scoring;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One indicator's panel scores after evaluator normalization: a score per unit, what each evaluator contributed, and
 * which method was actually used and why. The raw scores are not changed; they stay in the input.
 *
 * @param options the options as given (the requested method may be {@link EvaluatorMethod#AUTOMATIC})
 * @param method the method actually used, never {@code AUTOMATIC}; it differs from the requested one when the
 *     automatic rule chose it or a guard fell back to {@link EvaluatorMethod#RAW_MEAN}
 * @param reason why this method was used
 * @param notes panel-wide guards that applied (e.g. all normalized scores equal), in a fixed order
 * @param units one entry per unit, in the input's order
 * @param evaluators one entry per evaluator, in the input's order
 */
public record NormalizedPanel(EvaluatorNormalizationOptions options, EvaluatorMethod method, NormalizationReason reason,
        List<NormalizationReason> notes, List<UnitScore> units, List<EvaluatorSummary> evaluators) {

    public NormalizedPanel {
        if (method == EvaluatorMethod.AUTOMATIC) {
            throw new IllegalArgumentException("the method used is a concrete one");
        }
        notes = List.copyOf(notes);
        units = List.copyOf(units);
        evaluators = List.copyOf(evaluators);
    }

    /** The method asked for. */
    public EvaluatorMethod requested() {
        return options.method();
    }

    /** The normalized scores in unit order, NaN where a unit has none. */
    public double[] scores() {
        return units.stream().mapToDouble(UnitScore::score).toArray();
    }

    /** The unit with this id. */
    public UnitScore unit(String id) {
        return units.stream().filter(u -> u.unit().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unit " + id));
    }

    /** The evaluator with this id. */
    public EvaluatorSummary evaluator(String id) {
        return evaluators.stream().filter(e -> e.evaluator().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no evaluator " + id));
    }

    /**
     * One unit's result.
     *
     * @param unit the unit's id
     * @param score the normalized score on the raw scores' scale; NaN when no counted evaluator scored the unit
     * @param standardized the score on the method's own scale before rescaling: the mean z ({@code Z_SCORE}), the mean
     *     position in [0, 1] ({@code MIN_MAX_WINSORIZED}); the same as {@code score} for the other methods
     * @param rawMean the mean of all raw scores the unit received (NaN when none), for comparison
     * @param scores how many evaluators scored the unit
     * @param counted how many of those scores went into {@code score} (fewer when evaluators were excluded or the
     *     highest and lowest were dropped)
     * @param note why the unit was treated differently from the rest, or null
     */
    public record UnitScore(String unit, double score, double standardized, double rawMean, int scores, int counted,
            @Nullable NormalizationReason note) {

        public UnitScore {
            Objects.requireNonNull(unit);
        }
    }

    /**
     * What one evaluator gave and how it was treated.
     *
     * @param evaluator the evaluator's id
     * @param scores how many units the evaluator scored
     * @param mean the mean of those raw scores (NaN when none)
     * @param sd their sample standard deviation (NaN when fewer than two)
     * @param leniency positive = scores higher than the panel: the model's b_i for {@code BIAS_MODEL}; otherwise the mean
     *     of (the evaluator's score − the unit's raw mean) over the units the evaluator scored; NaN when excluded from the
     *     bias model or without scores
     * @param status whether the evaluator's scores counted
     * @param guard why the evaluator was excluded or neutralised, or null when counted as is
     */
    public record EvaluatorSummary(String evaluator, int scores, double mean, double sd, double leniency,
            EvaluatorStatus status, @Nullable NormalizationReason guard) {

        public EvaluatorSummary {
            Objects.requireNonNull(evaluator);
            if ((status == EvaluatorStatus.COUNTED) != (guard == null)) {
                throw new IllegalArgumentException("a guard explains exactly the excluded and neutralised evaluators");
            }
        }
    }

    /** How an evaluator's scores were used. */
    public enum EvaluatorStatus {
        /** Used as given by the method. */
        COUNTED,
        /** Used, but with a neutral value: gave one score to everything (z = 0, or 0.5 after min–max). */
        NEUTRALISED,
        /** Not used: no scores, or fewer than the method's minimum. */
        EXCLUDED
    }
}
