package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Digests;
import org.pyeongga.core.Role;
import org.pyeongga.core.Texts;
import org.pyeongga.core.UserFacingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Institutions' submissions for a cycle: indicator owners enter values (offered pre-filled where another module knows
 * them), upload evidence (type judged by content, size-limited per file and per institution) and write 성과요약서; the
 * coordinator confirms the whole submission once nothing required is missing. Everything is changeable only while the
 * SUBMISSION stage is open and the submission is not confirmed ({@link SubmissionLock}); a program administrator can
 * still correct values afterwards, with a reason the audit trail keeps.
 */
@Service
public class Submissions {

    /** Length limits of a 성과요약서, as the table's checks. */
    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 4000;
    public static final int REASON_MAX = 500;

    private final SubmissionStore store;
    private final EvaluationStore evaluationStore;
    private final Evaluations evaluations;
    private final SubmissionLock lock;
    private final SubmissionRules rules;
    private final CycleStages stages;
    private final EvaluationPermissions permissions;
    private final CurrentActor actors;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<KnownIndicatorValues> known;
    private final Texts texts;
    private volatile long maxFileBytes;
    private volatile long maxInstitutionBytes;

    Submissions(SubmissionStore store, EvaluationStore evaluationStore, Evaluations evaluations, SubmissionLock lock,
            SubmissionRules rules,
            CycleStages stages, EvaluationPermissions permissions, CurrentActor actors, ApplicationEventPublisher events,
            ObjectProvider<KnownIndicatorValues> known, Texts texts,
            @Value("${pyeongga.submission.max-file-size:20MB}") DataSize maxFile,
            @Value("${pyeongga.submission.max-institution-size:200MB}") DataSize maxInstitution) {
        this.store = store;
        this.evaluationStore = evaluationStore;
        this.evaluations = evaluations;
        this.lock = lock;
        this.rules = rules;
        this.stages = stages;
        this.permissions = permissions;
        this.actors = actors;
        this.events = events;
        this.known = known;
        this.texts = texts;
        this.maxFileBytes = maxFile.toBytes();
        this.maxInstitutionBytes = maxInstitution.toBytes();
    }

