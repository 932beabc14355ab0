package org.pyeongga.contest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.StageEvents.ContestStageAdded;
import org.pyeongga.contest.StageEvents.ContestStageClosed;
import org.pyeongga.contest.StageEvents.ContestStageOpened;
import org.pyeongga.contest.StageModel.AssignmentView;
import org.pyeongga.contest.StageModel.ConflictView;
import org.pyeongga.contest.StageModel.Criterion;
import org.pyeongga.contest.StageModel.JudgeCriterion;
import org.pyeongga.contest.StageModel.JudgeEntry;
import org.pyeongga.contest.StageModel.JudgeProgress;
import org.pyeongga.contest.StageModel.JudgeStage;
import org.pyeongga.contest.StageModel.Level;
import org.pyeongga.contest.StageModel.NewStage;
import org.pyeongga.contest.StageModel.PassRule;
import org.pyeongga.contest.StageModel.Progress;
import org.pyeongga.contest.StageModel.Result;
import org.pyeongga.contest.StageModel.StageEntry;
import org.pyeongga.contest.StageModel.StageKind;
import org.pyeongga.contest.StageModel.StageView;
import org.pyeongga.contest.StageModel.Status;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.judging.Judging;
import org.pyeongga.judging.JudgingModel;
import org.pyeongga.judging.PanelKind;
import org.pyeongga.scoring.FinalFormula;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.BallotSpec;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.Tallies;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stages of a contest: any number, each a written (서면·실무) or presentation (발표) round judged by a panel from
 * {@code judging} (department conflicts apply), optionally with a citizen vote from {@code voting}, or a citizen vote
 * alone. Opening a stage opens its judging round (entries × criteria) and its ballot; closing it computes each entry's
 * score (the mean of the judges' weighted sums, combined with the vote by the stage's weights through
 * {@link FinalFormula}), ranks them under the declared tie rule and passes the pass list to the next stage. Until then
 * nobody sees a running score: the owner sees only how many sheets are submitted.
 */
@Service
public class Stages {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SCALE = 4;

    private final StageStore store;
    private final StagePermissions permissions;
    private final Judging judging;
    private final Ballots ballots;
    private final Tallies tallies;
    private final FinalFormulas formulas;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Stages(StageStore store, StagePermissions permissions, Judging judging, Ballots ballots, Tallies tallies,
            FinalFormulas formulas, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.permissions = permissions;
        this.judging = judging;
        this.ballots = ballots;
        this.tallies = tallies;
        this.formulas = formulas;
        this.events = events;
        this.clock = clock;
    }

    // ---- setup (the contest's managers)

    /** Adds a stage after the existing ones (before the contest is decided). */
    @Transactional
    public long addStage(long contestId, NewStage stage) {
        var contest = permissions.requireContest(contestId);
        if (contest.phase().equals("DECIDED") || contest.phase().equals("PUBLISHED")) {
            throw UserFacingException.conflict("contestjudging.stage.contestDecided");
        }
        validate(stage);
        long id = store.insertStage(contestId, stage, permissions.current().id());
        var view = store.stage(id).orElseThrow();
        events.publishEvent(new ContestStageAdded(contestId, contest.ownerInstitutionId(), id, view.position(), stage.kind().name()));
        return id;
    }

