package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pyeongga.organization.EvaluationGroup;
import org.pyeongga.organization.EvaluationGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo data for the default start, after the demo cycle (Order 20): an earlier cycle "2023년(2022년 실적)" of the same
 * demo program with SYNTHETIC values near the 2024 ones, both cycles' runs chosen and published (panel scoring closed
 * in the past), so that a citizen sees public results with history phrases ("2년 연속 우수") at once. Runs once: a
 * published demo cycle means it ran.
 */
@Component
@ConditionalOnProperty(name = "pyeongga.demo.enabled", havingValue = "true")
class ResultsDemoData {

    static final String EARLIER = "2023년(2022년 실적)";
    static final String CURRENT = "2024년(2023년 실적)";
    static final String SYNTHETIC = " 데모: 합성 자료로 만든 결과이며 실제 평가 결과가 아닙니다.";
    static final String LEGAL_BASIS = "「지방공무원 적극행정 운영규정」(대통령령)에 따른 지방자치단체 적극행정 종합평가." + SYNTHETIC;
    static final String CIVIL_LEGAL_BASIS = "「민원 처리에 관한 법률」과 같은 법 시행령에 따른 민원서비스 종합평가." + SYNTHETIC;
    private static final Logger log = LoggerFactory.getLogger(ResultsDemoData.class);

    private final Evaluations evaluations;
    private final Publications publications;
    private final CycleStages stages;
    private final EvaluationStore evaluationStore;
    private final PublicationStore store;
    private final EvaluationGroups groups;
    private final JsonMapper json;

