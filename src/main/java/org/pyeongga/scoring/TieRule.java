package org.pyeongga.scoring;

import java.util.List;

/** How units with equal totals are ranked; the rule's code is stored with every result. */
public sealed interface TieRule {

    String code();

    /** Standard competition ranking ("1224"): equal totals share the best rank, the next rank is skipped. */
    record Shared() implements TieRule {
        public String code() {
            return "SHARED";
        }
    }

    /**
     * Equal totals are ordered by these indicators' contributions, the first that differs deciding (higher wins, a
     * penalty's smaller deduction wins); units equal on all of them share the rank.
     */
    record ByIndicators(List<String> indicatorIds) implements TieRule {
        public ByIndicators {
            indicatorIds = List.copyOf(indicatorIds);
        }

        public String code() {
            return "BY_INDICATORS:" + String.join(",", indicatorIds);
        }
    }
}
