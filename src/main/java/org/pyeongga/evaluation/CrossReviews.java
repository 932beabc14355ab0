package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.evaluation.ReviewPermissions.Party;
import org.pyeongga.evaluation.ReviewPermissions.Phase;
import org.pyeongga.evaluation.ReviewPermissions.Stages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cross-review of a cycle, the VPS way (domain brief §4.2): institutions view the qualitative submissions of the others
 * in their group (상호열람), object with a reason (이의신청), the objected-to institution answers (검토의견), the program
 * administrator rules (판정) and may correct the value, then marks each evidence item (집합검증). Each step checks its
 * dated stage; who sees what is {@link ReviewPermissions}.
 */
@Service
public class CrossReviews {

    /** Longest reason, answer or ruling text (characters). */
    public static final int MAX_TEXT = 2000;

    private final ObjectionStore store;
    private final Evaluations evaluations;
    private final CycleStages cycleStages;
    private final ReviewPermissions permissions;
    private final CurrentActor actors;
    private final ApplicationEventPublisher events;
    private final SubmissionRules submissionRules;

    CrossReviews(ObjectionStore store, Evaluations evaluations, CycleStages cycleStages, ReviewPermissions permissions,
            CurrentActor actors, ApplicationEventPublisher events, SubmissionRules submissionRules) {
        this.store = store;
        this.evaluations = evaluations;
        this.cycleStages = cycleStages;
        this.permissions = permissions;
        this.actors = actors;
        this.events = events;
        this.submissionRules = submissionRules;
    }

    /** A ruling on an objection. */
    public enum Ruling {
        UPHELD("인용", "Upheld"),
        PARTLY_UPHELD("일부 인용", "Partly upheld"),
        DISMISSED("기각", "Dismissed");

        private final String korean;
        private final String english;

        Ruling(String korean, String english) {
            this.korean = korean;
            this.english = english;
        }

        public String korean() {
            return korean;
        }

        public String english() {
            return english;
        }
    }

    /** The mark 집합검증 gives an evidence item. */
    public enum EvidenceMark {
        VERIFIED,
        CORRECTED,
        REJECTED
    }

    /** What a cycle's review rule says. {@code rejectedEvidence}: ZERO (the indicator's value becomes 0) or FLAG. */
    public record ReviewRule(boolean objectorHidden, String rejectedEvidence) {}

    public record NewObjection(long targetInstitutionId, String indicatorCode, String reason,
            @Nullable Long objectorInstitutionId) {}

    public record CaseSummaryView(String indicatorCode, String indicatorName, String title, String body, Instant writtenAt) {}

    public record EvidenceView(long id, long institutionId, String institutionName, String indicatorCode,
            String indicatorName, String fileName, String contentType, long sizeBytes, Instant uploadedAt,
            @Nullable String verification, @Nullable String note) {}

    /** One institution's qualitative submission as another institution of its group may see it. */
    public record SubmissionView(long institutionId, String institutionName, String group, List<CaseSummaryView> cases,
            List<EvidenceView> evidence) {}

    /** An evidence file to download. */
    public record EvidenceFile(String fileName, String contentType, byte[] content) {}

    /**
     * An objection as the caller may see it: the objector is null where it is hidden from them, the answer where they
     * may not read it yet. {@code state}: FILED, ANSWERED, UPHELD, PARTLY_UPHELD or DISMISSED.
     */
    public record ObjectionView(long id, long cycleId, String indicatorCode, String indicatorName, long targetInstitutionId,
            String targetName, @Nullable Long objectorInstitutionId, @Nullable String objectorName, String reason,
            Instant filedAt, @Nullable String answer, @Nullable Instant answeredAt, @Nullable Ruling ruling,
            @Nullable String rulingReason, @Nullable BigDecimal oldValue, @Nullable BigDecimal newValue,
            @Nullable Instant ruledAt, String state, Party party, boolean canAnswer, boolean canRule) {}

    /** A cycle on an institution's review page: where its stages stand and which of the caller's institutions it is. */
    public record ReviewCycle(long cycleId, String label, @Nullable Long institutionId, @Nullable String institutionName,
            @Nullable String group, List<StageView> stages) {

        public boolean open(CycleStage stage) {
            return stages.stream().anyMatch(s -> s.stage() == stage && s.phase() == Phase.OPEN);
        }
    }

