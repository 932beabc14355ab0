package org.pyeongga.judging;

/** Why an evaluator must not score a subject (HotCRP-style typed conflicts). A conflict removes the pairing outright. */
public enum ConflictKind {
    /** The evaluator works for the institution being evaluated. */
    OWN_INSTITUTION,
    /** The evaluator works for its 광역 (parent), for one of its 기초, or for another 기초 of the same 광역. */
    OWN_PROVINCE_OR_PARENT,
    /** The evaluator worked for the institution within the last N years. */
    FORMER_EMPLOYER,
    /** Declared by the evaluator or an administrator, with a reason (relatives, advisory roles, …). */
    DECLARED;

    public String labelKey() {
        return "judging.conflict." + name();
    }
}