    private static void validate(NewStage s) {
        if (s.kind() == null || s.passRule() == null || s.panelWeight() == null || s.voteWeight() == null) {
            throw UserFacingException.badInput("contestjudging.stage.incomplete");
        }
        if (blank(s.nameKo(), 100) || blank(s.nameEn(), 200)) {
            throw UserFacingException.badInput("contestjudging.stage.name");
        }
        if (s.panelWeight().signum() < 0 || s.voteWeight().signum() < 0 || s.panelWeight().add(s.voteWeight()).compareTo(HUNDRED) != 0) {
            throw UserFacingException.badInput("contestjudging.stage.weights");
        }
        boolean voteOnly = s.kind() == StageKind.CITIZEN_VOTE;
        if (voteOnly != (s.panelWeight().signum() == 0) || (s.voteWeight().signum() > 0) != (s.vote() != null)) {
            throw UserFacingException.badInput("contestjudging.stage.weights");
        }
        if (voteOnly && !s.criteria().isEmpty()) {
            throw UserFacingException.badInput("contestjudging.stage.criteria");
        }
        if (!voteOnly) {
            BigDecimal sum = BigDecimal.ZERO;
            Set<String> codes = new HashSet<>();
            for (Criterion c : s.criteria()) {
                if (c.code() == null || !c.code().matches("[A-Z0-9_]{1,40}") || !codes.add(c.code()) || blank(c.nameKo(), 100)
                        || blank(c.nameEn(), 200) || c.weight() == null || c.weight().signum() <= 0) {
                    throw UserFacingException.badInput("contestjudging.stage.criteria");
                }
                for (Level level : c.levels()) {
                    if (level.ratio() == null || level.ratio().signum() < 0 || level.ratio().compareTo(BigDecimal.ONE) > 0
                            || blank(level.nameKo(), 30) || blank(level.nameEn(), 60)) {
                        throw UserFacingException.badInput("contestjudging.stage.criteria");
                    }
                }
                sum = sum.add(c.weight());
            }
            if (s.criteria().isEmpty() || sum.compareTo(HUNDRED) != 0) {
                throw UserFacingException.badInput("contestjudging.stage.criteriaSum", sum.stripTrailingZeros().toPlainString());
            }
        }
        switch (s.passRule()) {
            case TOP_N -> {
                if (s.passCount() == null || s.passCount() < 1 || s.passCount() > 1000) {
                    throw UserFacingException.badInput("contestjudging.stage.passCount");
                }
            }
            case MIN_SCORE -> {
                if (s.passMinScore() == null || s.passMinScore().signum() < 0 || s.passMinScore().compareTo(HUNDRED) > 0) {
                    throw UserFacingException.badInput("contestjudging.stage.passMin");
                }
            }
            case ALL -> { }
        }
        if (s.vote() != null) {
            var v = s.vote();
            if (v.maxChoices() < 1 || v.maxChoices() > 50 || v.eligibility() == null || v.scaling() == null
                    || v.eligibility() == Ballot.Eligibility.STAFF) {
                throw UserFacingException.badInput("contestjudging.stage.vote");
            }
            if (v.eligibility() == Ballot.Eligibility.REGION && (v.region() == null || !v.region().matches("[0-9]{2,10}"))) {
                throw UserFacingException.badInput("contestjudging.stage.voteRegion");
            }
        }
    }

    private static boolean blank(@Nullable String text, int max) {
        return text == null || text.isBlank() || text.strip().length() > max;
    }

    public List<StageView> stages(long contestId) {
        permissions.requireContest(contestId);
        return store.stages(contestId);
    }

    public StageView stage(long stageId) {
        return managed(stageId);
    }

    /** The entries of an opened stage, in presentation order. */
    public List<StageEntry> entries(long stageId) {
        managed(stageId);
        return store.stageEntries(stageId);
    }

