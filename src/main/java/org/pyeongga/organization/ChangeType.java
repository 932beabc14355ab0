package org.pyeongga.organization;

/** How institutions changed on a date: the lineage link between a predecessor and a successor. */
public enum ChangeType {
    /** 명칭변경: one institution, new name (often a new 기관코드). The predecessor ends. */
    RENAMED,
    /** 관할변경: the same institution under another 광역 (e.g. 군위군, 경북 → 대구, 2023-07-01). */
    MOVED,
    /** 통합: several institutions become one. The predecessors end. */
    MERGED,
    /** 분리: one institution becomes several. The predecessor ends. */
    SPLIT,
    /** 분구: a new institution splits off and the predecessor continues (e.g. 검단구 from 인천 서구). */
    SPLIT_OFF,
    /** 개편: several become several (e.g. 인천 중구·동구 → 제물포구·영종구). The predecessors end. */
    REORGANIZED;

    /** Whether the predecessors stop existing the day before the change. */
    public boolean endsPredecessors() {
        return this != SPLIT_OFF;
    }

    public String labelKey() {
        return "institution.change." + name();
    }
}
