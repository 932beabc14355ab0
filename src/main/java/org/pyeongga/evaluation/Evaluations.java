package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.judging.Judging;
import org.pyeongga.judging.JudgingModel;
import org.pyeongga.judging.PanelKind;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.scoring.Aggregation;
import org.pyeongga.scoring.GradeRule;
import org.pyeongga.scoring.Indicator;
import org.pyeongga.scoring.IndicatorKind;
import org.pyeongga.scoring.EvaluatorMethod;
import org.pyeongga.scoring.EvaluatorNormalizationOptions;
import org.pyeongga.scoring.EvaluatorScores;
import org.pyeongga.scoring.Normalization;
import org.pyeongga.scoring.Panel;
import org.pyeongga.scoring.Rounding;
import org.pyeongga.scoring.ScoringEngine;
import org.pyeongga.scoring.ScoringProblem;
import org.pyeongga.scoring.ScoringResult;
import org.pyeongga.scoring.SpreadThreshold;
import org.pyeongga.scoring.TieRule;
import org.pyeongga.scoring.UncertaintyAnalysis;
import org.pyeongga.scoring.UncertaintyResult;
import org.pyeongga.scoring.UncertaintySpec;
import org.pyeongga.scoring.Unit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Programs, cycles, frameworks, values and result runs. A cycle snapshots its targets when it is created; a published
 * framework is frozen; every result run is computed by the scoring engine (with Monte Carlo rank intervals) and kept.
 */
@Service
public class Evaluations {

    /** Replications per result run: enough for stable 5–95 % rank intervals, quick enough to wait for. */
    static final int REPLICATIONS = 2000;

    private final EvaluationStore store;
    private final EvaluationGroups groups;
    private final EvaluationPermissions permissions;
    private final CurrentActor actors;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final SubmissionLock submissionLock;
    private final FrameworkStore frameworks;
    private final FrameworkEditor editor;
    private final Judging judging;

    Evaluations(EvaluationStore store, EvaluationGroups groups, EvaluationPermissions permissions, CurrentActor actors,
            ApplicationEventPublisher events, JsonMapper json, SubmissionLock submissionLock, FrameworkStore frameworks,
            FrameworkEditor editor, Judging judging) {
        this.frameworks = frameworks;
        this.editor = editor;
        this.judging = judging;
        this.store = store;
        this.groups = groups;
        this.permissions = permissions;
        this.actors = actors;
        this.events = events;
        this.json = json;
        this.submissionLock = submissionLock;
    }

