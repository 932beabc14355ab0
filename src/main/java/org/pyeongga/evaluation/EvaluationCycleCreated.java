package org.pyeongga.evaluation;

/** A cycle was created with a snapshot of this many target institutions. */
public record EvaluationCycleCreated(long cycleId, long programId, String label, int institutions) {}
