package org.pyeongga.voting.proposal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.AboutInstitutions;

/**
 * What 정책장터 publishes (the audit trail records each). None carries a voter key: a support publishes nothing, so the
 * trail cannot become a list of who supported what.
 */
public final class ProposalEvents {

    private ProposalEvents() {}

    public record ProposalBoardOpened(long boardId, long institutionId, String title, int supportThreshold, int answerDays,
            String eligibility, @Nullable String regionPrefix) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }

    public record ProposalBoardStateChanged(long boardId, long institutionId, boolean open) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }

    public record ProposalSubmitted(long proposalId, long boardId, long institutionId, String category)
            implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }

    public record ProposalThresholdReached(long proposalId, long boardId, long institutionId, int supports, String answerDue)
            implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }

    public record ProposalHidden(long proposalId, long boardId, long institutionId, String reason) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }

    public record ProposalRestored(long proposalId, long boardId, long institutionId) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }

    public record ProposalAnswered(long proposalId, long boardId, long institutionId, String answerKind, String answerText)
            implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }

    /** An official answer was revised: the new version, the verdict before it, and the public reason. */
    public record ProposalAnswerRevised(long proposalId, long boardId, long institutionId, int version,
            String previousKind, String answerKind, String answerText, String reason) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }
}
