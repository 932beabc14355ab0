package org.pyeongga.contest;

import java.util.Set;

/**
 * Where a contest is: 준비 (DRAFT: set up, nobody outside sees it), 접수 (OPEN: entries inside the window), 심사
 * (JUDGING: stages), 결정 (DECIDED: the committee decided) and 공개 (PUBLISHED: the result page is public). It only moves
 * forward, one step at a time.
 */
public enum Phase {
    DRAFT,
    OPEN,
    JUDGING,
    DECIDED,
    PUBLISHED;

    /** The phase that may follow this one (none after PUBLISHED). */
    public Set<Phase> next() {
        return switch (this) {
            case DRAFT -> Set.of(OPEN);
            case OPEN -> Set.of(JUDGING);
            case JUDGING -> Set.of(DECIDED);
            case DECIDED -> Set.of(PUBLISHED);
            case PUBLISHED -> Set.of();
        };
    }

    /** True from OPEN on: the public may see the contest. */
    public boolean announced() {
        return this != DRAFT;
    }

    public String labelKey() {
        return "contest.phase." + name();
    }
}
