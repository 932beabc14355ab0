package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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

/**
 * Demo data for the default start: the 2023 적극행정 종합평가 shape (243 local governments in 광역/시/군/구, 5 items,
 * 18 indicators, 최우수 = 1st of each group, 우수 = top 30 % FLOOR) with SYNTHETIC values and a 10-member panel, and one
 * result run, so an administrator sees rankings, rank intervals and reliability at once. The program's name says the
 * numbers are synthetic.
 */
@Component
@ConditionalOnProperty(name = "pyeongga.demo.enabled", havingValue = "true")
class EvaluationDemoData {

    static final String CODE = "DEMO-PROACTIVE";
    private static final Logger log = LoggerFactory.getLogger(EvaluationDemoData.class);
    private static final String[][] FRAMEWORK = {
        {"적극행정 추진계획 수립", "실행계획 수립·공개", "FRACTION_OF", "6"},
        {"적극행정 추진계획 수립", "기관장 관심도", "FRACTION_OF", "5"},
        {"적극행정 추진계획 수립", "추진 체계 구성", "FRACTION_OF", "4"},
        {"제도 활성화 노력", "적극행정위원회 운영", "TARGET", "6"},
        {"제도 활성화 노력", "사전컨설팅 활용", "MIN_MAX", "6"},
        {"제도 활성화 노력", "면책·법률지원 운영", "MIN_MAX", "5"},
        {"제도 활성화 노력", "소극행정 신고 처리", "MIN_MAX", "5"},
        {"이행 성과", "우수공무원 인센티브 부여율", "TARGET", "7"},
        {"이행 성과", "적극행정 교육 이수율", "TARGET", "6"},
        {"이행 성과", "규제 개선 실적", "MIN_MAX", "6"},
        {"이행 성과", "적극행정 마일리지 운영", "MIN_MAX", "4"},
        {"이행 성과", "홍보·확산 실적", "MIN_MAX", "4"},
        {"우수사례", "대표 우수사례", "PANEL", "12"},
        {"우수사례", "우수사례 확산", "MIN_MAX", "5"},
        {"우수사례", "공모 참여", "MIN_MAX", "3"},
        {"주민체감도", "주민 만족도", "FRACTION_OF", "8"},
        {"주민체감도", "체감도 개선", "MIN_MAX", "4"},
        {"주민체감도", "국민평가단 평가", "FRACTION_OF", "4"}};

    private final Evaluations evaluations;
    private final EvaluationGroups groups;
    private final EvaluationStore store;

    EvaluationDemoData(Evaluations evaluations, EvaluationGroups groups, EvaluationStore store) {
        this.evaluations = evaluations;
        this.groups = groups;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void load() {
        if (!store.cycles().isEmpty()) {
            return;
        }
        Map<String, Long> byCode = new HashMap<>();
        for (EvaluationGroup group : groups.all()) {
            byCode.put(group.code(), group.id());
        }
        String prefix = "MOIS-PROACTIVE-2024-";
        String[][] classes = {{"METROPOLITAN", "광역"}, {"CITY", "시"}, {"COUNTY", "군"}, {"DISTRICT", "구"}};
        List<NewCycle.TargetGroup> targets = new ArrayList<>();
        for (String[] c : classes) {
            Long id = byCode.get(prefix + c[0]);
            if (id == null) {
                return; // the registry demo did not define its groups
            }
            targets.add(new NewCycle.TargetGroup(c[1], id));
        }
        long program = evaluations.createProgram(CODE, "지방자치단체 적극행정 종합평가 (데모: 합성 자료)",
                "Proactive administration evaluation (demo: synthetic data)", "YEARLY");
        var rule = GradeRuleSpec.layers(List.of(
                GradeRuleSpec.quotas(Map.of("광역", 1, "시", 1, "군", 1, "구", 1), "최우수", null, true),
                GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("우수", new BigDecimal("0.3")),
                        new GradeRuleSpec.Band("보통", BigDecimal.ONE)), RoundingMode.FLOOR, true, false)));
        long cycle = evaluations.createCycle(program, new NewCycle("2024년(2023년 실적)", 2024, 2023, null,
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), rule, targets));
        List<IndicatorSpec> framework = new ArrayList<>();
        for (int k = 0; k < FRAMEWORK.length; k++) {
            String[] f = FRAMEWORK[k];
            String kind = f[2].equals("PANEL") ? "QUALITATIVE" : f[0].equals("주민체감도") ? "CITIZEN" : "QUANTITATIVE";
            String normalization = f[2].equals("PANEL") ? "FRACTION_OF" : f[2];
            framework.add(new IndicatorSpec("A" + (k + 1), k < 12 ? "정량" : "정성", f[0], f[1], kind, new BigDecimal(f[3]),
                    "HIGHER_IS_BETTER", normalization, normalization.equals("TARGET") ? BigDecimal.valueOf(80) : null,
                    normalization.equals("FRACTION_OF") ? BigDecimal.valueOf(100) : normalization.equals("TARGET") ? BigDecimal.ONE : null));
        }
        evaluations.defineFramework(cycle, framework);
        evaluations.publishFramework(cycle);
        var random = new SplittableRandom(2023);
        var targetList = evaluations.targets(cycle);
        Map<Long, Double> strength = new HashMap<>();
        targetList.forEach(t -> strength.put(t.institutionId(), random.nextDouble()));
        for (CycleTarget target : targetList) {
            Map<String, BigDecimal> values = new HashMap<>();
            double s = strength.get(target.institutionId());
            for (int k = 0; k < FRAMEWORK.length; k++) {
                if (!FRAMEWORK[k][2].equals("PANEL")) {
                    double v = Math.max(0, Math.min(100, 35 + 50 * s + 25 * (random.nextDouble() - 0.5)));
                    values.put("A" + (k + 1), BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP));
                }
            }
            evaluations.enterValues(cycle, target.institutionId(), values);
        }
        for (int e = 1; e <= 10; e++) {
            double leniency = random.nextDouble() * 12 - 6;
            Map<Long, BigDecimal> scores = new HashMap<>();
            for (CycleTarget target : targetList) {
                if (random.nextInt(3) > 0) {
                    double v = 45 + 40 * strength.get(target.institutionId()) + leniency + 6 * random.nextGaussian();
                    scores.put(target.institutionId(), BigDecimal.valueOf(Math.max(0, Math.min(100, v))).setScale(1, RoundingMode.HALF_UP));
                }
            }
            evaluations.enterPanelScores(cycle, "A13", "평가위원 " + e, scores);
        }
        evaluations.computeResults(cycle, "데모 산출");
        log.info("Demo data: evaluation cycle {} with {} institutions and one result run", cycle, targetList.size());
    }
}
