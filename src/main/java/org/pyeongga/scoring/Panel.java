package org.pyeongga.scoring;

/**
 * The evaluator panel behind a qualitative indicator: its scores, how evaluators are normalized (or AUTOMATIC), and
 * when a unit's spread of scores is wide enough to be flagged for discussion. The engine turns the panel into the
 * indicator's raw values (one per unit, kept to {@value #SCALE} decimals) and reports how, with its reliability.
 */
public record Panel(EvaluatorScores scores, EvaluatorNormalizationOptions options, SpreadThreshold spread) {

    /** Decimal places kept of a panel's per-unit score when it becomes the indicator's raw value. */
    public static final int SCALE = 6;
}
