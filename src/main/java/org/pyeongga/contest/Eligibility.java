package org.pyeongga.contest;

/** Who may enter: every staff member of the owner institution including 공무직 and non-regular staff, or departments. */
public enum Eligibility {
    ALL_STAFF,
    DEPARTMENTS;

    public String labelKey() {
        return "contest.eligible." + name();
    }
}
