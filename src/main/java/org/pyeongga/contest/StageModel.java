package org.pyeongga.contest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.judging.PanelKind;
import org.pyeongga.voting.Ballot;

/** The values the stages of a contest take and give (records only). */
public final class StageModel {

    private StageModel() {}

    /** What a stage is: 서면·실무 심사, 발표 심사, or a citizen vote alone. */
    public enum StageKind {
        WRITTEN, PRESENTATION, CITIZEN_VOTE;

        public String labelKey() {
            return "contestjudging.stage.kind." + name();
        }
    }

    /** Who passes a closed stage to the next: everyone, the top N, or those with at least a score. */
    public enum PassRule {
        ALL, TOP_N, MIN_SCORE;

        public String labelKey() {
            return "contestjudging.stage.pass." + name();
        }
    }

    /** SETUP (criteria and panel being prepared), OPEN (judging; running results hidden), CLOSED (scores final). */
    public enum Status {
        SETUP, OPEN, CLOSED;

        public String labelKey() {
            return "contestjudging.stage.status." + name();
        }
    }

    /** How a stage's votes become 0–100: share of all votes, or min–max across the stage's entries. */
    public enum VoteScaling { VOTE_SHARE, MIN_MAX }

    /** A level of a criterion's rubric: its name and the share of the criterion's points it gives (e.g. 0.9). */
    public record Level(String nameKo, String nameEn, BigDecimal ratio) {}

    /** 탁월 100 %, 우수 90 %, 보통 80 %, 미흡 70 %, 부족 60 % of a criterion's points (the default rubric). */
    public static final List<Level> DEFAULT_LEVELS = List.of(new Level("탁월", "Outstanding", new BigDecimal("1.0")),
            new Level("우수", "Very good", new BigDecimal("0.9")), new Level("보통", "Good", new BigDecimal("0.8")),
            new Level("미흡", "Fair", new BigDecimal("0.7")), new Level("부족", "Weak", new BigDecimal("0.6")));

    /** A criterion with its weight in points (a stage's weights add up to 100) and rubric levels (default if empty). */
    public record Criterion(String code, String nameKo, String nameEn, BigDecimal weight, List<Level> levels) {
        public Criterion {
            levels = levels == null || levels.isEmpty() ? DEFAULT_LEVELS : List.copyOf(levels);
        }

        public Criterion(String code, String nameKo, String nameEn, int weight) {
            this(code, nameKo, nameEn, BigDecimal.valueOf(weight), List.of());
        }
    }

    /**
     * The citizen vote of a stage: choose up to {@code maxChoices} of the stage's entries; results hidden until the
     * stage closes; REGION (군민투표, residents whose region code starts with {@code region}) or VERIFIED (any verified
     * citizen). Its period is set when the stage opens.
     */
    public record VoteSpec(int maxChoices, Ballot.Eligibility eligibility, @Nullable String region, VoteScaling scaling) {}

    /** When a stage's citizen vote runs (given when the stage opens). */
    public record VotePeriod(Instant opensAt, Instant closesAt) {}

    /**
     * A new stage. {@code panelWeight} + {@code voteWeight} = 100 (a stage without a vote: 100 + 0; a vote alone:
     * 0 + 100). A pass rule TOP_N needs {@code passCount}, MIN_SCORE needs {@code passMinScore}.
     */
    public record NewStage(StageKind kind, String nameKo, String nameEn, @Nullable PanelKind panelKind, List<Criterion> criteria,
            PassRule passRule, @Nullable Integer passCount, @Nullable BigDecimal passMinScore, BigDecimal panelWeight,
            BigDecimal voteWeight, @Nullable VoteSpec vote) {
        public NewStage {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
        }
    }

    /** A stage as its owner sees it (never a running score). */
    public record StageView(long id, long contestId, int position, StageKind kind, String nameKo, String nameEn,
            @Nullable PanelKind panelKind, List<Criterion> criteria, PassRule passRule, @Nullable Integer passCount,
            @Nullable BigDecimal passMinScore, BigDecimal panelWeight, BigDecimal voteWeight, VoteScaling voteScaling,
            @Nullable Integer voteMaxChoices, @Nullable String voteEligibility, @Nullable Long ballotId,
            @Nullable Long judgingRoundId, Status status, @Nullable Instant openedAt, @Nullable Instant closedAt) {

        public String name(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameKo;
        }

        public boolean hasPanel() {
            return kind != StageKind.CITIZEN_VOTE;
        }

        public boolean hasVote() {
            return voteWeight.signum() > 0;
        }
    }

    /** An entry in a stage, in presentation order. */
    public record StageEntry(long entryId, int order, String title, @Nullable String departmentKo, @Nullable String departmentEn) {}

    /** How far the judging is: only counts, never a score ("n of m sheets submitted"). */
    public record Progress(int submitted, int assigned, int judges, List<JudgeProgress> perJudge) {}

    public record JudgeProgress(long userId, String name, int submitted, int assigned) {}

    /** A conflict between a panel member and an entry, with its reason in both languages. */
    public record ConflictView(String judge, long entryId, String entry, String kind, String reasonKo, String reasonEn) {}

    /** One assignment line: judge × entry (all criteria), for the owner's assignment view. */
    public record AssignmentView(String judge, long entryId, String entry, String origin) {}

    /** A closed stage's result for one entry: every number traceable to its inputs. */
    public record Result(long entryId, String title, @Nullable BigDecimal panelScore, int judges, @Nullable Long votes,
            @Nullable BigDecimal voteScaled, BigDecimal score, int rank, boolean passed, Map<String, BigDecimal> criterionMeans,
            Map<String, BigDecimal> judgeTotals) {}

    /** What the signed-in judge sees of one entry: the criteria, their levels and the judge's own choices. */
    public record JudgeEntry(long entryId, int order, String title, String summary, List<JudgeCriterion> criteria,
            boolean submitted) {}

    public record JudgeCriterion(long assignmentId, String code, String nameKo, String nameEn, BigDecimal weight,
            List<Level> levels, @Nullable Integer chosen) {}

    /** The signed-in judge's stage: its entries in presentation order (only their own assignments). */
    public record JudgeStage(long stageId, long contestId, String contestTitle, String nameKo, String nameEn, Status status,
            List<JudgeEntry> entries) {}
}
