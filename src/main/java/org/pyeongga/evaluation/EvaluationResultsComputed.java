package org.pyeongga.evaluation;

/** A result run was computed and stored (every run is kept). */
public record EvaluationResultsComputed(long cycleId, int runNo, String note) {}
