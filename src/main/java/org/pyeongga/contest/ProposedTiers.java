package org.pyeongga.contest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pyeongga.core.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The tiers the judging proposes (entry → tier rank) from {@link ContestResults#ranking}, once the last stage is
 * closed under a published formula; empty before that or for a contest judged outside the platform. The committee
 * decides starting from it and may differ only with a recorded reason.
 */
@Component
class ProposedTiers {

    private final ContestResults results;

    ProposedTiers(ContestResults results) {
        this.results = results;
    }

    /** Entry id → proposed tier rank for the entries the ranking proposes an award to; empty without a ranking. */
    Optional<Map<Long, Integer>> of(long contestId) {
        try {
            Map<Long, Integer> proposed = new LinkedHashMap<>();
            for (RankedEntry entry : results.ranking(contestId)) {
                if (entry.proposedTierRank() != null) {
                    proposed.put(entry.entryId(), entry.proposedTierRank());
                }
            }
            return Optional.of(proposed);
        } catch (UserFacingException noRanking) {
            if (noRanking.status() == HttpStatus.CONFLICT) {
                return Optional.empty(); // stages not closed (or none), or no published formula
            }
            throw noRanking;
        }
    }
}
