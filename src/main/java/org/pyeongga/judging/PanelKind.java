package org.pyeongga.judging;

/** What a panel is made of. */
public enum PanelKind {
    /** 민간전문가: outside experts. */
    EXPERT,
    /** 국민평가단: citizens recruited as evaluators. */
    CITIZEN,
    /** 교차평가: officials of other institutions (each must belong to an institution, which is then a conflict). */
    CROSS;

    public String labelKey() {
        return "judging.panel.kind." + name();
    }
}
