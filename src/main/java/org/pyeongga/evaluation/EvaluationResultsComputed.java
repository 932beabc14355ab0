package org.pyeongga.evaluation;

/** A result run was computed and stored (every run is kept) with the evaluator normalization it used. */
public record EvaluationResultsComputed(long cycleId, int runNo, String note, String evaluatorMethod) {}