    /**
     * Opens a stage: its entries are the accepted entries (first stage) or those that passed the previous stage; its
     * judging round scores each entry on each criterion by every judge of the panel (conflicts left out); its citizen
     * vote, if any, is created and opened — only once the final formula is published, since no vote may open before.
     */
    @Transactional
    public void open(long stageId, List<String> judgeEmails, StageModel.@Nullable VotePeriod votePeriod) {
        var stage = managed(stageId);
        var contest = store.contest(stage.contestId()).orElseThrow();
        if (stage.status() != Status.SETUP) {
            throw UserFacingException.conflict("contestjudging.stage.notSetup");
        }
        if (!contest.phase().equals("JUDGING")) {
            throw UserFacingException.conflict("contestjudging.stage.contestNotJudging");
        }
        List<StageStore.EntryRow> entries = new ArrayList<>();
        if (stage.position() == 1) {
            entries.addAll(store.acceptedEntries(contest.id()));
        } else {
            var previous = store.stages(contest.id()).stream().filter(s -> s.position() == stage.position() - 1).findFirst().orElseThrow();
            if (previous.status() != Status.CLOSED) {
                throw UserFacingException.conflict("contestjudging.stage.previousOpen");
            }
            store.results(previous.id()).stream().filter(Result::passed)
                    .sorted(Comparator.comparingLong(Result::entryId))
                    .forEach(r -> entries.add(store.entry(r.entryId()).orElseThrow()));
        }
        if (entries.isEmpty()) {
            throw UserFacingException.badInput("contestjudging.stage.noEntries");
        }
        List<String> emails = judgeEmails == null ? List.of() : judgeEmails.stream().filter(e -> e != null && !e.isBlank())
                .map(String::strip).distinct().toList();
        if (stage.hasPanel() && emails.isEmpty()) {
            throw UserFacingException.badInput("contestjudging.stage.noJudges");
        }
        if (stage.hasVote() && formulas.published(contest.id()).isEmpty()) {
            throw UserFacingException.conflict("contestjudging.stage.formulaFirst");
        }
        if (stage.hasVote() && (votePeriod == null || votePeriod.opensAt() == null || votePeriod.closesAt() == null
                || !votePeriod.closesAt().isAfter(votePeriod.opensAt()) || !votePeriod.closesAt().isAfter(clock.instant()))) {
            throw UserFacingException.badInput("contestjudging.stage.votePeriod");
        }
        int order = 1;
        for (var entry : entries) {
            store.insertStageEntry(stageId, entry.id(), order++);
        }
        Long roundId = null;
        if (stage.hasPanel()) {
            List<JudgingModel.NewSubject> subjects = new ArrayList<>();
            for (var entry : entries) {
                for (Criterion c : stage.criteria()) {
                    subjects.add(new JudgingModel.NewSubject(String.valueOf(entry.id()), null, entry.title(), "", c.code(),
                            c.nameKo(), Set.of(), c.weight(), rubric(c), entry.departmentId(), Set.copyOf(entry.people())));
                }
            }
            roundId = judging.openRound(new JudgingModel.NewRound(StagePermissions.SOURCE, String.valueOf(stageId),
                    contest.titleKo() + " · " + stage.nameKo(), LocalDate.now(clock),
                    stage.panelKind() == null ? PanelKind.EXPERT : stage.panelKind(), stage.nameKo(), emails.size(), subjects));
            judging.configureRound(roundId, BigDecimal.ZERO, 3, null);
            long panel = judging.panels(roundId).getFirst().id();
            for (String email : emails) {
                judging.addMember(panel, email, 0);
            }
            judging.assignAutomatically(panel);
        }
        Long ballotId = null;
        if (stage.hasVote()) {
            int max = Math.min(stage.voteMaxChoices(), entries.size());
            ballotId = ballots.create(new BallotSpec(contest.ownerInstitutionId(), Ballot.Kind.MULTIPLE, null, max,
                    contest.titleKo() + " " + stage.nameKo(), contest.titleEn() + " — " + stage.nameEn(),
                    "마음에 드는 사례를 " + max + "개까지 고르세요. 결과는 심사가 끝난 뒤 공개합니다.",
                    "Choose up to " + max + " cases. Results are published after the stage closes.", votePeriod.opensAt(),
                    votePeriod.closesAt(),
                    Ballot.Eligibility.valueOf(stage.voteEligibility()), store.region(stageId), null,
                    Ballot.Visibility.HIDDEN_UNTIL_PUBLISHED,
                    entries.stream().map(e -> new BallotSpec.OptionSpec(e.title(), e.title())).toList(), List.of()));
            ballots.open(ballotId);
        }
        store.markOpened(stageId, roundId, ballotId);
        events.publishEvent(new ContestStageOpened(contest.id(), contest.ownerInstitutionId(), stageId, entries.size(),
                emails.size(), ballotId));
    }

    private static List<JudgingModel.RubricLevel> rubric(Criterion c) {
        return c.levels().stream().map(l -> new JudgingModel.RubricLevel(l.nameKo(), l.nameEn(),
                c.weight().multiply(l.ratio()).setScale(2, RoundingMode.HALF_UP))).toList();
    }

