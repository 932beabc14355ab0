package org.pyeongga.evaluation;

import java.util.List;

/** An administrator set or moved the dates of a cycle's stages. */
public record CycleStagesScheduled(long cycleId, List<StageWindow> windows) {}