    public record StageView(CycleStage stage, Phase phase, @Nullable Instant opensAt, @Nullable Instant closesAt) {}

    /** A value that a ruling or the verification changed (or flagged), with why. */
    public record CorrectionView(long institutionId, String institutionName, String indicatorCode, String indicatorName,
            String source, long sourceId, String kind, @Nullable BigDecimal oldValue, @Nullable BigDecimal newValue,
            String reason, Instant correctedAt) {}

    // --- rule ---

    public ReviewRule rule(long cycleId) {
        requireAdmin();
        evaluations.cycleLabel(cycleId);
        var rule = store.rule(cycleId);
        return new ReviewRule(rule.objectorHidden(), rule.rejectedEvidence());
    }

    /** Sets the cycle's review rule; only before objections open (objectors filed under the rule they saw). */
    @Transactional
    public void setRule(long cycleId, ReviewRule rule) {
        requireAdmin();
        evaluations.cycleLabel(cycleId);
        if (!rule.rejectedEvidence().equals("ZERO") && !rule.rejectedEvidence().equals("FLAG")) {
            throw UserFacingException.badInput("review.rule.rejectedEvidence");
        }
        if (stages(cycleId).of(CycleStage.OBJECTION).reached()) {
            throw UserFacingException.conflict("review.rule.tooLate");
        }
        store.upsertRule(cycleId, new ObjectionStore.Rule(rule.objectorHidden(), rule.rejectedEvidence()),
                actors.current().id());
        events.publishEvent(new ReviewRuleSet(cycleId, rule.objectorHidden(), rule.rejectedEvidence()));
    }

    // --- the review page ---

    /**
     * Cycles for the caller's review page: for an institution's staff, the cycles their institution is a target of with
     * a review stage open; for administrators, every cycle with a review stage scheduled.
     */
    public List<ReviewCycle> cycles() {
        Actor actor = actors.current();
        List<ReviewCycle> cycles = new ArrayList<>();
        if (permissions.isAdmin(actor)) {
            for (long cycleId : store.cyclesWithStages()) {
                cycles.add(new ReviewCycle(cycleId, evaluations.cycleLabel(cycleId), null, null, null, stageViews(cycleId)));
            }
            return cycles;
        }
        Set<Long> mine = permissions.institutions(actor);
        for (long cycleId : store.cyclesWithStagesFor(mine)) {
            var stages = stageViews(cycleId);
            if (stages.stream().noneMatch(s -> ReviewPermissions.REVIEW_STAGES.contains(s.stage()) && s.phase() == Phase.OPEN)) {
                continue;
            }
            var target = evaluations.targets(cycleId).stream().filter(t -> mine.contains(t.institutionId())).findFirst()
                    .orElseThrow();
            cycles.add(new ReviewCycle(cycleId, evaluations.cycleLabel(cycleId), target.institutionId(), target.name(),
                    target.group(), stages));
        }
        return cycles;
    }

    private List<StageView> stageViews(long cycleId) {
        var windows = cycleStages.stages(cycleId);
        var stages = Stages.at(windows, cycleStages.now());
        List<StageView> views = new ArrayList<>();
        for (CycleStage stage : ReviewPermissions.REVIEW_STAGES) {
            var w = windows.get(stage);
            views.add(new StageView(stage, stages.of(stage), w == null ? null : w.opensAt(), w == null ? null : w.closesAt()));
        }
        return views;
    }

    // --- 상호열람 ---

    /**
     * The qualitative submissions of the other institutions in the caller's group (case summaries and evidence list),
     * while mutual viewing or objections are open. Refuses with the stage's dates otherwise.
     */
    public List<SubmissionView> groupSubmissions(long cycleId) {
        Actor actor = actors.current();
        var targets = evaluations.targets(cycleId);
        var groups = groups(targets);
        Set<Long> mine = permissions.institutions(actor);
        Set<String> myGroups = new TreeSet<>();
        targets.stream().filter(t -> mine.contains(t.institutionId())).forEach(t -> myGroups.add(t.group()));
        if (myGroups.isEmpty()) {
            throw forbidden();
        }
        requireViewingOpen(cycleId);
        List<Long> others = targets.stream().filter(t -> myGroups.contains(t.group()) && !mine.contains(t.institutionId()))
                .map(CycleTarget::institutionId).toList();
        return submissions(cycleId, others, targets, groups, Party.SAME_GROUP);
    }

