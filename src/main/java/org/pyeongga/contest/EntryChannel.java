package org.pyeongga.contest;

/** How an entry came in: 부서추천 (a department submits a case), 직원신청 (a staff member applies), 국민추천 (a verified citizen). */
public enum EntryChannel {
    DEPARTMENT,
    STAFF,
    CITIZEN;

    public String labelKey() {
        return "contest.channel." + name();
    }
}
