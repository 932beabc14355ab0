package org.pyeongga.evaluation;

/** A target institution of a cycle as snapshotted when the cycle was created: its group and its name then. */
public record CycleTarget(long institutionId, String group, String name) {}
