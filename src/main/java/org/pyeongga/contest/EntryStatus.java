package org.pyeongga.contest;

/** The fact and exclusion check (사실 및 제외대상 검증): 접수, 인정, 제외 (with a reason), 철회. */
public enum EntryStatus {
    SUBMITTED,
    ACCEPTED,
    EXCLUDED,
    WITHDRAWN;

    public String labelKey() {
        return "contest.status." + name();
    }
}
