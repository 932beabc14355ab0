package org.pyeongga.contest;

import java.time.LocalDate;
import java.util.List;
import org.pyeongga.core.AboutInstitutions;

/** What the decision, incentive and publication services publish (the audit trail records each). */
public final class AwardEvents {

    private AwardEvents() {}

    /** The committee recorded a decision (a new version each time; the outcome may be 보류). */
    public record ContestDecided(long contestId, long institutionId, long decisionId, int version, String outcome,
            int awards, boolean quorumMet) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }

    /** The incentives offered for a tier changed. */
    public record ContestIncentivesOffered(long contestId, long institutionId, int tierRank, List<String> codes)
            implements AboutInstitutions {
        public ContestIncentivesOffered {
            codes = List.copyOf(codes);
        }

        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }

    /** An awardee's wish was recorded. */
    public record ContestIncentiveWished(long contestId, long institutionId, long entryId, int position, String code)
            implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }

    /** HR checked whether an awardee may legally receive the wished incentive. */
    public record ContestIncentiveChecked(long contestId, long institutionId, long entryId, int position, String code,
            boolean eligible, String basis) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }

    /** HR applied an incentive on a date. */
    public record ContestIncentiveApplied(long contestId, long institutionId, long entryId, int position, String code,
            LocalDate appliedOn) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }

    /** A winning entry as published: for the case library. */
    public record WinningEntry(long entryId, String title, int tierRank, String tierKo, String departmentKo) {}

    /** The contest's results were published; carries the winning entries. */
    public record ContestPublished(long contestId, long institutionId, int decisionVersion, List<WinningEntry> winners)
            implements AboutInstitutions {
        public ContestPublished {
            winners = List.copyOf(winners);
        }

        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }
}
