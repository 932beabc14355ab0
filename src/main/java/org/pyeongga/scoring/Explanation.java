package org.pyeongga.scoring;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One node of a unit's explanation tree: a label (총점, an area, an item, an indicator, a cap), its value, how it was
 * computed (a formula a page shows as is), and its parts. A node with parts always equals the sum of its parts' values,
 * so a page renders the tree without recomputing anything and every number traces to its inputs.
 *
 * @param kind TOTAL, GROUP (area or item), INDICATOR, BONUS, PENALTY or CAP
 * @param raw the raw input of an indicator (null elsewhere or when missing)
 * @param normalized the normalized value y of an indicator (null elsewhere)
 * @param indicatorId the indicator of an INDICATOR node (null elsewhere)
 */
public record Explanation(String kind, String label, BigDecimal value, String formula, @Nullable BigDecimal raw,
        @Nullable BigDecimal normalized, List<Explanation> parts, @Nullable String indicatorId) {

    public Explanation {
        parts = List.copyOf(parts);
    }

    /** The sum of the parts' values (the node's value when it has parts). */
    public BigDecimal partsSum() {
        return parts.stream().map(Explanation::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
