package org.pyeongga.contest;

/** 우수사례 경진대회 (cases), 적극행정 우수공무원 선발 (people), or another award an institution runs. */
public enum ContestKind {
    BEST_PRACTICE,
    OUTSTANDING_OFFICIAL,
    CUSTOM;

    public String labelKey() {
        return "contest.kind." + name();
    }
}