    ResultsDemoData(Evaluations evaluations, Publications publications, CycleStages stages, EvaluationStore evaluationStore,
            PublicationStore store, EvaluationGroups groups, JsonMapper json) {
        this.evaluations = evaluations;
        this.publications = publications;
        this.stages = stages;
        this.evaluationStore = evaluationStore;
        this.store = store;
        this.groups = groups;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(40)
    void load() {
        publishProactive();
        publishCivilService();
    }

    /** The 민원서비스 demo cycle (Order 25), so that its public page shows each institution's item grades. */
    private void publishCivilService() {
        Long cycle = store.cycleId(CivilServiceDemoData.CODE, CivilServiceDemoData.LABEL).orElse(null);
        if (cycle == null || evaluationStore.resultsPublished(cycle) || evaluations.latestRun(cycle) == null) {
            return;
        }
        if (stages.window(cycle, CycleStage.SCORING).isEmpty()) {
            closeScoring(cycle, 2024);
        }
        if (!stages.hasClosed(cycle, CycleStage.SCORING)) {
            log.info("Demo data: cycle {} not published, its panel scoring is still open", cycle);
            return;
        }
        publications.choose(cycle, evaluations.latestRun(cycle));
        publications.publish(cycle, new Publications.PublicationRequest(LocalDate.of(2024, 12, 20), LocalDate.of(2025, 1, 19),
                CIVIL_LEGAL_BASIS, """
                        민원행정 전략 및 체계, 민원제도 운영, 국민신문고 민원 처리, 고충민원 처리, 민원만족도 다섯 항목을 유형(중앙행정기관·시·도·시·군·구·교육청)별로 \
                        평가했습니다. 항목마다, 그리고 종합 점수로 유형 안에서 가(상위 10%), 나(30%), 다(70%), 라(90%), 마 등급을 매겼습니다 \
                        (인원은 반올림)."""));
        log.info("Demo data: results of the 민원서비스 cycle {} published", cycle);
    }

    private void publishProactive() {
        Long current = store.cycleId(EvaluationDemoData.CODE, CURRENT).orElse(null);
        if (current == null || evaluationStore.resultsPublished(current)) {
            return;
        }
        long earlier = store.cycleId(EvaluationDemoData.CODE, EARLIER).orElseGet(() -> earlierCycle(current));
        if (!evaluationStore.resultsPublished(earlier)) {
            publications.choose(earlier, evaluations.computeResults(earlier, "데모 산출 (합성 자료)"));
            closeScoring(earlier, 2023);
            publications.publish(earlier, new Publications.PublicationRequest(LocalDate.of(2023, 4, 10),
                    LocalDate.of(2023, 5, 9), LEGAL_BASIS, method()));
        }
        if (stages.window(current, CycleStage.SCORING).isEmpty()) {
            closeScoring(current, 2024);
        }
        if (!stages.hasClosed(current, CycleStage.SCORING)) {
            log.info("Demo data: cycle {} not published, its panel scoring is still open", current);
            return;
        }
        // a run after the other demo parts (e.g. upheld objections that corrected values), kept next to the first one
        publications.choose(current, evaluations.computeResults(current, "발표용 산출 (이의신청 판정 반영)"));
        publications.publish(current, new Publications.PublicationRequest(LocalDate.of(2024, 4, 8), LocalDate.of(2024, 5, 7),
                LEGAL_BASIS, method()));
        log.info("Demo data: results of cycles {} and {} published", earlier, current);
    }

    private static String method() {
        return """
                정량 평가(실적 12개 지표, 65점)와 정성 평가(대표 우수사례, 평가위원 10명 점수를 평가위원별 편향을 보정해 반영)를 \
                합산해 평가군(광역·시·군·구)별로 순위를 정했습니다. 평가군 1위는 최우수, 최우수를 포함한 상위 30%(내림)는 우수입니다. \
                지표별 정규화 방법과 배점은 기관별 점수 구성에서 볼 수 있습니다.""";
    }

    private void closeScoring(long cycle, int year) {
        stages.schedule(cycle, List.of(new StageWindow(CycleStage.SCORING,
                LocalDateTime.of(year, 2, 1, 9, 0).atZone(CycleStages.SEOUL).toInstant(),
                LocalDateTime.of(year, 3, 15, 18, 0).atZone(CycleStages.SEOUL).toInstant())));
    }

    /** The earlier cycle: the same groups, rule and framework, values near this year's (a few institutions move). */
    private long earlierCycle(long current) {
        var cycle = evaluationStore.cycle(current).orElseThrow();
        Map<String, Long> byCode = new HashMap<>();
        for (EvaluationGroup group : groups.all()) {
            byCode.put(group.code(), group.id());
        }
        String[][] classes = {{"METROPOLITAN", "광역"}, {"CITY", "시"}, {"COUNTY", "군"}, {"DISTRICT", "구"}};
        List<NewCycle.TargetGroup> targets = new ArrayList<>();
        for (String[] c : classes) {
            targets.add(new NewCycle.TargetGroup(c[1], byCode.get("MOIS-PROACTIVE-2024-" + c[0])));
        }
        long earlier = evaluations.createCycle(cycle.programId(), new NewCycle(EARLIER, 2023, 2022, null,
                LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), json.readValue(cycle.gradeRuleJson(), GradeRuleSpec.class),
                targets));
        evaluations.defineFramework(earlier, evaluationStore.indicators(current));
        evaluations.publishFramework(earlier);
        var random = new SplittableRandom(2022);
        Map<Long, Map<String, BigDecimal>> values = new HashMap<>();
        evaluationStore.values(current).forEach(v -> values.computeIfAbsent(v.institutionId(), k -> new HashMap<>())
                .put(v.indicatorCode(), nudge(v.value(), random, 25)));
        values.forEach((institution, v) -> {
            if (evaluationStore.isTarget(earlier, institution)) {
                evaluations.enterValues(earlier, institution, v);
            }
        });
        Map<String, Map<String, Map<Long, BigDecimal>>> panels = new HashMap<>();
        evaluationStore.panelScores(current).forEach(p -> panels.computeIfAbsent(p.indicatorCode(), k -> new HashMap<>())
                .computeIfAbsent(p.evaluator(), k -> new HashMap<>())
                .put(p.institutionId(), nudge(p.score(), random, 15)));
        panels.forEach((indicator, byEvaluator) -> byEvaluator.forEach((evaluator, scores) -> {
            scores.keySet().removeIf(institution -> !evaluationStore.isTarget(earlier, institution));
            evaluations.enterPanelScores(earlier, indicator, evaluator, scores);
        }));
        return earlier;
    }

    private static BigDecimal nudge(BigDecimal value, SplittableRandom random, double by) {
        double v = value.doubleValue() + (random.nextDouble() * 2 - 1) * by;
        return BigDecimal.valueOf(Math.max(0, Math.min(100, v))).setScale(1, RoundingMode.HALF_UP);
    }
}
