package org.pyeongga.evaluation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.AboutInstitutions;

/** An evidence item was marked in 집합검증: VERIFIED, CORRECTED or REJECTED, with the verifier's note. */
public record EvidenceVerified(long cycleId, long evidenceId, long institutionId, String indicatorCode, String mark,
        @Nullable String note) implements AboutInstitutions {

    @Override
    public List<Long> institutionIds() {
        return List.of(institutionId);
    }
}