    /** Sheets submitted of sheets assigned, in all and per judge: counts only, never a score. */
    public Progress progress(long stageId) {
        var stage = managed(stageId);
        if (stage.judgingRoundId() == null) {
            return new Progress(0, 0, 0, List.of());
        }
        List<JudgeProgress> perJudge = judging.progress(stage.judgingRoundId()).stream()
                .map(p -> new JudgeProgress(p.userId(), p.evaluator(), p.submitted(), p.assigned())).toList();
        return new Progress(perJudge.stream().mapToInt(JudgeProgress::submitted).sum(),
                perJudge.stream().mapToInt(JudgeProgress::assigned).sum(), perJudge.size(), perJudge);
    }

    /** The panel's conflicts with entries (own department, involved in the case), each with its reason. */
    public List<ConflictView> conflicts(long stageId) {
        var stage = managed(stageId);
        if (stage.judgingRoundId() == null) {
            return List.of();
        }
        return judging.subjectConflicts(stage.judgingRoundId()).stream().map(c -> new ConflictView(c.evaluator(),
                Long.parseLong(c.subjectRef()), c.subject(), c.kind().name(), c.reasonKo(), c.reasonEn())).toList();
    }

    /** Who judges which entry (one line per judge and entry, all criteria), without any score. */
    public List<AssignmentView> assignments(long stageId) {
        var stage = managed(stageId);
        if (stage.judgingRoundId() == null) {
            return List.of();
        }
        Map<String, AssignmentView> lines = new LinkedHashMap<>();
        for (var panel : judging.panels(stage.judgingRoundId())) {
            for (var a : judging.assignments(panel.id())) {
                long entry = entryOf(a);
                lines.putIfAbsent(a.userId() + "/" + entry, new AssignmentView(a.evaluator(), entry, a.subject(), a.origin()));
            }
        }
        return List.copyOf(lines.values());
    }

    /**
     * Closes an open stage: every assigned sheet must be submitted and the vote (if any) closed; the vote's results are
     * published; each entry's score is computed, ranked and the pass list recorded; the judging round closes, so no
     * sheet changes after.
     */
    @Transactional
    public List<Result> close(long stageId) {
        var stage = managed(stageId);
        var contest = store.contest(stage.contestId()).orElseThrow();
        if (stage.status() != Status.OPEN) {
            throw UserFacingException.conflict(stage.status() == Status.CLOSED ? "contestjudging.stage.closed"
                    : "contestjudging.stage.notOpen");
        }
        var progress = progress(stageId);
        if (progress.submitted() < progress.assigned()) {
            throw UserFacingException.conflict("contestjudging.stage.unsubmitted", progress.submitted(), progress.assigned());
        }
        List<StageEntry> entries = store.stageEntries(stageId);
        Map<Long, Long> votes = new TreeMap<>();
        if (stage.ballotId() != null) {
            Ballot ballot = ballots.managed(stage.ballotId());
            if (ballots.state(ballot) != Ballot.State.CLOSED && ballots.state(ballot) != Ballot.State.PUBLISHED) {
                throw UserFacingException.conflict("contestjudging.stage.voteRunning");
            }
            var tally = ballots.state(ballot) == Ballot.State.PUBLISHED
                    ? tallies.visibleTally(ballot.id(), permissions.current()).tally() : tallies.publish(ballot.id());
            Map<Long, Long> byOption = new TreeMap<>();
            tally.options().forEach(c -> byOption.put(c.optionId(), c.votes()));
            for (int i = 0; i < entries.size(); i++) {
                votes.put(entries.get(i).entryId(), byOption.getOrDefault(ballot.options().get(i).id(), 0L));
            }
        }
        List<Result> results = compute(stage, entries, votes);
        results.forEach(r -> store.insertResult(stageId, r));
        if (stage.judgingRoundId() != null) {
            judging.configureRound(stage.judgingRoundId(), BigDecimal.ZERO, 3, clock.instant());
        }
        store.markClosed(stageId, permissions.current().id());
        events.publishEvent(new ContestStageClosed(contest.id(), contest.ownerInstitutionId(), stageId, entries.size(),
                results.stream().filter(Result::passed).map(Result::entryId).toList()));
        return results;
    }

