package org.pyeongga.evaluation;

/** A cycle's framework was published and is frozen from now on. */
public record FrameworkPublished(long cycleId, int indicators) {}
