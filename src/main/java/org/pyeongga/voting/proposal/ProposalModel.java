package org.pyeongga.voting.proposal;

import java.time.Instant;
import java.util.List;
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
     * never part of it. {@code hiddenReason} is set only for the author and staff. {@code answerRevisions} is how many
     * times the official answer was revised after it was first published (0 before the answer or if never revised).
     */
    public record Proposal(long id, long boardId, String nickname, String title, String body, Category category,
            Status status, int supportCount, int supportThreshold, Instant submittedAt, @Nullable Instant thresholdReachedAt,
            @Nullable Instant answerDue, boolean hidden, @Nullable String hiddenReason, @Nullable AnswerKind answerKind,
            @Nullable String answerText, @Nullable Instant answeredAt, int answerRevisions) {

        /** Progress towards the threshold in whole percent (0–100). */
        public int percent() {
            return supportThreshold <= 0 ? 100 : (int) Math.min(100, (long) supportCount * 100 / supportThreshold);
        }

        public boolean overdue(Instant now) {
            return status == Status.AWAITING_ANSWER && answerDue != null && now.isAfter(answerDue);
        }
    }

    /**
     * One version of an official answer: version 1 is the first answer, each later one a revision with its public
     * {@code reason}. {@code answeredBy} (the staff member's name, else their actor id) is filled for staff only.
     */
    public record AnswerVersion(int version, AnswerKind kind, String text, @Nullable String reason, Instant answeredAt,
            @Nullable String answeredBy) {}

    /**
     * A proposal as one citizen sees it: whether it is theirs, whether they support it, and every version of the
     * official answer, newest first (empty before the answer), without who wrote them.
     */
    public record Viewing(Proposal proposal, Board board, boolean mine, boolean supported, List<AnswerVersion> answerVersions) {

        /** How many times the answer was revised after it was first published. */
        public int answerRevisions() {
            return Math.max(0, answerVersions.size() - 1);
        }

        /** When the current version was published (null before the answer). */
        public @Nullable Instant answerUpdatedAt() {
            return answerVersions.isEmpty() ? null : answerVersions.getFirst().answeredAt();
        }

        /** The versions before the current one, newest first. */
        public List<AnswerVersion> earlierAnswers() {
            return answerVersions.isEmpty() ? List.of() : answerVersions.subList(1, answerVersions.size());
        }
    }

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