    /** One institution's qualitative submission, for its own staff, its group while viewing is open, administrators. */
    public SubmissionView submission(long cycleId, long institutionId) {
        var targets = evaluations.targets(cycleId);
        var groups = groups(targets);
        if (!groups.containsKey(institutionId)) {
            throw UserFacingException.notFound("review.institution.notTarget", institutionId);
        }
        Party party = permissions.party(actors.current(), institutionId, null, groups);
        requireViewSubmission(cycleId, party);
        return submissions(cycleId, List.of(institutionId), targets, groups, party).getFirst();
    }

    /** An evidence file, under the same rule as the submission it belongs to. */
    public EvidenceFile evidenceFile(long cycleId, long evidenceId) {
        var item = store.evidenceItem(evidenceId).filter(e -> e.cycleId() == cycleId)
                .orElseThrow(() -> UserFacingException.notFound("review.evidence.notFound", evidenceId));
        var groups = groups(evaluations.targets(item.cycleId()));
        Party party = permissions.party(actors.current(), item.institutionId(), null, groups);
        requireViewSubmission(item.cycleId(), party);
        return new EvidenceFile(item.fileName(), item.contentType(), store.evidenceContent(evidenceId));
    }

    private void requireViewSubmission(long cycleId, Party party) {
        if (party == Party.SAME_GROUP) {
            requireViewingOpen(cycleId);
        } else if (!permissions.canViewSubmission(party, stages(cycleId))) {
            throw forbidden();
        }
    }

    private void requireViewingOpen(long cycleId) {
        if (!permissions.canViewSubmission(Party.SAME_GROUP, stages(cycleId))) {
            cycleStages.requireOpen(cycleId, CycleStage.MUTUAL_VIEWING); // throws with the dates
        }
    }

    private List<SubmissionView> submissions(long cycleId, List<Long> institutionIds, List<CycleTarget> targets,
            Map<Long, String> groups, Party party) {
        Map<Long, String> names = new HashMap<>();
        targets.forEach(t -> names.put(t.institutionId(), t.name()));
        boolean marks = permissions.canSeeVerification(party);
        Map<Long, List<CaseSummaryView>> cases = new HashMap<>();
        store.caseSummaries(cycleId, institutionIds).forEach(c -> cases.computeIfAbsent(c.institutionId(), k -> new ArrayList<>())
                .add(new CaseSummaryView(c.indicatorCode(), c.indicatorName(), c.title(), c.body(), c.writtenAt())));
        Map<Long, List<EvidenceView>> evidence = new HashMap<>();
        store.evidence(cycleId, institutionIds).forEach(e -> evidence.computeIfAbsent(e.institutionId(), k -> new ArrayList<>())
                .add(evidenceView(e, names, marks)));
        List<SubmissionView> views = new ArrayList<>();
        targets.stream().filter(t -> institutionIds.contains(t.institutionId())).forEach(t -> views.add(new SubmissionView(
                t.institutionId(), t.name(), t.group(), cases.getOrDefault(t.institutionId(), List.of()),
                evidence.getOrDefault(t.institutionId(), List.of()))));
        return views;
    }

    private static EvidenceView evidenceView(ObjectionStore.Evidence e, Map<Long, String> names, boolean marks) {
        return new EvidenceView(e.id(), e.institutionId(), names.getOrDefault(e.institutionId(), ""), e.indicatorCode(),
                e.indicatorName(), e.fileName(), e.contentType(), e.sizeBytes(), e.uploadedAt(),
                marks ? e.verification() : null, marks ? e.note() : null);
    }

    // --- 이의신청 ---

