package org.pyeongga.voting;

import java.util.List;
import org.pyeongga.core.AboutInstitutions;

/**
 * What the voting module publishes (the audit trail records each). A voting event never carries a choice, a voter
 * key or a receipt; a single web vote publishes nothing (who voted is in the participation table, nowhere else).
 */
public final class VotingEvents {

    private VotingEvents() {}

    public record VotingBallotCreated(long ballotId, long ownerInstitutionId, String kind, String title) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }

    public record VotingBallotChanged(long ballotId, long ownerInstitutionId, String change) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }

    /** A staff member entered a paper or in-person vote (who and for which ballot; never for whom or what). */
    public record VotingPaperVoteEntered(long ballotId, long ownerInstitutionId, long staffUserId) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }

    /** An owner voided a participation (its reference, not the voter key) with a reason. */
    public record VotingVoteVoided(long ballotId, long ownerInstitutionId, String participationRef, String reason)
            implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }
}
