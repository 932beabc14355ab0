package org.pyeongga.evaluation;

/** A cycle's framework was published as {@code version} and is frozen from now on. */
public record FrameworkPublished(long cycleId, int indicators, int version) {}
