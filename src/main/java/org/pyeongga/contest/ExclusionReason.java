package org.pyeongga.contest;

/**
 * Why an entry is excluded, from the real rules (domain brief §5.3: "simple friendliness and abstract effort" are
 * excluded; cases already rewarded and claims that are not true are refused in the 사실 및 제외대상 검증), plus a
 * duplicate of an earlier entry (set by {@link Entries#markDuplicate}).
 */
public enum ExclusionReason {
    /** 단순 친절. */
    SIMPLE_KINDNESS,
    /** 추상적 노력. */
    ABSTRACT_EFFORT,
    /** 이미 포상받은 사례. */
    ALREADY_AWARDED,
    /** 사실과 다름. */
    NOT_FACTUAL,
    /** 중복 접수. */
    DUPLICATE,
    /** 기타. */
    OTHER;

    public String labelKey() {
        return "contest.exclusion." + name();
    }
}
