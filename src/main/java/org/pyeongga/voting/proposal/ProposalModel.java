package org.pyeongga.voting.proposal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What 정책장터 pages and the API show: boards, proposals, answers and supports (counts only, never who). */
public final class ProposalModel {

    private ProposalModel() {}

    /** Who may propose and support: anyone verified, or residents whose residence code starts with a prefix. */
    public enum Eligibility {
        VERIFIED,
        REGION
    }

    /** A proposal's way: collecting supports, waiting for the official answer (threshold reached), answered. */
    public enum Status {
        OPEN,
        AWAITING_ANSWER,
        ANSWERED;

        public String labelKey() {
            return "proposal.status." + name();
        }
    }

    /** The official answer's verdict. */
    public enum AnswerKind {
        ACCEPTED,
        PARTLY_ACCEPTED,
        NOT_ACCEPTED,
        IN_PROGRESS;

        public String labelKey() {
            return "proposal.answer." + name();
        }
    }

    /** 분야. */
    public enum Category {
        TRANSPORT,
        ENVIRONMENT,
        WELFARE,
        CULTURE_TOURISM,
        ECONOMY_JOBS,
        SAFETY,
        EDUCATION,
        ADMINISTRATION,
        OTHER;

        public String labelKey() {
            return "proposal.category." + name();
        }
    }

    /** Order of a list: most supported first (then newest), or newest first. */
    public enum Sort {
        SUPPORTS,
        NEWEST
    }

    public record NewBoard(long institutionId, String title, @Nullable String description, int supportThreshold,
            int answerDays, Eligibility eligibility, @Nullable String regionPrefix) {}

    public record Board(long id, long institutionId, String institutionName, String title, String description,
            int supportThreshold, int answerDays, Eligibility eligibility, @Nullable String regionPrefix, boolean open,
            long proposals) {}

    public record NewProposal(@Nullable String title, @Nullable String body, @Nullable Category category) {}

    /**
     * One proposal. {@code nickname} is a code such as {@code 7F3A} shown as "시민 7F3A"; the author's name and key are
     * never part of it. {@code hiddenReason} is set only for the author and staff.
     */
    public record Proposal(long id, long boardId, String nickname, String title, String body, Category category,
            Status status, int supportCount, int supportThreshold, Instant submittedAt, @Nullable Instant thresholdReachedAt,
            @Nullable Instant answerDue, boolean hidden, @Nullable String hiddenReason, @Nullable AnswerKind answerKind,
            @Nullable String answerText, @Nullable Instant answeredAt) {

        /** Progress towards the threshold in whole percent (0–100). */
        public int percent() {
            return supportThreshold <= 0 ? 100 : (int) Math.min(100, (long) supportCount * 100 / supportThreshold);
        }

        public boolean overdue(Instant now) {
            return status == Status.AWAITING_ANSWER && answerDue != null && now.isAfter(answerDue);
        }
    }

    /** A proposal as one citizen sees it: whether it is theirs, whether they support it. */
    public record Viewing(Proposal proposal, Board board, boolean mine, boolean supported) {}

    /** The state after a support or its withdrawal. */
    public record SupportState(long proposalId, int supportCount, Status status, boolean supported) {}

    public record Query(long boardId, @Nullable Status status, @Nullable Category category, Sort sort, int page, int size) {}

    /** How many visible proposals a board has in each state. */
    public record StatusCounts(long open, long awaitingAnswer, long answered) {

        public long total() {
            return open + awaitingAnswer + answered;
        }
    }
}
