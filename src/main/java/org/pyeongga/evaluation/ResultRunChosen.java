package org.pyeongga.evaluation;

/** The administrator marked one result run of a cycle as the one to publish. */
public record ResultRunChosen(long cycleId, int runNo) {}
