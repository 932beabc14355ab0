package org.pyeongga.judging;

/**
 * Why an evaluator must not score a subject (HotCRP-style typed conflicts). A conflict removes the pairing outright. The
 * first four tie an evaluator to the subject's institution; {@link #OWN_DEPARTMENT} and {@link #PERSON_INVOLVED} tie
 * them to one subject (a contest entry with a department and the people involved).
 */
public enum ConflictKind {
    /** The evaluator works for the institution being evaluated. */
    OWN_INSTITUTION,
    /** The evaluator works for its 광역 (parent), for one of its 기초, or for another 기초 of the same 광역. */
    OWN_PROVINCE_OR_PARENT,
    /** The evaluator worked for the institution within the last N years. */
    FORMER_EMPLOYER,
    /** Declared by the evaluator or an administrator, with a reason (relatives, advisory roles, …). */
    DECLARED,
    /** The evaluator belongs to the department that entered the subject (a contest entry of their own 부서). */
    OWN_DEPARTMENT,
    /** The evaluator is one of the people involved in the subject (their own case). */
    PERSON_INVOLVED;

    public String labelKey() {
        return "judging.conflict." + name();
    }
}