    /**
     * The scores: a judge's total for an entry is the sum of their criterion scores (a criterion's points are its
     * weight); the panel score is the mean of the totals of the judges who scored it (conflicted judges never did);
     * the stage score is {@code panelWeight × panel/100 + voteWeight × scaled votes/100} through {@link FinalFormula}.
     * Tie rule: the criteria in their order (mean score, higher first), then more votes, then the earlier entry.
     */
    private List<Result> compute(StageView stage, List<StageEntry> entries, Map<Long, Long> votes) {
        Map<Long, Map<String, BigDecimal>> judgeTotals = new LinkedHashMap<>();
        Map<Long, Map<String, List<BigDecimal>>> criterionScores = new LinkedHashMap<>();
        if (stage.hasPanel()) {
            for (var s : judging.submittedScores(StagePermissions.SOURCE, String.valueOf(stage.id()))) {
                long entry = Long.parseLong(s.subjectRef());
                judgeTotals.computeIfAbsent(entry, k -> new TreeMap<>()).merge(s.evaluatorKey(), s.score(), BigDecimal::add);
                criterionScores.computeIfAbsent(entry, k -> new LinkedHashMap<>()).computeIfAbsent(s.criterion(), k -> new ArrayList<>())
                        .add(s.score());
            }
        }
        List<FinalFormula.Component> components = new ArrayList<>();
        if (stage.hasPanel()) {
            components.add(new FinalFormula.Component("panel", "심사", stage.panelWeight(), FinalFormula.Scaling.SCORE_0_100));
        }
        if (stage.hasVote()) {
            components.add(new FinalFormula.Component("vote", "투표", stage.voteWeight(),
                    stage.voteScaling() == StageModel.VoteScaling.MIN_MAX ? FinalFormula.Scaling.MIN_MAX : FinalFormula.Scaling.VOTE_SHARE));
        }
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        Map<Long, BigDecimal> panelScores = new LinkedHashMap<>();
        for (var e : entries) {
            Map<String, BigDecimal> v = new LinkedHashMap<>();
            if (stage.hasPanel()) {
                var totals = judgeTotals.getOrDefault(e.entryId(), Map.of());
                BigDecimal mean = totals.isEmpty() ? BigDecimal.ZERO : totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(totals.size()), SCALE, RoundingMode.HALF_UP);
                panelScores.put(e.entryId(), mean);
                v.put("panel", mean);
            }
            if (stage.hasVote()) {
                v.put("vote", BigDecimal.valueOf(votes.getOrDefault(e.entryId(), 0L)));
            }
            values.put(FormulaMath.unitId(e.entryId()), v);
        }
        if (stage.hasPanel()) {
            // an entry every judge of the panel was conflicted with has no score at all: never rank it as a 0
            List<String> unjudged = entries.stream().filter(e -> !judgeTotals.containsKey(e.entryId()))
                    .map(StageEntry::title).toList();
            if (!unjudged.isEmpty()) {
                throw UserFacingException.conflict("contestjudging.stage.unjudged", String.join(", ", unjudged));
            }
        }
        var evaluated = FormulaMath.evaluate("stage-" + stage.id(), components, entries.stream()
                .map(e -> new FormulaMath.Finalist(e.entryId(), e.title())).toList(), values);
        List<Result> unranked = new ArrayList<>();
        for (var e : entries) {
            var unit = evaluated.get(e.entryId());
            Map<String, BigDecimal> means = new LinkedHashMap<>();
            for (Criterion c : stage.criteria()) {
                var list = criterionScores.getOrDefault(e.entryId(), Map.of()).getOrDefault(c.code(), List.of());
                means.put(c.code(), list.isEmpty() ? BigDecimal.ZERO : list.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(list.size()), SCALE, RoundingMode.HALF_UP));
            }
            BigDecimal voteScaled = stage.hasVote() ? unit.scaled().get("vote") : null;
            unranked.add(new Result(e.entryId(), e.title(), stage.hasPanel() ? panelScores.get(e.entryId()) : null,
                    judgeTotals.getOrDefault(e.entryId(), Map.of()).size(), stage.hasVote() ? votes.getOrDefault(e.entryId(), 0L) : null,
                    voteScaled, unit.total(), 0, false, means, judgeTotals.getOrDefault(e.entryId(), Map.of())));
        }
        Comparator<Result> order = Comparator.comparing(Result::score).reversed();
        for (Criterion c : stage.criteria()) {
            order = order.thenComparing(Comparator.comparing((Result r) -> r.criterionMeans().get(c.code())).reversed());
        }
        order = order.thenComparing(Comparator.comparing((Result r) -> r.votes() == null ? 0L : r.votes()).reversed())
                .thenComparingLong(Result::entryId);
        unranked.sort(order);
        List<Result> ranked = new ArrayList<>();
        int rank = 1;
        for (Result r : unranked) {
            boolean passed = switch (stage.passRule()) {
                case ALL -> true;
                case TOP_N -> rank <= stage.passCount();
                case MIN_SCORE -> r.score().compareTo(stage.passMinScore()) >= 0;
            };
            ranked.add(new Result(r.entryId(), r.title(), r.panelScore(), r.judges(), r.votes(), r.voteScaled(), r.score(), rank++,
                    passed, r.criterionMeans(), r.judgeTotals()));
        }
        return ranked;
    }

    /** A closed stage's results, best first; refused while it is open (running results stay hidden). */
    public List<Result> results(long stageId) {
        var stage = managed(stageId);
        if (stage.status() != Status.CLOSED) {
            throw UserFacingException.conflict("contestjudging.stage.hidden");
        }
        return store.results(stageId);
    }

    // ---- from a template

    /**
     * Creates the stages and a first (unpublished) formula version a contest's template intends
     * ({@link ContestTemplates}): written, presentation and citizen-panel rounds become judged stages (a citizen panel
     * scores like judges), a citizen vote whose pass rule combines it with the round before (남해: 서면 80 + 군민투표 20
     * → top 6) becomes that round's vote, a vote alone stays a vote-only stage, and the committee's decision is left to
     * the decision pages. A residents' vote is limited to {@code residentsRegion} when given (e.g. 48840), else open to
     * every verified citizen. Only for a contest without stages.
     */
    @Transactional
    public List<Long> setUpFromTemplate(long contestId, @Nullable String residentsRegion) {
        var contest = permissions.requireContest(contestId);
        var template = contest.template() == null ? java.util.Optional.<ContestTemplate>empty() : ContestTemplates.byCode(contest.template());
        if (template.isEmpty()) {
            throw UserFacingException.badInput("contestjudging.template.none");
        }
        if (!store.stages(contestId).isEmpty()) {
            throw UserFacingException.conflict("contestjudging.template.hasStages");
        }
        String region = residentsRegion == null || residentsRegion.isBlank() ? null : residentsRegion.strip();
        var t = template.get();
        List<ContestTemplate.StagePlan> plans = t.stages().stream()
                .filter(p -> p.kind() != ContestTemplate.StageKind.COMMITTEE)
                .sorted(Comparator.comparingInt(ContestTemplate.StagePlan::position)).toList();
        Map<Integer, Integer> positions = new LinkedHashMap<>();
        Map<Integer, Boolean> voteOnly = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            var plan = plans.get(i);
            var next = i + 1 < plans.size() ? plans.get(i + 1) : null;
            List<ContestTemplate.FormulaPart> combined = next == null || next.kind() != ContestTemplate.StageKind.CITIZEN_VOTE ? List.of()
                    : t.formula().stream().filter(f -> f.scope().equals("STAGE:" + next.position())).toList();
            if (plan.kind() == ContestTemplate.StageKind.CITIZEN_VOTE) {
                var scaling = t.formula().stream().filter(f -> f.stagePosition() == plan.position()).map(ContestTemplate.FormulaPart::scaling)
                        .findFirst().orElse("VOTE_SHARE");
                ids.add(addStage(contestId, new NewStage(StageKind.CITIZEN_VOTE, plan.nameKo(), plan.nameEn(), null, List.of(),
                        plan.passTopN() == null ? PassRule.ALL : PassRule.TOP_N, plan.passTopN(), null, BigDecimal.ZERO, HUNDRED,
                        vote(plan, region, scaling))));
                voteOnly.put(plan.position(), true);
            } else {
                List<Criterion> criteria = new ArrayList<>();
                for (int c = 0; c < plan.criteria().size(); c++) {
                    var criterion = plan.criteria().get(c);
                    criteria.add(new Criterion("C" + (c + 1), criterion.nameKo(), criterion.nameEn(), criterion.weight()));
                }
                PanelKind panel = plan.kind() == ContestTemplate.StageKind.CITIZEN_PANEL ? PanelKind.CITIZEN : PanelKind.EXPERT;
                StageKind kind = plan.kind() == ContestTemplate.StageKind.WRITTEN ? StageKind.WRITTEN : StageKind.PRESENTATION;
                if (!combined.isEmpty()) {
                    int panelWeight = combined.stream().filter(f -> f.stagePosition() == plan.position()).mapToInt(ContestTemplate.FormulaPart::weight).sum();
                    var votePart = combined.stream().filter(f -> f.stagePosition() == next.position()).findFirst().orElseThrow();
                    ids.add(addStage(contestId, new NewStage(kind, plan.nameKo() + " + " + next.nameKo(), plan.nameEn() + " + " + next.nameEn(),
                            panel, criteria, next.passTopN() == null ? PassRule.ALL : PassRule.TOP_N, next.passTopN(), null,
                            BigDecimal.valueOf(panelWeight), BigDecimal.valueOf(votePart.weight()), vote(next, region, votePart.scaling()))));
                    positions.put(next.position(), ids.size());
                    i++;
                } else {
                    ids.add(addStage(contestId, new NewStage(kind, plan.nameKo(), plan.nameEn(), panel, criteria,
                            plan.passTopN() == null ? PassRule.ALL : PassRule.TOP_N, plan.passTopN(), null, HUNDRED, BigDecimal.ZERO, null)));
                }
            }
            positions.put(plan.position(), ids.size());
        }
        List<FormulaVersion.Component> components = new ArrayList<>();
        int n = 1;
        for (var part : t.formula().stream().filter(f -> f.scope().equals("FINAL")).toList()) {
            boolean votes = voteOnly.getOrDefault(part.stagePosition(), false);
            components.add(new FormulaVersion.Component("F" + n++, part.nameKo(), part.nameEn(), positions.get(part.stagePosition()),
                    votes ? FormulaVersion.Measure.VOTES : FormulaVersion.Measure.STAGE_SCORE, BigDecimal.valueOf(part.weight()),
                    switch (part.scaling()) {
                        case "VOTE_SHARE" -> org.pyeongga.scoring.FinalFormula.Scaling.VOTE_SHARE;
                        case "MIN_MAX" -> org.pyeongga.scoring.FinalFormula.Scaling.MIN_MAX;
                        default -> org.pyeongga.scoring.FinalFormula.Scaling.SCORE_0_100;
                    }));
        }
        if (!components.isEmpty()) {
            formulas.save(contestId, new FormulaVersion.NewFormula(t.nameKo() + " v1", components));
        }
        return ids;
    }

    private static StageModel.VoteSpec vote(ContestTemplate.StagePlan plan, @Nullable String region, String scaling) {
        return new StageModel.VoteSpec(plan.maxChoices() == null ? 1 : plan.maxChoices(),
                region == null ? Ballot.Eligibility.VERIFIED : Ballot.Eligibility.REGION, region,
                "MIN_MAX".equals(scaling) ? StageModel.VoteScaling.MIN_MAX : StageModel.VoteScaling.VOTE_SHARE);
    }

    // ---- judges

    /** The stages the signed-in judge has entries to score in (open ones and closed ones, newest first). */
    public List<JudgeStage> myStages() {
        Map<Long, List<JudgingModel.Assignment>> byRound = new LinkedHashMap<>();
        judging.myAssignments().forEach(a -> byRound.computeIfAbsent(a.roundId(), k -> new ArrayList<>()).add(a));
        List<JudgeStage> stages = new ArrayList<>();
        for (var stage : store.stagesOfRounds(byRound.keySet())) {
            stages.add(judgeStage(stage, byRound.get(stage.judgingRoundId()), false));
        }
        return stages;
    }

    /** One stage as the signed-in judge sees it: their entries in presentation order, their own choices only. */
    public JudgeStage myStage(long stageId) {
        return myStage(stageId, true);
    }

    private JudgeStage myStage(long stageId, boolean withChoices) {
        var stage = store.stage(stageId).filter(s -> s.judgingRoundId() != null)
                .orElseThrow(() -> UserFacingException.notFound("contestjudging.stage.notFound"));
        var mine = judging.myAssignments().stream().filter(a -> a.roundId() == stage.judgingRoundId()).toList();
        if (mine.isEmpty()) {
            throw UserFacingException.notFound("contestjudging.stage.notFound");
        }
        return judgeStage(stage, mine, withChoices);
    }

    private JudgeStage judgeStage(StageView stage, List<JudgingModel.Assignment> mine, boolean withChoices) {
        var contest = store.contest(stage.contestId()).orElseThrow();
        Map<Long, List<JudgingModel.Assignment>> byEntry = new LinkedHashMap<>();
        mine.forEach(a -> byEntry.computeIfAbsent(entryOf(a), k -> new ArrayList<>()).add(a));
        List<JudgeEntry> entries = new ArrayList<>();
        for (StageEntry e : store.stageEntries(stage.id())) {
            var assignments = byEntry.get(e.entryId());
            if (assignments == null) {
                continue;
            }
            List<JudgeCriterion> criteria = new ArrayList<>();
            boolean submitted = true;
            for (Criterion c : stage.criteria()) {
                var a = assignments.stream().filter(x -> x.criterion().equals(c.code())).findFirst().orElse(null);
                if (a == null) {
                    continue;
                }
                submitted &= a.status().equals("SUBMITTED");
                Integer chosen = withChoices && !a.status().equals("NONE") ? judging.sheet(a.id()).level() : null;
                criteria.add(new JudgeCriterion(a.id(), c.code(), c.nameKo(), c.nameEn(), c.weight(), c.levels(), chosen));
            }
            String summary = withChoices ? store.entry(e.entryId()).map(StageStore.EntryRow::summary).orElse("") : "";
            entries.add(new JudgeEntry(e.entryId(), e.order(), e.title(), summary, criteria, submitted));
        }
        return new JudgeStage(stage.id(), contest.id(), contest.titleKo(), stage.nameKo(), stage.nameEn(), stage.status(), entries);
    }

    private long entryOf(JudgingModel.Assignment a) {
        return store.entryOfSubject(a.subjectId());
    }

    /**
     * Saves the signed-in judge's levels for one entry (criterion code → level index, 0 = best): as a draft they may
     * correct, or submitted (every criterion then needs a level). Refused once the stage is closed.
     */
    @Transactional
    public void score(long stageId, long entryId, Map<String, Integer> levels, boolean submit) {
        var view = myStage(stageId, false);
        if (view.status() != Status.OPEN) {
            throw UserFacingException.conflict("contestjudging.stage.closed");
        }
        var entry = view.entries().stream().filter(e -> e.entryId() == entryId).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("contestjudging.entry.notFound"));
        for (JudgeCriterion c : entry.criteria()) {
            Integer level = levels == null ? null : levels.get(c.code());
            if (submit && level == null) {
                throw UserFacingException.badInput("contestjudging.score.missing", c.nameKo(), c.nameEn());
            }
            judging.saveSheet(c.assignmentId(), level, null, submit);
        }
    }

    // ---- helpers

    private StageView managed(long stageId) {
        var stage = store.stage(stageId).orElseThrow(() -> UserFacingException.notFound("contestjudging.stage.notFound"));
        permissions.requireContest(stage.contestId());
        return stage;
    }
}