    /** For tests: other limits (bytes); returns the previous ones. */
    long[] useLimits(long fileBytes, long institutionBytes) {
        long[] previous = {maxFileBytes, maxInstitutionBytes};
        maxFileBytes = fileBytes;
        maxInstitutionBytes = institutionBytes;
        return previous;
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    public long maxInstitutionBytes() {
        return maxInstitutionBytes;
    }

    // ---------------------------------------------------------------- reading

    /** What is required of one indicator and what is missing. */
    public enum Need {
        VALUE("값", "value"),
        EVIDENCE("증빙", "evidence"),
        SUMMARY("성과요약서", "case summary");

        private final String korean;
        private final String english;

        Need(String korean, String english) {
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

    public record Missing(String indicatorCode, String indicatorName, Need need) {}

    public record Evidence(long id, String indicatorCode, String fileName, EvidenceType type, long sizeBytes, String sha256,
            Instant uploadedAt, String verification) {}

    /** One indicator of the form: what the institution entered, what is offered, what it needs. */
    public record Row(IndicatorSpec indicator, boolean entersValue, boolean valueRequired, @Nullable BigDecimal value,
            KnownIndicatorValues.@Nullable KnownValue offered, boolean acceptsEvidence, boolean evidenceRequired,
            @Nullable String evidenceNote, List<Evidence> evidence, boolean acceptsSummary, @Nullable String summaryTitle, @Nullable String summaryBody) {

        /** The value to show in the form: the entered one, else the offered one. */
        public @Nullable BigDecimal shownValue() {
            return value != null ? value : offered != null ? offered.value() : null;
        }
    }

    /**
     * One institution's submission as its people (or an administrator) see it.
     *
     * @param locked why it cannot be changed now, in the reader's language (null when it can)
     */
    public record View(long cycleId, String cycleLabel, long institutionId, String institutionName, @Nullable StageWindow window,
            boolean confirmed, @Nullable String confirmedBy, @Nullable Instant confirmedAt, @Nullable String locked,
            boolean canEdit, boolean canConfirm, boolean canWithdraw, boolean canCorrect, List<Row> rows, List<Missing> missing,
            long totalBytes, long maxFileBytes, long maxInstitutionBytes) {

        /** The evidence stored so far, as people read sizes: "4 KB", "1.3 MB". */
        public String totalShown() {
            return totalBytes < 1024 * 1024 ? Math.ceilDiv(totalBytes, 1024) + " KB" : megabytes(totalBytes);
        }

        public List<Row> valueRows() {
            return rows.stream().filter(Row::entersValue).toList();
        }

        public List<Row> summaryRows() {
            return rows.stream().filter(Row::acceptsSummary).toList();
        }

        public List<Row> evidenceRows() {
            return rows.stream().filter(Row::acceptsEvidence).toList();
        }
    }

    public View view(long cycleId, long institutionId) {
        Actor actor = actors.current();
        requireView(actor, institutionId);
        var cycle = cycle(cycleId);
        String name = targetName(cycleId, institutionId);
        var values = store.values(cycleId, institutionId);
        var summaries = store.caseSummaries(cycleId, institutionId);
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        for (var e : store.evidence(cycleId, institutionId)) {
            evidence.computeIfAbsent(e.indicatorCode(), k -> new ArrayList<>()).add(new Evidence(e.id(), e.indicatorCode(),
                    e.fileName(), e.type(), e.sizeBytes(), e.sha256(), e.uploadedAt(), e.verification()));
        }
        List<Row> rows = new ArrayList<>();
        for (SubmissionRules.Rule rule : rules.forCycle(cycleId).values()) {
            IndicatorSpec spec = rule.indicator();
            var value = values.get(spec.code());
            var summary = summaries.get(spec.code());
            KnownIndicatorValues.KnownValue offered = rule.entersValue() ? offered(cycle, institutionId, spec).orElse(null) : null;
            rows.add(new Row(spec, rule.entersValue(), rule.valueRequired(), value == null ? null : value.value(), offered,
                    rule.acceptsEvidence(), rule.needsEvidence(value != null), rule.evidenceNote(),
                    evidence.getOrDefault(spec.code(), List.of()), rule.acceptsSummary(),
                    summary == null ? null : summary.title(), summary == null ? null : summary.body()));
        }
        var status = store.status(cycleId, institutionId);
        boolean confirmed = status.map(SubmissionStore.Status::confirmed).orElse(false);
        var why = lock.whyLocked(cycleId, institutionId);
        boolean member = isMember(actor, institutionId);
        boolean coordinator = isCoordinator(actor, institutionId);
        boolean stageOpen = stages.isOpen(cycleId, CycleStage.SUBMISSION);
        return new View(cycleId, cycle.label(), institutionId, name, stages.window(cycleId, CycleStage.SUBMISSION).orElse(null),
                confirmed, status.map(SubmissionStore.Status::confirmedBy).orElse(null),
                status.map(SubmissionStore.Status::confirmedAt).orElse(null),
                why.map(this::text).orElse(null), member && why.isEmpty(),
                coordinator && why.isEmpty(), coordinator && confirmed && stageOpen, permissions.canManage(actor), rows,
                missing(rows), store.totalBytes(cycleId, institutionId), maxFileBytes, maxInstitutionBytes);
    }

    /** In the request's language; Korean outside a request. */
    private String text(UserFacingException e) {
        return org.springframework.context.i18n.LocaleContextHolder.getLocaleContext() != null
                ? texts.current(e.messageKey(), e.args()) : texts.korean(e.messageKey(), e.args());
    }

    /** What must still be there before the coordinator can confirm. */
    static List<Missing> missing(List<Row> rows) {
        List<Missing> missing = new ArrayList<>();
        for (Row row : rows) {
            IndicatorSpec spec = row.indicator();
            if (row.valueRequired() && row.value() == null) {
                missing.add(new Missing(spec.code(), spec.name(), Need.VALUE));
            }
            if (row.acceptsSummary() && row.summaryTitle() == null) {
                missing.add(new Missing(spec.code(), spec.name(), Need.SUMMARY));
            }
            if (row.evidenceRequired() && row.evidence().isEmpty()) {
                missing.add(new Missing(spec.code(), spec.name(), Need.EVIDENCE));
            }
        }
        return missing;
    }

    Optional<KnownIndicatorValues.KnownValue> offered(EvaluationStore.CycleRow cycle, long institutionId,
            IndicatorSpec spec) {
        var question = new KnownIndicatorValues.Question(cycle.id(), institutionId, spec.code(), spec.name(), cycle.from(),
                cycle.to());
        return known.orderedStream().map(k -> k.valueFor(question)).flatMap(Optional::stream).findFirst();
    }

    // ---------------------------------------------------------------- changing

    /** Enters (or changes) the institution's values; the lock is enforced by {@link Evaluations#enterValues}. */
    @Transactional
    public void enterValues(long cycleId, long institutionId, Map<String, BigDecimal> values) {
        requireMember(actors.current(), institutionId);
        if (values.isEmpty()) {
            return;
        }
        evaluations.enterValues(cycleId, institutionId, values);
        store.touch(cycleId, institutionId);
    }

    /** Stores an evidence file for one indicator; returns its id. The type comes from the content; the name must agree. */
    @Transactional
    public long addEvidence(long cycleId, long institutionId, String indicatorCode, @Nullable String originalName,
            byte[] content) {
        Actor actor = actors.current();
        requireMember(actor, institutionId);
        requireTarget(cycleId, institutionId);
        lock.requireChangeable(cycleId, institutionId);
        var rule = rule(cycleId, indicatorCode);
        IndicatorSpec spec = rule.indicator();
        if (!rule.acceptsEvidence()) {
            throw UserFacingException.badInput("submission.evidence.notAccepted", spec.code() + " " + spec.name());
        }
        String fileName = cleanFileName(originalName);
        if (content.length == 0) {
            throw UserFacingException.badInput("submission.evidence.empty", fileName);
        }
        if (content.length > maxFileBytes) {
            throw new UserFacingException(HttpStatus.CONTENT_TOO_LARGE, "submission.evidence.fileTooLarge", fileName,
                    megabytes(content.length), megabytes(maxFileBytes));
        }
        EvidenceType type = EvidenceType.detect(content)
                .orElseThrow(() -> UserFacingException.badInput("submission.evidence.unknownType", fileName));
        EvidenceType claimed = EvidenceType.claimedBy(fileName)
                .orElseThrow(() -> UserFacingException.badInput("submission.evidence.extension", fileName));
        if (claimed != type) {
            throw UserFacingException.badInput("submission.evidence.mismatch", fileName, claimed.name(), type.name());
        }
        long total = store.totalBytes(cycleId, institutionId);
        if (total + content.length > maxInstitutionBytes) {
            throw new UserFacingException(HttpStatus.CONTENT_TOO_LARGE, "submission.evidence.quotaExceeded", fileName,
                    megabytes(maxInstitutionBytes), megabytes(total));
        }
        String sha = Digests.sha256Hex(content);
        long id = store.insertEvidence(cycleId, institutionId, spec.code(), fileName, type, content, sha, actor.id())
                .orElseThrow(() -> UserFacingException.badInput("evaluation.value.unknownIndicator", indicatorCode));
        store.touch(cycleId, institutionId);
        events.publishEvent(new SubmissionEvents.SubmissionEvidenceAdded(cycleId, institutionId, spec.code(), id, fileName,
                type, content.length, sha));
        return id;
    }

    @Transactional
    public void removeEvidence(long cycleId, long institutionId, long evidenceId) {
        requireMember(actors.current(), institutionId);
        lock.requireChangeable(cycleId, institutionId);
        String name = store.deleteEvidence(cycleId, institutionId, evidenceId)
                .orElseThrow(() -> UserFacingException.notFound("submission.evidence.notFound", evidenceId));
        store.touch(cycleId, institutionId);
        events.publishEvent(new SubmissionEvents.SubmissionEvidenceRemoved(cycleId, institutionId, evidenceId, name));
    }

    /** An evidence file's content, for the institution's own people and administrators only. */
    public record EvidenceFile(String fileName, EvidenceType type, byte[] content) {}

    public EvidenceFile evidenceFile(long cycleId, long institutionId, long evidenceId) {
        requireView(actors.current(), institutionId);
        var file = store.evidenceFile(cycleId, institutionId, evidenceId)
                .orElseThrow(() -> UserFacingException.notFound("submission.evidence.notFound", evidenceId));
        return new EvidenceFile(file.fileName(), file.type(), file.content());
    }

    /** Writes (or rewrites) the 성과요약서 of a qualitative indicator. */
    @Transactional
    public void writeCaseSummary(long cycleId, long institutionId, String indicatorCode, @Nullable String title,
            @Nullable String body) {
        Actor actor = actors.current();
        requireMember(actor, institutionId);
        requireTarget(cycleId, institutionId);
        lock.requireChangeable(cycleId, institutionId);
        var rule = rule(cycleId, indicatorCode);
        IndicatorSpec spec = rule.indicator();
        if (!rule.acceptsSummary()) {
            throw UserFacingException.badInput("submission.summary.notQualitative", spec.code() + " " + spec.name());
        }
        String t = title == null ? "" : title.strip();
        String b = body == null ? "" : body.strip().replace("\r\n", "\n");
        if (t.isEmpty() || t.length() > TITLE_MAX) {
            throw UserFacingException.badInput("submission.summary.title", TITLE_MAX, t.length());
        }
        if (b.isEmpty() || b.length() > BODY_MAX) {
            throw UserFacingException.badInput("submission.summary.body", BODY_MAX, b.length());
        }
        store.upsertCaseSummary(cycleId, institutionId, spec.code(), t, b, actor.id());
        store.touch(cycleId, institutionId);
        events.publishEvent(new SubmissionEvents.SubmissionCaseSummaryWritten(cycleId, institutionId, spec.code(), t, b.length()));
    }

    /** The coordinator confirms the whole submission; refused with the list of what is missing. */
    @Transactional
    public void confirm(long cycleId, long institutionId) {
        Actor actor = actors.current();
        requireCoordinator(actor, institutionId);
        requireTarget(cycleId, institutionId);
        lock.requireChangeable(cycleId, institutionId);
        List<Missing> missing = view(cycleId, institutionId).missing();
        if (!missing.isEmpty()) {
            throw UserFacingException.conflict("submission.confirm.incomplete", missing.size(), describe(missing));
        }
        if (!store.confirm(cycleId, institutionId, actor.id())) {
            throw UserFacingException.conflict("submission.confirm.already");
        }
        events.publishEvent(new SubmissionEvents.SubmissionConfirmed(cycleId, institutionId));
    }

    /** The coordinator withdraws the confirmation, before the deadline only. */
    @Transactional
    public void withdraw(long cycleId, long institutionId) {
        requireCoordinator(actors.current(), institutionId);
        requireTarget(cycleId, institutionId);
        store.lockInstitution(cycleId, institutionId);
        lock.requireStageOpen(cycleId);
        if (!store.withdraw(cycleId, institutionId)) {
            throw UserFacingException.conflict("submission.withdraw.notConfirmed");
        }
        events.publishEvent(new SubmissionEvents.SubmissionConfirmationWithdrawn(cycleId, institutionId));
    }

    /** A program administrator corrects values at any time (also after the deadline or a confirmation), with a reason. */
    @Transactional
    public void correct(long cycleId, long institutionId, Map<String, BigDecimal> values, @Nullable String reason) {
        permissions.requireManage();
        requireTarget(cycleId, institutionId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            throw UserFacingException.badInput("submission.correction.reason", REASON_MAX);
        }
        if (values.isEmpty()) {
            throw UserFacingException.badInput("submission.correction.empty");
        }
        var before = store.values(cycleId, institutionId);
        Map<String, String> previous = new TreeMap<>();
        values.keySet().forEach(code -> previous.put(code, before.containsKey(code) ? before.get(code).value().toPlainString() : ""));
        evaluations.enterValues(cycleId, institutionId, values);
        events.publishEvent(new SubmissionEvents.SubmissionCorrectedByAdministrator(cycleId, institutionId, values, previous, why));
    }

    // ---------------------------------------------------------------- lists

    /** A cycle the signed-in person's institution submits to. */
    public record MyCycle(long cycleId, String programName, String label, long institutionId, String institutionName,
            Instant opensAt, Instant closesAt, boolean open, boolean confirmed) {}

    public List<MyCycle> myCycles() {
        Actor actor = actors.current();
        Set<Long> institutions = actor.memberships().stream()
                .filter(m -> m.institutionId() != null
                        && (m.role() == Role.INDICATOR_OWNER || m.role() == Role.INSTITUTION_COORDINATOR))
                .map(m -> m.institutionId()).collect(Collectors.toSet());
        Instant now = stages.now();
        return store.cyclesFor(institutions).stream().map(c -> new MyCycle(c.cycleId(), c.programName(), c.label(),
                c.institutionId(), c.institutionName(), c.opensAt(), c.closesAt(),
                !now.isBefore(c.opensAt()) && now.isBefore(c.closesAt()), "CONFIRMED".equals(c.status()))).toList();
    }

    /** A cycle with a submission stage, for administrators. */
    public record StagedCycle(long cycleId, String programName, String label, Instant opensAt, Instant closesAt) {}

    public List<StagedCycle> stagedCycles() {
        permissions.requireManage();
        return store.stagedCycles().stream().map(c -> new StagedCycle(c.cycleId(), c.programName(), c.label(), c.opensAt(),
                c.closesAt())).toList();
    }

    /** Where one target institution stands: CONFIRMED, DRAFT (something entered) or MISSING (nothing yet). */
    public record InstitutionProgress(long institutionId, String group, String name, String state, @Nullable Instant confirmedAt,
            int values, int evidence, int summaries) {}

    public record Progress(long cycleId, String label, @Nullable StageWindow window, List<InstitutionProgress> institutions) {

        public long count(String state) {
            return institutions.stream().filter(i -> i.state().equals(state)).count();
        }
    }

    public Progress progress(long cycleId) {
        permissions.requireManage();
        var cycle = cycle(cycleId);
        var rows = store.progress(cycleId).stream().map(p -> new InstitutionProgress(p.institutionId(), p.group(), p.name(),
                "CONFIRMED".equals(p.status()) ? "CONFIRMED"
                        : p.status() != null || p.values() + p.evidence() + p.summaries() > 0 ? "DRAFT" : "MISSING",
                p.confirmedAt(), p.values(), p.evidence(), p.summaries())).toList();
        return new Progress(cycleId, cycle.label(), stages.window(cycleId, CycleStage.SUBMISSION).orElse(null), rows);
    }

    // ---------------------------------------------------------------- rules

    public boolean canView(Actor actor, long institutionId) {
        return permissions.canManage(actor) || isMember(actor, institutionId);
    }

    static boolean isMember(Actor actor, long institutionId) {
        return actor.memberships().stream().anyMatch(m -> m.institutionId() != null && m.institutionId() == institutionId
                && (m.role() == Role.INDICATOR_OWNER || m.role() == Role.INSTITUTION_COORDINATOR));
    }

    static boolean isCoordinator(Actor actor, long institutionId) {
        return actor.memberships().stream().anyMatch(m -> m.institutionId() != null && m.institutionId() == institutionId
                && m.role() == Role.INSTITUTION_COORDINATOR);
    }

    private void requireView(Actor actor, long institutionId) {
        if (!canView(actor, institutionId)) {
            throw forbidden(actor);
        }
    }

    private static void requireMember(Actor actor, long institutionId) {
        if (!isMember(actor, institutionId)) {
            throw forbidden(actor);
        }
    }

    private static void requireCoordinator(Actor actor, long institutionId) {
        if (!isCoordinator(actor, institutionId)) {
            throw forbidden(actor);
        }
    }

    private static UserFacingException forbidden(Actor actor) {
        return actor.kind() == Actor.Kind.ANONYMOUS
                ? new UserFacingException(HttpStatus.UNAUTHORIZED, "error.unauthorized")
                : new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    private void requireTarget(long cycleId, long institutionId) {
        cycle(cycleId);
        if (!evaluationStore.isTarget(cycleId, institutionId)) {
            throw UserFacingException.badInput("evaluation.value.notTarget");
        }
    }

    private String targetName(long cycleId, long institutionId) {
        return evaluationStore.targets(cycleId).stream().filter(t -> t.institutionId() == institutionId).findFirst()
                .map(EvaluationStore.Target::name)
                .orElseThrow(() -> UserFacingException.notFound("submission.notTarget", institutionId));
    }

    private SubmissionRules.Rule rule(long cycleId, String code) {
        var rule = rules.forCycle(cycleId).get(code);
        if (rule == null) {
            throw UserFacingException.badInput("evaluation.value.unknownIndicator", code);
        }
        return rule;
    }

    private EvaluationStore.CycleRow cycle(long cycleId) {
        return evaluationStore.cycle(cycleId).orElseThrow(() -> UserFacingException.notFound("evaluation.cycle.notFound", cycleId));
    }

    /** "A1 실행계획 수립(값, 증빙), A13 대표 우수사례(성과요약서)": the missing items grouped per indicator. */
    static String describe(List<Missing> missing) {
        Map<String, List<String>> byIndicator = new LinkedHashMap<>();
        missing.forEach(m -> byIndicator.computeIfAbsent(m.indicatorCode() + " " + m.indicatorName(), k -> new ArrayList<>())
                .add(m.need().korean()));
        return byIndicator.entrySet().stream().map(e -> e.getKey() + "(" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining("; "));
    }

    /** File names are kept for people to read: no path, no control characters, at most 255 characters. */
    static String cleanFileName(@Nullable String name) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}]", "").strip();
        if (n.isEmpty()) {
            n = "file";
        }
        if (n.length() > 255) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, 255 - ext.length()) + ext;
        }
        return n;
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
