package org.pyeongga.evaluation;

/** An evaluator's panel scores for a qualitative indicator were entered (how many institutions). */
public record EvaluationPanelScoresEntered(long cycleId, String indicatorCode, String evaluator, int institutions) {}
