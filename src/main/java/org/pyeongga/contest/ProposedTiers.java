package org.pyeongga.contest;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tiers the judging proposes (entry → tier rank), once the last stage is closed; empty before that. The committee
 * decides starting from it and may differ only with a recorded reason.
 */
@Component
class ProposedTiers {

    /** Entry id → proposed tier rank for the entries the ranking proposes an award to; empty without a ranking. */
    Optional<Map<Long, Integer>> of(long contestId) {
        return Optional.empty();
    }
}
