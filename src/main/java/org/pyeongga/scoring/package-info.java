/**
 * The scoring engine: normalization (of evaluators and of indicators), aggregation, ranking with named tie rules,
 * grade bands and quotas, reliability (ICC, Krippendorff's α) and Monte Carlo rank intervals, with an explanation of
 * every number. Plain Java: no Spring, no I/O, no other Pyeongga module (ArchitectureTests checks this). Inputs and
 * results are immutable values; totals and cut lines that decide grades are decimals with a declared scale and
 * rounding, floating point is used only inside statistics reported as statistics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scoring (채점 엔진)")
@org.jspecify.annotations.NullMarked
package org.pyeongga.scoring;
