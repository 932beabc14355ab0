package org.pyeongga.contest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The values the decision, incentive and certificate services take and give (records only). */
public final class AwardModel {

    private AwardModel() {}

    /** 의결 (decided) or 보류 (deferred: nothing awarded yet). */
    public enum Outcome {
        DECIDED,
        DEFERRED
    }

    /** A committee member: internal (공무원) or 민간위원, present or absent. */
    public record Attendee(String name, Affiliation affiliation, String roleKo, boolean present) {}

    public enum Affiliation {
        INTERNAL,
        CIVILIAN
    }

    /** One awarded entry and the tier the committee gave it. */
    public record Award(long entryId, int tierRank) {}

    /**
     * A decision to record. {@code deviationReason} is needed when the awards differ from the proposed ranking,
     * {@code overCountReason} when a tier gets more awards than its count, {@code correctionReason} from the second
     * version on.
     */
    public record NewDecision(LocalDate meetingDate, Outcome outcome, List<Attendee> attendees, List<Award> awards,
            @Nullable String deviationReason, @Nullable String overCountReason, @Nullable String correctionReason,
            @Nullable String note) {
        public NewDecision {
            attendees = List.copyOf(attendees);
            awards = List.copyOf(awards);
        }
    }

    /** An awarded entry as recorded: its tier, the tier the ranking proposed (if any) and the people awarded. */
    public record AwardView(long entryId, String title, @Nullable String departmentKo, @Nullable String departmentEn,
            String summary, int tierRank, String tierKo, String tierEn, @Nullable Integer proposedTierRank,
            List<Awardee> awardees) {
        public AwardView {
            awardees = List.copyOf(awardees);
        }

        public boolean deviates() {
            return proposedTierRank == null || proposedTierRank != tierRank;
        }
    }

    /** A person awarded (the entry's people, or the nominee of a selection) with their share. */
    public record Awardee(long entryId, int position, @Nullable Long userId, String name, @Nullable String departmentKo,
            String jobTitle, BigDecimal sharePercent) {}

    /** One recorded version of the decision. */
    public record DecisionView(long id, long contestId, int version, LocalDate meetingDate, Outcome outcome,
            String quorumRule, int membersTotal, int membersPresent, boolean quorumMet, boolean proposalUsed,
            @Nullable String deviationReason, @Nullable String overCountReason, @Nullable String correctionReason,
            String note, String recordedBy, Instant recordedAt, List<Attendee> attendees, List<AwardView> awards) {
        public DecisionView {
            attendees = List.copyOf(attendees);
            awards = List.copyOf(awards);
        }
    }

    /** An entry the committee may award. */
    public record Candidate(long entryId, String title, @Nullable String departmentKo, String status) {}

    /** A tier of the contest with its award count. */
    public record Tier(int rank, String code, String nameKo, String nameEn, int awardCount) {}

    /** What the awards are being decided on: the contest's facts this module needs. */
    public record ContestFacts(long id, long ownerInstitutionId, String ownerNameKo, String ownerNameEn, String kind,
            String titleKo, String titleEn, int year, @Nullable Integer half, String periodKo, String periodEn,
            String phase, String descriptionKo, String descriptionEn, List<Tier> tiers) {
        public ContestFacts {
            tiers = List.copyOf(tiers);
        }

        public Tier tier(int rank) {
            return tiers.stream().filter(t -> t.rank() == rank).findFirst()
                    .orElseThrow(() -> org.pyeongga.core.UserFacingException.badInput("contestaward.error.tier", rank));
        }
    }

    /** One kind of incentive in the catalogue; {@code substantial} marks the 파격적 ones. */
    public record IncentiveKind(String code, String nameKo, String nameEn, boolean substantial,
            @Nullable BigDecimal points) {}

    /** An incentive offered for a tier (with points where the kind has points). */
    public record Offer(int tierRank, String code, String nameKo, String nameEn, boolean substantial,
            @Nullable BigDecimal points) {}

    /** An awardee's incentive: the wish, HR's eligibility check and when it was applied. */
    public record AwardeeIncentive(Awardee awardee, int tierRank, String tierKo, String tierEn, @Nullable Long id,
            @Nullable String wishCode, @Nullable String wishKo, @Nullable String wishEn, boolean wishSubstantial,
            @Nullable Boolean eligible, @Nullable String eligibilityBasis, @Nullable String eligibilityNote,
            @Nullable LocalDate appliedOn) {}

    /**
     * The rule that at least half of those selected receive a substantial incentive: selected people, how many got
     * one applied, how many more are planned (eligible wish not yet applied), and whether the applied ones meet it.
     */
    public record HalfRule(int selected, int substantialApplied, int substantialPlanned, boolean met) {

        /** The share applied, in percent with one decimal (0 when nobody is selected). */
        public BigDecimal sharePercent() {
            return selected == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(substantialApplied * 100L).divide(BigDecimal.valueOf(selected), 1,
                            java.math.RoundingMode.HALF_UP);
        }
    }
}