    @Transactional
    public long createProgram(String code, String name, @Nullable String nameEn, String cadence) {
        permissions.requireManage();
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,60}")) {
            throw UserFacingException.badInput("evaluation.program.code");
        }
        if (name == null || name.isBlank()) {
            throw UserFacingException.badInput("evaluation.program.name");
        }
        return store.insertProgram(code, name.strip(), nameEn, cadence);
    }

    /** Creates a cycle and snapshots its target institutions from the given evaluation groups (as of today). */
    @Transactional
    public long createCycle(long programId, NewCycle cycle) {
        permissions.requireManage();
        if (!store.programExists(programId)) {
            throw UserFacingException.notFound("evaluation.program.notFound", programId);
        }
        try {
            cycle.gradeRule().toRule();
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badInput("evaluation.gradeRule.invalid", e.getMessage());
        }
        long id = store.insertCycle(programId, cycle, json.writeValueAsString(cycle.gradeRule()));
        int count = 0;
        for (NewCycle.TargetGroup target : cycle.targets()) {
            for (var member : groups.members(target.evaluationGroupId())) {
                store.insertTarget(id, member.id(), target.name(), member.displayName());
                count++;
            }
        }
        events.publishEvent(new EvaluationCycleCreated(id, programId, cycle.label(), count));
        return id;
    }

    /** Replaces the framework of a cycle whose framework is not yet published. */
    @Transactional
    public void defineFramework(long cycleId, List<IndicatorSpec> indicators) {
        permissions.requireManage();
        var cycle = cycle(cycleId);
        if (cycle.published()) {
            throw UserFacingException.conflict("evaluation.framework.frozen");
        }
        for (IndicatorSpec spec : indicators) {
            try {
                spec.toIndicator();
            } catch (IllegalArgumentException e) {
                throw UserFacingException.badInput("evaluation.indicator.invalid", spec.code(), e.getMessage());
            }
        }
        store.replaceIndicators(cycleId, indicators);
    }

    /** Publishes the framework: frozen, with a versioned snapshot (see {@link FrameworkEditor#publish}). */
    @Transactional
    public void publishFramework(long cycleId) {
        editor.publish(cycleId);
    }

    public List<IndicatorSpec> framework(long cycleId) {
        cycle(cycleId);
        return store.indicators(cycleId);
    }

    @Transactional
    public void enterValue(long cycleId, long institutionId, String indicatorCode, BigDecimal value) {
        enterValues(cycleId, institutionId, Map.of(indicatorCode, value));
    }

    /**
     * Enters (or corrects) several of one institution's values at once: all or nothing. Institution users only while
     * their submission is open ({@link SubmissionLock}); administrators correct with a reason through
     * {@link Submissions#correct}.
     */
    @Transactional
    public void enterValues(long cycleId, long institutionId, Map<String, BigDecimal> values) {
        permissions.requireEnterFor(institutionId);
        cycle(cycleId);
        if (!store.isTarget(cycleId, institutionId)) {
            throw UserFacingException.badInput("evaluation.value.notTarget");
        }
        submissionLock.requireValuesChangeable(actors.current(), cycleId, institutionId, values.keySet());
        for (var entry : new java.util.TreeMap<>(values).entrySet()) {
            if (!store.upsertValue(cycleId, institutionId, entry.getKey(), entry.getValue(), actors.current().id())) {
                throw UserFacingException.badInput("evaluation.value.unknownIndicator", entry.getKey());
            }
        }
        events.publishEvent(new EvaluationValuesEntered(cycleId, institutionId, new java.util.TreeMap<>(values)));
    }

    /**
     * An administrator's correction of one value (a ruling on an objection, the evidence verification): the old value,
     * the new one and the reason go to the audit trail. Returns the old value (null if there was none).
     */
    @Transactional
    public @Nullable BigDecimal correctValue(long cycleId, long institutionId, String indicatorCode, BigDecimal value,
            String reason) {
        permissions.requireManage();
        cycle(cycleId);
        if (!store.isTarget(cycleId, institutionId)) {
            throw UserFacingException.badInput("evaluation.value.notTarget");
        }
        BigDecimal old = store.values(cycleId).stream()
                .filter(v -> v.institutionId() == institutionId && v.indicatorCode().equals(indicatorCode))
                .map(EvaluationStore.ValueRow::value).findFirst().orElse(null);
        if (!store.upsertValue(cycleId, institutionId, indicatorCode, value, actors.current().id())) {
            throw UserFacingException.badInput("evaluation.value.unknownIndicator", indicatorCode);
        }
        events.publishEvent(new EvaluationValueCorrected(cycleId, institutionId, indicatorCode, old, value, reason));
        return old;
    }

    /** Computes a result run with the engine (panels normalized by the automatic choice) and keeps it; returns its number. */
    @Transactional
    public int computeResults(long cycleId, @Nullable String note) {
        return computeResults(cycleId, note, EvaluatorMethod.AUTOMATIC);
    }

    /**
     * Computes a result run with the given evaluator normalization for every panel and keeps it with that method;
     * returns its number. A cycle whose results are published is frozen (409).
     */
    @Transactional
    public int computeResults(long cycleId, @Nullable String note, EvaluatorMethod method) {
        permissions.requireManage();
        var cycle = cycle(cycleId);
        if (store.resultsPublished(cycleId)) {
            throw UserFacingException.conflict("results.publication.frozen");
        }
        GradeRuleSpec spec = json.readValue(cycle.gradeRuleJson(), GradeRuleSpec.class);
        var targets = store.targets(cycleId);
        List<Unit> units = targets.stream().map(t -> new Unit(String.valueOf(t.institutionId()), t.name(), t.group())).toList();
        // entered inputs of computed indicators are not scored themselves
        List<IndicatorSpec> specs = store.indicators(cycleId).stream().filter(s -> !s.kind().equals("INPUT")).toList();
        var computed = new ComputedIndicators(frameworks.indicators(cycleId));
        List<Indicator> indicators = specs.stream().map(computed::toIndicator).toList();
        if (indicators.isEmpty()) {
            throw UserFacingException.badInput("evaluation.framework.empty");
        }
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        store.values(cycleId).forEach(v -> values.computeIfAbsent(String.valueOf(v.institutionId()), k -> new HashMap<>())
                .put(v.indicatorCode(), v.value()));
        var derivations = computed.derive(values);
        GradeRule rule = spec.toRule();
        var problem = new ScoringProblem(units, indicators, values, Aggregation.ARITHMETIC, true, Rounding.DEFAULT,
                new TieRule.Shared(), rule, null, null, panels(cycleId, units, specs, EvaluatorNormalizationOptions.of(method)));
        ScoringResult result = ScoringEngine.evaluate(problem);
        // the panels are normalized once: item grades and the Monte Carlo start from the values they gave
        ScoringProblem valued = ScoringEngine.withPanelValues(problem, result.panels());
        // items flagged in the framework are graded on their own; a rule that grades items, with no flag set, grades all
        Map<String, Map<String, String>> itemGrades = !computed.gradedItems().isEmpty()
                ? itemGrades(valued, computed.gradedItems())
                : spec.gradeItems() ? itemGrades(valued, null) : Map.of();
        long seed = cycleId * 1_000_003L;
        UncertaintyResult uncertainty = UncertaintyAnalysis.run(valued, new UncertaintySpec(seed, REPLICATIONS, 0.25,
                List.of(new Normalization.MinMax(), new Normalization.ZScore()), 2));
        List<CycleResult.Row> rows = new ArrayList<>();
        for (var unit : result.units()) {
            var u = uncertainty.unit(unit.unit().id()).orElseThrow();
            rows.add(new CycleResult.Row(Long.parseLong(unit.unit().id()), unit.unit().name(), unit.unit().group(),
                    unit.total(), unit.rank(), unit.grade(), itemGrades.getOrDefault(unit.unit().id(), Map.of()),
                    u.medianRank(), u.p5Rank(), u.p95Rank(), u.crossesGradeBoundary(), u.gradeProbabilities(),
                    ComputedIndicators.explain(unit.explanation(), derivations.get(unit.unit().id()))));
        }
        List<CycleResult.PanelFigures> figures = new ArrayList<>();
        for (Indicator indicator : indicators) { // in the framework's order
            var panel = result.panels().get(indicator.id());
            if (panel == null) {
                continue;
            }
            var reliability = result.reliability().get(indicator.id());
            figures.add(new CycleResult.PanelFigures(indicator.id(), indicator.name(), reliability.evaluators(),
                    panel.method().korean(), panel.reason().korean(), reliability.alpha().alpha(), reliability.icc().icc2(),
                    reliability.icc().icc3(), reliability.flagged().size()));
        }
        var stored = new CycleResult(cycleId, 0, spec.describe(), spec.effectiveRounding(), result.tieRule(), REPLICATIONS,
                seed, rows, figures);
        int runNo = store.insertRun(cycleId, note, method.name(), json.writeValueAsString(stored), actors.current().id());
        events.publishEvent(new EvaluationResultsComputed(cycleId, runNo, note == null ? "" : note, method.name()));
        return runNo;
    }

    /**
     * Enters one evaluator's scores for a qualitative indicator (institution → score). Until the judging module brings
     * rubric sheets and assignments, administrators enter panel scores here (or import them).
     */
    @Transactional
    public void enterPanelScores(long cycleId, String indicatorCode, String evaluator, Map<Long, BigDecimal> scores) {
        permissions.requireManage();
        cycle(cycleId);
        var spec = store.indicators(cycleId).stream().filter(i -> i.code().equals(indicatorCode)).findFirst()
                .orElseThrow(() -> UserFacingException.badInput("evaluation.value.unknownIndicator", indicatorCode));
        if (!spec.kind().equals("QUALITATIVE") && !spec.kind().equals("CITIZEN")) {
            throw UserFacingException.badInput("evaluation.panel.notQualitative", indicatorCode);
        }
        var targets = store.targets(cycleId).stream().map(EvaluationStore.Target::institutionId).collect(java.util.stream.Collectors.toSet());
        scores.forEach((institution, score) -> {
            if (!targets.contains(institution)) {
                throw UserFacingException.badInput("evaluation.value.notTarget");
            }
            store.upsertPanelScore(cycleId, indicatorCode, evaluator, institution, score);
        });
        events.publishEvent(new EvaluationPanelScoresEntered(cycleId, indicatorCode, evaluator, scores.size()));
    }

    /**
     * Opens the cycle's judging round: one subject per target institution × qualitative indicator, scored on a
     * five-level rubric of the indicator's scale (its upper bound, else 100), by a first panel of the given kind.
     * Submitted sheets then count as panel scores in {@link #computeResults}.
     */
    @Transactional
    public long openJudgingRound(long cycleId, PanelKind kind, String panelName, int requiredPerSubject) {
        permissions.requireManage();
        var cycle = cycle(cycleId);
        List<JudgingModel.NewSubject> subjects = new ArrayList<>();
        var targets = store.targets(cycleId);
        for (IndicatorSpec spec : store.indicators(cycleId)) {
            if (!spec.kind().equals("QUALITATIVE")) {
                continue;
            }
            BigDecimal max = spec.high() != null && spec.high().signum() > 0 ? spec.high() : BigDecimal.valueOf(100);
            for (var target : targets) {
                subjects.add(new JudgingModel.NewSubject(String.valueOf(target.institutionId()), target.institutionId(),
                        target.name(), target.group(), spec.code(), spec.name(), java.util.Set.of(target.group(), spec.item()),
                        max, rubric(max)));
            }
        }
        if (subjects.isEmpty()) {
            throw UserFacingException.badInput("evaluation.judging.noQualitative");
        }
        return judging.openRound(new JudgingModel.NewRound(CaseSummaryMaterial.SOURCE, String.valueOf(cycleId),
                cycle.label() + " 정성평가", null, kind, panelName, requiredPerSubject, subjects));
    }

    /** 탁월 100 %, 우수 80 %, 보통 60 %, 미흡 40 %, 부진 20 % of the indicator's scale. */
    private static List<JudgingModel.RubricLevel> rubric(BigDecimal max) {
        String[][] levels = {{"탁월", "Outstanding", "1.0"}, {"우수", "Good", "0.8"}, {"보통", "Fair", "0.6"},
            {"미흡", "Weak", "0.4"}, {"부진", "Poor", "0.2"}};
        List<JudgingModel.RubricLevel> rubric = new ArrayList<>();
        for (String[] level : levels) {
            rubric.add(new JudgingModel.RubricLevel(level[0], level[1],
                    max.multiply(new BigDecimal(level[2])).setScale(2, java.math.RoundingMode.HALF_UP)));
        }
        return rubric;
    }

    /**
     * Panels of the qualitative indicators that have scores: evaluators × units, normalized as the run asks. Scores
     * come from administrators' entries and from the judging round's submitted sheets.
     */
    private Map<String, Panel> panels(long cycleId, List<Unit> units, List<IndicatorSpec> specs,
            EvaluatorNormalizationOptions options) {
        Map<String, Map<String, Map<String, Double>>> byIndicator = new LinkedHashMap<>();
        store.panelScores(cycleId).forEach(r -> byIndicator.computeIfAbsent(r.indicatorCode(), k -> new LinkedHashMap<>())
                .computeIfAbsent(r.evaluator(), k -> new HashMap<>()).put(String.valueOf(r.institutionId()), r.score().doubleValue()));
        judging.submittedScores(CaseSummaryMaterial.SOURCE, String.valueOf(cycleId)).forEach(s -> byIndicator
                .computeIfAbsent(s.criterion(), k -> new LinkedHashMap<>()).computeIfAbsent(s.evaluatorKey(), k -> new HashMap<>())
                .put(s.subjectRef(), s.score().doubleValue()));
        Map<String, Panel> panels = new LinkedHashMap<>();
        List<String> unitIds = units.stream().map(Unit::id).toList();
        byIndicator.forEach((code, byEvaluator) -> {
            List<String> evaluators = new ArrayList<>(byEvaluator.keySet());
            double[][] matrix = new double[evaluators.size()][unitIds.size()];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < evaluators.size(); i++) {
                Map<String, Double> row = byEvaluator.get(evaluators.get(i));
                for (int j = 0; j < unitIds.size(); j++) {
                    Double v = row.get(unitIds.get(j));
                    matrix[i][j] = v == null ? Double.NaN : v;
                    if (v != null) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            var spec = specs.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
            double scaleMax = spec.high() != null ? spec.high().doubleValue() : max;
            double scaleMin = spec.high() != null ? 0 : min;
            panels.put(code, new Panel(new EvaluatorScores(evaluators, unitIds, matrix), options,
                    new SpreadThreshold(scaleMin, Math.max(scaleMax, scaleMin + 1e-9), 0.3)));
        });
        return panels;
    }

    /** Each item (항목) graded on its own with the cycle's rule (all items, or those given): unit id → item → grade. */
    private static Map<String, Map<String, String>> itemGrades(ScoringProblem problem, java.util.@Nullable Set<String> items) {
        Map<String, List<Indicator>> byItem = new LinkedHashMap<>();
        problem.indicators().stream().filter(i -> i.kind() == IndicatorKind.SCORED)
                .filter(i -> items == null || items.contains(i.path().getLast()))
                .forEach(i -> byItem.computeIfAbsent(i.path().getLast(), k -> new ArrayList<>()).add(i));
        Map<String, Map<String, String>> grades = new HashMap<>();
        byItem.forEach((item, indicators) -> {
            var result = ScoringEngine.evaluate(problem.withIndicators(indicators));
            result.units().forEach(u -> grades.computeIfAbsent(u.unit().id(), k -> new LinkedHashMap<>())
                    .put(item, u.grade() == null ? "" : u.grade()));
        });
        return grades;
    }

    public CycleResult result(long cycleId, int runNo) {
        cycle(cycleId);
        String stored = store.run(cycleId, runNo).orElseThrow(() -> UserFacingException.notFound("evaluation.run.notFound", runNo));
        CycleResult result = json.readValue(stored, CycleResult.class);
        return new CycleResult(result.cycleId(), runNo, result.gradeRule(), result.rounding(), result.tieRule(),
                result.replications(), result.seed(), result.rows(), result.panels())
                .withItemOrder(store.indicators(cycleId).stream().map(IndicatorSpec::item).distinct().toList());
    }

    public @Nullable Integer latestRun(long cycleId) {
        return store.latestRun(cycleId).orElse(null);
    }

    /** One cycle in a list: program, labels, how many targets, the latest result run. */
    public record CycleSummary(long id, String programName, String label, int evaluationYear, int performanceYear,
            int targets, @Nullable Integer latestRun) {}

    /** Every cycle, newest first (administrators: results are not published yet). */
    public List<CycleSummary> cycles() {
        permissions.requireManage();
        return store.cycles().stream().map(c -> new CycleSummary(c.id(), c.programName(), c.label(), c.evaluationYear(),
                c.performanceYear(), c.targets(), c.latestRun())).toList();
    }

    /** A stored result run for administrators (publication comes later: until then results are not public). */
    public CycleResult resultForReview(long cycleId, @Nullable Integer runNo) {
        permissions.requireManage();
        Integer run = runNo != null ? runNo : latestRun(cycleId);
        if (run == null) {
            throw UserFacingException.notFound("evaluation.run.none");
        }
        return result(cycleId, run);
    }

    /** The cycle's snapshot of target institutions, by group and name. */
    public List<CycleTarget> targets(long cycleId) {
        cycle(cycleId);
        return store.targets(cycleId).stream().map(t -> new CycleTarget(t.institutionId(), t.group(), t.name())).toList();
    }

    /** The cycle's grade rule as defined (public knowledge: notices print its bands). */
    public GradeRuleSpec gradeRule(long cycleId) {
        return json.readValue(cycle(cycleId).gradeRuleJson(), GradeRuleSpec.class);
    }

    public String cycleLabel(long cycleId) {
        return cycle(cycleId).label();
    }

    private EvaluationStore.CycleRow cycle(long cycleId) {
        return store.cycle(cycleId).orElseThrow(() -> UserFacingException.notFound("evaluation.cycle.notFound", cycleId));
    }
}
