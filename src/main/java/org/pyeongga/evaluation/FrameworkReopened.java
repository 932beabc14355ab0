package org.pyeongga.evaluation;

/** A published framework was reopened as a new draft version, with the administrator's reason. */
public record FrameworkReopened(long cycleId, int version, String reason) {}
