package org.pyeongga.contest;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.AboutInstitutions;

/** What contest setup publishes (the audit trail records each). */
public final class ContestSetupEvents {

    private ContestSetupEvents() {}

    /** A contest was set up (by hand, or from a template: its code). */
    public record ContestCreated(long contestId, long ownerInstitutionId, @Nullable String template, String title)
            implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }

    /** The entry window was set or moved. */
    public record ContestWindowSet(long contestId, long ownerInstitutionId, Instant opensAt, Instant closesAt)
            implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }

    /** The contest moved on (DRAFT → OPEN → JUDGING → DECIDED → PUBLISHED). */
    public record ContestPhaseChanged(long contestId, long ownerInstitutionId, Phase from, Phase to)
            implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }
}
