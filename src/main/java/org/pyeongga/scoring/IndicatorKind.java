package org.pyeongga.scoring;

/** A scored indicator adds to the aggregate; bonus (가점) and penalty (감점) points apply after aggregation, within caps. */
public enum IndicatorKind {
    SCORED,
    BONUS,
    PENALTY
}