    /** Files an objection against another institution of the caller's group; returns its id. */
    @Transactional
    public long file(long cycleId, NewObjection objection) {
        Actor actor = actors.current();
        var targets = evaluations.targets(cycleId);
        var groups = groups(targets);
        Set<Long> mine = permissions.institutions(actor);
        Long objector = objection.objectorInstitutionId();
        if (objector == null) {
            var candidates = targets.stream().map(CycleTarget::institutionId).filter(mine::contains).toList();
            objector = candidates.size() == 1 ? candidates.getFirst() : null;
        }
        if (objector == null || !mine.contains(objector) || !groups.containsKey(objector)) {
            throw forbidden();
        }
        if (!groups.containsKey(objection.targetInstitutionId())) {
            throw UserFacingException.notFound("review.institution.notTarget", objection.targetInstitutionId());
        }
        if (objection.targetInstitutionId() == objector) {
            throw UserFacingException.badInput("review.objection.self");
        }
        if (!groups.get(objector).equals(groups.get(objection.targetInstitutionId()))) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "review.objection.otherGroup");
        }
        cycleStages.requireOpen(cycleId, CycleStage.OBJECTION);
        String reason = text(objection.reason(), "review.objection.reason");
        var indicator = store.indicator(cycleId, objection.indicatorCode() == null ? "" : objection.indicatorCode())
                .orElseThrow(() -> UserFacingException.badInput("evaluation.value.unknownIndicator", objection.indicatorCode()));
        long id = store.insertObjection(cycleId, objector, objection.targetInstitutionId(), indicator.id(), reason, actor.id());
        events.publishEvent(new ObjectionFiled(cycleId, id, objector, objection.targetInstitutionId(), indicator.code()));
        return id;
    }

    /** The objections the caller may see in a cycle: all for administrators, else those filed by or against them. */
    public List<ObjectionView> objections(long cycleId) {
        Actor actor = actors.current();
        var groups = groups(evaluations.targets(cycleId));
        var stages = stages(cycleId);
        var rule = store.rule(cycleId);
        var rows = permissions.isAdmin(actor) ? store.objections(cycleId)
                : store.objectionsInvolving(cycleId, permissions.institutions(actor));
        List<ObjectionView> views = new ArrayList<>();
        for (var row : rows) {
            Party party = permissions.party(actor, row.targetId(), row.objectorId(), groups);
            if (permissions.canSeeObjection(party, stages)) {
                views.add(view(row, party, stages, rule));
            }
        }
        return views;
    }

    public ObjectionView objection(long cycleId, long objectionId) {
        var row = visibleRow(cycleId, objectionId);
        var party = permissions.party(actors.current(), row.targetId(), row.objectorId(), groups(evaluations.targets(row.cycleId())));
        return view(row, party, stages(row.cycleId()), store.rule(row.cycleId()));
    }

    private ObjectionStore.ObjectionRow visibleRow(long cycleId, long objectionId) {
        var row = store.objection(objectionId).filter(o -> o.cycleId() == cycleId)
                .orElseThrow(() -> UserFacingException.notFound("review.objection.notFound", objectionId));
        var party = permissions.party(actors.current(), row.targetId(), row.objectorId(), groups(evaluations.targets(row.cycleId())));
        if (!permissions.canSeeObjection(party, stages(row.cycleId()))) {
            // not yet (or never) the caller's to see: as if it did not exist
            throw UserFacingException.notFound("review.objection.notFound", objectionId);
        }
        return row;
    }

    private ObjectionView view(ObjectionStore.ObjectionRow r, Party party, Stages stages, ObjectionStore.Rule rule) {
        boolean objector = permissions.canSeeObjector(party, rule.objectorHidden());
        boolean answer = permissions.canSeeAnswer(party, stages, r.ruling() != null) && r.answer() != null;
        boolean ruling = permissions.canSeeRuling(party) && r.ruling() != null;
        Ruling ruled = ruling ? Ruling.valueOf(r.ruling()) : null;
        String state = ruled != null ? ruled.name() : answer ? "ANSWERED" : "FILED";
        return new ObjectionView(r.id(), r.cycleId(), r.indicatorCode(), r.indicatorName(), r.targetId(), r.targetName(),
                objector ? r.objectorId() : null, objector ? r.objectorName() : null, r.reason(), r.filedAt(),
                answer ? r.answer() : null, answer ? r.answeredAt() : null, ruled, ruling ? r.rulingReason() : null,
                ruling ? r.oldValue() : null, ruling ? r.newValue() : null, ruling ? r.ruledAt() : null, state, party,
                permissions.canAnswer(party, stages) && r.ruling() == null, permissions.canRule(party, stages) && r.ruling() == null);
    }

    // --- 검토의견 ---

    /** The objected-to institution answers (or rewrites its answer) while the answer stage is open. */
    @Transactional
    public void answer(long cycleId, long objectionId, String answer) {
        var row = visibleRow(cycleId, objectionId);
        Party party = permissions.party(actors.current(), row.targetId(), row.objectorId(), groups(evaluations.targets(row.cycleId())));
        if (party != Party.OBJECTED_TO) {
            throw forbidden();
        }
        cycleStages.requireOpen(row.cycleId(), CycleStage.OBJECTION_ANSWER);
        if (row.ruling() != null) {
            throw UserFacingException.conflict("review.objection.ruled");
        }
        store.answer(objectionId, text(answer, "review.answer.text"), actors.current().id());
        events.publishEvent(new ObjectionAnswered(row.cycleId(), objectionId, row.targetId()));
    }

    // --- 판정 ---

    /**
     * The administrator's ruling, final once given. An upheld (or partly upheld) ruling may correct the objected-to
     * institution's value of the indicator: the old and new value and the reason are kept and published, and the next
     * result run uses the new value.
     */
    @Transactional
    public void rule(long cycleId, long objectionId, @Nullable Ruling ruling, String reason, @Nullable BigDecimal newValue) {
        requireAdmin();
        var row = store.objection(objectionId).filter(o -> o.cycleId() == cycleId)
                .orElseThrow(() -> UserFacingException.notFound("review.objection.notFound", objectionId));
        cycleStages.requireOpen(row.cycleId(), CycleStage.RULING);
        if (ruling == null) {
            throw UserFacingException.badInput("review.ruling.required");
        }
        String why = text(reason, "review.ruling.reason");
        if (row.ruling() != null) {
            throw UserFacingException.conflict("review.objection.ruled");
        }
        BigDecimal old = null;
        if (newValue != null) {
            if (ruling == Ruling.DISMISSED) {
                throw UserFacingException.badInput("review.ruling.dismissedNoValue");
            }
            requireEnteredValue(row.indicatorKind(), row.indicatorCode());
            old = evaluations.correctValue(row.cycleId(), row.targetId(), row.indicatorCode(), newValue,
                    "이의신청 " + objectionId + " " + ruling.korean() + ": " + why);
            store.insertCorrection(row.cycleId(), row.targetId(), row.indicatorCode(), "RULING", objectionId, "CORRECTED",
                    old, newValue, why, actors.current().id());
        }
        if (!store.rule(objectionId, ruling.name(), why, old, newValue, actors.current().id())) {
            throw UserFacingException.conflict("review.objection.ruled");
        }
        events.publishEvent(new ObjectionRuled(row.cycleId(), objectionId, row.targetId(), row.indicatorCode(), ruling.name(),
                why, old, newValue));
    }

    private static void requireEnteredValue(String indicatorKind, String indicatorCode) {
        if (indicatorKind.equals("QUALITATIVE")) {
            throw UserFacingException.badInput("review.value.panelScored", indicatorCode);
        }
    }

    // --- 집합검증 ---

    /** Every evidence item of the cycle with its mark, for the administrator's verification page. */
    public List<EvidenceView> evidenceForVerification(long cycleId) {
        requireAdmin();
        Map<Long, String> names = new HashMap<>();
        evaluations.targets(cycleId).forEach(t -> names.put(t.institutionId(), t.name()));
        return store.evidence(cycleId).stream().map(e -> evidenceView(e, names, true)).toList();
    }

    /**
     * Marks an evidence item once, while the verification stage is open. CORRECTED carries the corrected value (for an
     * indicator with entered values) and a note; REJECTED a reason, and when the indicator needs evidence (the
     * submission rules: the framework's {@code evidence_required}, or their default) and is left without any accepted
     * item, the cycle's rule applies: ZERO sets the entered value to 0, FLAG (and any panel-scored indicator) flags it
     * for the administrator; either way it is recorded with the old value.
     */
    @Transactional
    public void verify(long cycleId, long evidenceId, @Nullable EvidenceMark mark, @Nullable String note,
            @Nullable BigDecimal correctedValue) {
        requireAdmin();
        var item = store.evidenceItem(evidenceId).filter(e -> e.cycleId() == cycleId)
                .orElseThrow(() -> UserFacingException.notFound("review.evidence.notFound", evidenceId));
        cycleStages.requireOpen(item.cycleId(), CycleStage.VERIFICATION);
        if (mark == null) {
            throw UserFacingException.badInput("review.verification.mark");
        }
        if (!item.verification().equals("PENDING")) {
            throw UserFacingException.conflict("review.verification.marked");
        }
        String cleaned = note == null || note.isBlank() ? null : text(note, "review.verification.note");
        var indicator = store.indicator(item.cycleId(), item.indicatorCode()).orElseThrow();
        String by = actors.current().id();
        switch (mark) {
            case VERIFIED -> {
                if (correctedValue != null) {
                    throw UserFacingException.badInput("review.verification.valueOnlyCorrected");
                }
            }
            case CORRECTED -> {
                if (cleaned == null) {
                    throw UserFacingException.badInput("review.verification.note");
                }
                if (correctedValue != null) {
                    requireEnteredValue(indicator.kind(), indicator.code());
                    BigDecimal old = evaluations.correctValue(item.cycleId(), item.institutionId(), item.indicatorCode(),
                            correctedValue, "집합검증 증빙 " + evidenceId + " 정정: " + cleaned);
                    store.insertCorrection(item.cycleId(), item.institutionId(), item.indicatorCode(), "VERIFICATION",
                            evidenceId, "CORRECTED", old, correctedValue, cleaned, by);
                }
            }
            case REJECTED -> {
                if (cleaned == null) {
                    throw UserFacingException.badInput("review.verification.note");
                }
                if (correctedValue != null) {
                    throw UserFacingException.badInput("review.verification.valueOnlyCorrected");
                }
            }
        }
        store.markEvidence(evidenceId, mark.name(), cleaned, by);
        var old = store.value(item.cycleId(), item.institutionId(), item.indicatorCode()).orElse(null);
        var needs = submissionRules.forCycle(item.cycleId()).get(item.indicatorCode());
        boolean required = needs != null && needs.needsEvidence(old != null);
        if (mark == EvidenceMark.REJECTED && required
                && store.acceptedEvidence(item.cycleId(), item.institutionId(), item.indicatorCode()) == 0) {
            boolean zero = store.rule(item.cycleId()).rejectedEvidence().equals("ZERO") && !indicator.kind().equals("QUALITATIVE")
                    && old != null;
            if (zero) {
                evaluations.correctValue(item.cycleId(), item.institutionId(), item.indicatorCode(), BigDecimal.ZERO,
                        "집합검증 증빙 " + evidenceId + " 불인정: " + cleaned);
            }
            store.insertCorrection(item.cycleId(), item.institutionId(), item.indicatorCode(), "VERIFICATION", evidenceId,
                    zero ? "ZEROED" : "FLAGGED", old, zero ? BigDecimal.ZERO : null, cleaned, by);
        }
        events.publishEvent(new EvidenceVerified(item.cycleId(), evidenceId, item.institutionId(), item.indicatorCode(),
                mark.name(), cleaned));
    }

    /** Values changed or flagged by rulings and the verification, for administrators. */
    public List<CorrectionView> corrections(long cycleId) {
        requireAdmin();
        evaluations.cycleLabel(cycleId);
        return store.corrections(cycleId).stream().map(c -> new CorrectionView(c.institutionId(), c.institutionName(),
                c.indicatorCode(), c.indicatorName(), c.source(), c.sourceId(), c.kind(), c.oldValue(), c.newValue(),
                c.reason(), c.correctedAt())).toList();
    }

    /** Where the cycle's stages stand now. */
    public Stages stages(long cycleId) {
        return Stages.at(cycleStages.stages(cycleId), cycleStages.now());
    }

    // --- helpers ---

    private static Map<Long, String> groups(List<CycleTarget> targets) {
        Map<Long, String> groups = new LinkedHashMap<>();
        targets.forEach(t -> groups.put(t.institutionId(), t.group()));
        return groups;
    }

    private static String text(@Nullable String text, String key) {
        if (text == null || text.isBlank()) {
            throw UserFacingException.badInput(key, MAX_TEXT);
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_TEXT) {
            throw UserFacingException.badInput(key, MAX_TEXT);
        }
        return stripped;
    }

    private void requireAdmin() {
        if (!permissions.isAdmin(actors.current())) {
            throw forbidden();
        }
    }

    private static UserFacingException forbidden() {
        return new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
    }
}
