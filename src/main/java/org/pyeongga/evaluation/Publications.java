package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.scoring.EvaluatorMethod;
import org.pyeongga.scoring.Explanation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Result runs as the administrator reviews them (each kept with its evaluator normalization; one is chosen; two can be
 * compared), their publication (posting period, legal basis, method; results frozen afterwards), and what the public
 * sees once a cycle is published: grades by group, winners, each institution's explanation with its panel scores
 * anonymized, and its history across the program's published cycles. Unpublished cycles do not exist for the public.
 */
@Service
public class Publications {

    static final int LEGAL_BASIS_MAX = 2000;
    static final int METHOD_TEXT_MAX = 4000;
    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CycleStages.SEOUL);

    private final Evaluations evaluations;
    private final EvaluationStore evaluationStore;
    private final PublicationStore store;
    private final CycleStages stages;
    private final EvaluationPermissions permissions;
    private final CurrentActor actors;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    Publications(Evaluations evaluations, EvaluationStore evaluationStore, PublicationStore store, CycleStages stages,
            EvaluationPermissions permissions, CurrentActor actors, ApplicationEventPublisher events, JsonMapper json) {
        this.evaluations = evaluations;
        this.evaluationStore = evaluationStore;
        this.store = store;
        this.stages = stages;
        this.permissions = permissions;
        this.actors = actors;
        this.events = events;
        this.json = json;
    }

    /** A kept result run: its number, note, the evaluator normalization it used, whether it is the chosen one. */
    public record RunSummary(int runNo, @Nullable String note, EvaluatorMethod method, boolean chosen, String createdBy,
            Instant createdAt) {

        /** When it was computed, in Korean time. */
        public String createdAtText() {
            return SHOWN.format(createdAt);
        }
    }

    /** What the administrator fills in to publish. */
    public record PublicationRequest(@Nullable LocalDate postingFrom, @Nullable LocalDate postingTo,
            @Nullable String legalBasis, @Nullable String methodText) {}

    /** A publication: which run, who and when, the posting period (게시 기간), the legal basis and the method text. */
    public record Publication(long cycleId, int runNo, String publishedByName, Instant publishedAt, LocalDate postingFrom,
            LocalDate postingTo, String legalBasis, String methodText) {

        /** When it was published, in Korean time. */
        public String publishedAtText() {
            return SHOWN.format(publishedAt);
        }
    }

    /** The administrator's view of a cycle's runs and publication, and whether it can be published now. */
    public record RunsOverview(long cycleId, String label, List<RunSummary> runs, @Nullable Integer chosenRun,
            @Nullable Publication publication, boolean scoringClosed, @Nullable String blockedKey) {}

    /** One institution's rank and grade in two runs; {@code moved} is positive when it moved up. */
    public record RankChange(String group, long institutionId, String name, int rankA, int rankB,
            @Nullable String gradeA, @Nullable String gradeB, BigDecimal totalA, BigDecimal totalB) {

        public int moved() {
            return rankA - rankB;
        }

        public boolean gradeChanged() {
            return !Objects.equals(gradeA, gradeB);
        }
    }

    /** Two runs side by side: the institutions whose rank or grade differs, the largest moves first. */
    public record RunComparison(int runA, EvaluatorMethod methodA, int runB, EvaluatorMethod methodB, int institutions,
            List<RankChange> changes) {

        public long gradeChanges() {
            return changes.stream().filter(RankChange::gradeChanged).count();
        }
    }

    /** A published cycle in the public list. */
    public record PublishedCycle(long cycleId, String programName, @Nullable String programNameEn, String label,
            int evaluationYear, int performanceYear, Instant publishedAt, LocalDate postingFrom, LocalDate postingTo) {

        /** The day it was published, in Korean time. */
        public LocalDate publishedDate() {
            return LocalDate.ofInstant(publishedAt, CycleStages.SEOUL);
        }
    }

    /** One institution in a published result: no rank intervals or explanation, but item scores and history. */
    public record PublicRow(long institutionId, String name, String group, int rank, BigDecimal total,
            @Nullable String grade, Map<String, BigDecimal> itemScores, Map<String, String> itemGrades,
            List<HistoryPhrase> history, boolean winner) {}

    /** A published cycle as the public sees it. */
    public record PublicResult(PublishedCycle cycle, String legalBasis, String methodText, int runNo, String gradeRule,
            String rounding, String tieRule, List<String> grades, List<String> groups, List<PublicRow> rows) {

        public List<PublicRow> group(String group) {
            return rows.stream().filter(r -> r.group().equals(group)).toList();
        }

        public List<PublicRow> winners(String group) {
            return group(group).stream().filter(PublicRow::winner).toList();
        }

        public long count(String group, String grade) {
            return group(group).stream().filter(r -> grade.equals(r.grade())).count();
        }
    }

    /** One indicator's line in a public explanation: value → normalized y → weight × y = score, by the rule. */
    public record IndicatorLine(String area, String item, @Nullable String indicatorCode, String name,
            @Nullable BigDecimal value, @Nullable BigDecimal normalized, @Nullable BigDecimal weight, BigDecimal score,
            String rule, List<PanelScore> panel) {}

    /** One anonymized evaluator's score ("평가위원 A"). */
    public record PanelScore(String evaluator, BigDecimal score) {}

    /** An institution's published result traced back to every value, weight and rule. */
    public record PublicExplanation(PublishedCycle cycle, String legalBasis, String methodText, String gradeRule,
            String rounding, String tieRule, PublicRow row, int groupSize, List<IndicatorLine> indicators,
            Explanation tree) {}

    // ---- administrators -------------------------------------------------------------------------------------------

    public RunsOverview overview(long cycleId) {
        permissions.requireManage();
        String label = evaluations.cycleLabel(cycleId);
        List<RunSummary> runs = store.runs(cycleId).stream().map(r -> new RunSummary(r.runNo(), r.note(),
                EvaluatorMethod.valueOf(r.method()), r.chosen(), r.createdBy(), r.createdAt())).toList();
        Integer chosen = store.chosenRun(cycleId).orElse(null);
        Publication publication = store.publication(cycleId).map(Publications::publication).orElse(null);
        boolean closed = stages.hasClosed(cycleId, CycleStage.SCORING);
        String blocked = publication != null ? "results.publication.already"
                : chosen == null ? "results.publication.noChosenRun"
                : !closed ? "results.publication.scoringOpen" : null;
        return new RunsOverview(cycleId, label, runs, chosen, publication, closed, blocked);
    }

    /** Computes and keeps another run with the given evaluator normalization; returns its number. */
    @Transactional
    public int rerun(long cycleId, EvaluatorMethod method, @Nullable String note) {
        permissions.requireManage();
        store.lockCycle(cycleId);
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > 200) {
            throw UserFacingException.badInput("results.run.noteTooLong", 200);
        }
        return evaluations.computeResults(cycleId, n, method);
    }

    @Transactional
    public void choose(long cycleId, int runNo) {
        permissions.requireManage();
        evaluations.cycleLabel(cycleId);
        store.lockCycle(cycleId);
        if (evaluationStore.resultsPublished(cycleId)) {
            throw UserFacingException.conflict("results.publication.frozen");
        }
        if (!store.choose(cycleId, runNo)) {
            throw UserFacingException.notFound("evaluation.run.notFound", runNo);
        }
        events.publishEvent(new ResultRunChosen(cycleId, runNo));
    }

    public RunComparison compare(long cycleId, int runA, int runB) {
        permissions.requireManage();
        CycleResult a = evaluations.result(cycleId, runA);
        CycleResult b = evaluations.result(cycleId, runB);
        Map<Long, CycleResult.Row> byId = new HashMap<>();
        b.rows().forEach(r -> byId.put(r.institutionId(), r));
        List<RankChange> changes = new ArrayList<>();
        for (var ra : a.rows()) {
            var rb = byId.get(ra.institutionId());
            if (rb != null && (ra.rank() != rb.rank() || !Objects.equals(ra.grade(), rb.grade()))) {
                changes.add(new RankChange(ra.group(), ra.institutionId(), ra.name(), ra.rank(), rb.rank(), ra.grade(),
                        rb.grade(), ra.total(), rb.total()));
            }
        }
        changes.sort(Comparator.comparing(RankChange::gradeChanged).reversed()
                .thenComparing(c -> -Math.abs(c.moved())).thenComparing(RankChange::group).thenComparing(RankChange::rankA));
        Map<Integer, EvaluatorMethod> methods = new HashMap<>();
        store.runs(cycleId).forEach(r -> methods.put(r.runNo(), EvaluatorMethod.valueOf(r.method())));
        return new RunComparison(runA, methods.get(runA), runB, methods.get(runB), a.rows().size(), changes);
    }

    /**
     * Publishes the chosen run: only administrators, only once, only after panel scoring has closed, with a posting
     * period, a legal basis and a method text. The anonymized panel scores are copied then; the results are frozen.
     */
    @Transactional
    public Publication publish(long cycleId, PublicationRequest request) {
        permissions.requireManage();
        evaluations.cycleLabel(cycleId);
        store.lockCycle(cycleId);
        if (evaluationStore.resultsPublished(cycleId)) {
            throw UserFacingException.conflict("results.publication.already");
        }
        Integer chosen = store.chosenRun(cycleId)
                .orElseThrow(() -> UserFacingException.conflict("results.publication.noChosenRun"));
        if (!stages.hasClosed(cycleId, CycleStage.SCORING)) {
            throw UserFacingException.conflict("results.publication.scoringOpen");
        }
        if (request.postingFrom() == null || request.postingTo() == null) {
            throw UserFacingException.badInput("results.publication.postingRequired");
        }
        if (request.postingTo().isBefore(request.postingFrom())) {
            throw UserFacingException.badInput("results.publication.postingOrder");
        }
        String legal = request.legalBasis() == null ? "" : request.legalBasis().strip();
        if (legal.isEmpty() || legal.length() > LEGAL_BASIS_MAX) {
            throw UserFacingException.badInput("results.publication.legalBasisRequired", LEGAL_BASIS_MAX);
        }
        String method = request.methodText() == null ? "" : request.methodText().strip();
        if (method.isEmpty() || method.length() > METHOD_TEXT_MAX) {
            throw UserFacingException.badInput("results.publication.methodRequired", METHOD_TEXT_MAX);
        }
        var actor = actors.current();
        store.insertPublication(cycleId, chosen, actor.id(), actor.name(), request.postingFrom(), request.postingTo(), legal,
                method);
        store.snapshotPanelScores(cycleId);
        events.publishEvent(new ResultsPublished(cycleId, chosen, request.postingFrom(), request.postingTo(), legal));
        return store.publication(cycleId).map(Publications::publication).orElseThrow();
    }

    // ---- the public -----------------------------------------------------------------------------------------------

    /** The published run of a cycle (for exports), or 404 as if the cycle did not exist. */
    public CycleResult publishedResult(long cycleId) {
        var publication = store.publication(cycleId).orElseThrow(Publications::notPublished);
        return evaluations.result(cycleId, publication.runNo());
    }

    public List<PublishedCycle> publishedCycles() {
        return store.publishedCycles().stream().map(Publications::published).toList();
    }

    public PublicResult publicResult(long cycleId) {
        var cycle = store.publishedCycle(cycleId).orElseThrow(Publications::notPublished);
        var publication = store.publication(cycleId).orElseThrow(Publications::notPublished);
        CycleResult result = evaluations.result(cycleId, publication.runNo());
        GradeRuleSpec spec = gradeRule(cycleId);
        Set<String> awards = HistoryPhrases.awards(spec);
        Map<Long, List<HistoryPhrase>> history = history(cycle);
        List<PublicRow> rows = new ArrayList<>();
        for (String group : ordered(result.groups())) {
            for (var r : result.group(group)) {
                rows.add(publicRow(r, history.getOrDefault(r.institutionId(), List.of()), awards));
            }
        }
        return new PublicResult(published(cycle), publication.legalBasis(), publication.methodText(), publication.runNo(),
                result.gradeRule(), result.rounding(), result.tieRule(), HistoryPhrases.order(spec),
                ordered(result.groups()), rows);
    }

    public PublicExplanation publicExplanation(long cycleId, long institutionId) {
        var cycle = store.publishedCycle(cycleId).orElseThrow(Publications::notPublished);
        var publication = store.publication(cycleId).orElseThrow(Publications::notPublished);
        CycleResult result = evaluations.result(cycleId, publication.runNo());
        var row = result.rows().stream().filter(r -> r.institutionId() == institutionId).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("results.public.institutionNotFound", institutionId));
        Map<String, BigDecimal> weights = new HashMap<>();
        evaluationStore.indicators(cycleId).forEach(i -> weights.put(i.code(), i.points()));
        Map<String, List<PanelScore>> panel = new LinkedHashMap<>();
        store.publishedPanelScores(cycleId, institutionId).forEach(p -> panel.computeIfAbsent(p.indicatorCode(),
                k -> new ArrayList<>()).add(new PanelScore(p.mark(), p.score())));
        List<IndicatorLine> lines = new ArrayList<>();
        flatten(row.explanation(), new ArrayList<>(), weights, panel, lines);
        var history = history(cycle).getOrDefault(institutionId, List.of());
        GradeRuleSpec spec = gradeRule(cycleId);
        return new PublicExplanation(published(cycle), publication.legalBasis(), publication.methodText(),
                result.gradeRule(), result.rounding(), result.tieRule(),
                publicRow(row, history, HistoryPhrases.awards(spec)), result.group(row.group()).size(), lines,
                row.explanation());
    }

    /** Each institution's history phrases in this published cycle, from the program's published cycles up to it. */
    private Map<Long, List<HistoryPhrase>> history(PublicationStore.PublishedCycleRow cycle) {
        List<PublicationStore.PublishedCycleRow> cycles = store.publishedHistory(cycle.programId(), cycle.evaluationYear(),
                cycle.half());
        List<Map<Long, String>> grades = new ArrayList<>();
        List<GradeRuleSpec> rules = new ArrayList<>();
        for (var c : cycles) {
            Map<Long, String> byInstitution = new HashMap<>();
            store.publishedGrades(c.cycleId()).forEach(g -> byInstitution.put(g.institutionId(), g.grade()));
            grades.add(byInstitution);
            rules.add(gradeRule(c.cycleId()));
        }
        Map<Long, List<HistoryPhrase>> phrases = new HashMap<>();
        Map<Long, String> current = grades.isEmpty() ? Map.of() : grades.getLast();
        for (Long institution : current.keySet()) {
            List<HistoryPhrases.Entry> entries = new ArrayList<>();
            for (int i = 0; i < cycles.size(); i++) {
                entries.add(new HistoryPhrases.Entry(cycles.get(i).evaluationYear(), cycles.get(i).half(),
                        grades.get(i).get(institution), HistoryPhrases.order(rules.get(i)), HistoryPhrases.awards(rules.get(i))));
            }
            phrases.put(institution, HistoryPhrases.of(entries));
        }
        return phrases;
    }

    private GradeRuleSpec gradeRule(long cycleId) {
        var cycle = evaluationStore.cycle(cycleId).orElseThrow(Publications::notPublished);
        return json.readValue(cycle.gradeRuleJson(), GradeRuleSpec.class);
    }

    private static PublicRow publicRow(CycleResult.Row r, List<HistoryPhrase> history, Set<String> awards) {
        return new PublicRow(r.institutionId(), r.name(), r.group(), r.rank(), r.total(), r.grade(),
                ResultTables.itemScores(r.explanation()), r.itemGrades(), history, r.grade() != null && awards.contains(r.grade()));
    }

    private static void flatten(Explanation node, List<String> path, Map<String, BigDecimal> weights,
            Map<String, List<PanelScore>> panel, List<IndicatorLine> lines) {
        if (node.kind().equals("INDICATOR") || node.kind().equals("CAP")) {
            String area = path.isEmpty() ? "" : path.getFirst();
            String item = path.isEmpty() ? "" : path.getLast();
            String code = node.indicatorId();
            lines.add(new IndicatorLine(area, item, code, node.label(), node.raw(), node.normalized(),
                    code == null ? null : weights.get(code), node.value(), node.formula(),
                    code == null ? List.of() : panel.getOrDefault(code, List.of())));
            return;
        }
        List<String> below = new ArrayList<>(path);
        if (!node.kind().equals("TOTAL")) {
            below.add(node.label());
        }
        node.parts().forEach(p -> flatten(p, below, weights, panel, lines));
    }

    /** The order in which notices list groups; groups not named here follow in their own order. */
    static final List<String> GROUP_ORDER = List.of("중앙행정기관", "광역", "시·도", "시", "군", "구", "교육청");

    /** Groups in the order notices list them (중앙행정기관, 광역 or 시·도, 시, 군, 구, 교육청), others after them. */
    static List<String> ordered(List<String> groups) {
        List<String> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingInt(g -> {
            int i = GROUP_ORDER.indexOf(g);
            return i < 0 ? GROUP_ORDER.size() + groups.indexOf(g) : i;
        }));
        return sorted;
    }

    private static Publication publication(PublicationStore.PublicationRow p) {
        return new Publication(p.cycleId(), p.runNo(), p.publishedByName(), p.publishedAt(), p.postingFrom(), p.postingTo(),
                p.legalBasis(), p.methodText());
    }

    private static PublishedCycle published(PublicationStore.PublishedCycleRow c) {
        return new PublishedCycle(c.cycleId(), c.programName(), c.programNameEn(), c.label(), c.evaluationYear(),
                c.performanceYear(), c.publishedAt(), c.postingFrom(), c.postingTo());
    }

    private static UserFacingException notPublished() {
        return UserFacingException.notFound("results.public.notFound");
    }
}
