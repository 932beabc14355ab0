package org.pyeongga.evaluation;

/** An administrator set a cycle's review rule: whether objectors are hidden, what a rejected evidence item does. */
public record ReviewRuleSet(long cycleId, boolean objectorHidden, String rejectedEvidence) {}
