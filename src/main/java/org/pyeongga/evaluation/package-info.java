/**
 * Institution evaluations: programs, cycles (with a snapshot of their target institutions and groups), frameworks
 * (분야 → 항목 → 지표), entered values, and result runs computed by the scoring engine. Depends on core, organization
 * and scoring; submissions with evidence, cross-review, panels and publication follow (issue 5).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation (평가)")
@org.jspecify.annotations.NullMarked
package org.pyeongga.evaluation;
