/**
 * Judging: panels of evaluators (민간전문가, 국민평가단, 교차평가), typed conflicts of interest, automatic assignment
 * as a minimum-cost flow with manual overrides, rubric score sheets (draft, submit, reopen), progress and reminders.
 * Shared by institution evaluations and (later) contests: it knows subjects and criteria, never an evaluation cycle;
 * a module that opens a judging round shows a subject's material through {@link org.pyeongga.judging.SubjectMaterial}.
 * Depends on core, organization and account only (evaluation depends on judging, never the reverse).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Judging (심사)", allowedDependencies = {"core", "organization", "account"})
@org.jspecify.annotations.NullMarked
package org.pyeongga.judging;
