package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pyeongga.core.Digests;
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
 * Demo data for the default start: the demo program's next cycle, "2025년(2024년 실적)", with its SUBMISSION stage open
 * now (for four weeks from the first start), so that 논산시's indicator owner (nonsan.indicator@) and coordinator
 * (nonsan@) can submit in the running app. Some other institutions have submitted already (SYNTHETIC values, a one-page
 * PDF as evidence), so the administrators' progress list shows confirmed, draft and missing institutions.
 */
@Component
@ConditionalOnProperty(name = "pyeongga.demo.enabled", havingValue = "true")
class SubmissionDemoData {

    static final String LABEL = "2025년(2024년 실적)";
    private static final Logger log = LoggerFactory.getLogger(SubmissionDemoData.class);
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 데모 증빙 (합성 자료)\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.UTF_8);

    private final Evaluations evaluations;
    private final CycleStages stages;
    private final EvaluationGroups groups;
    private final SubmissionStore store;

    SubmissionDemoData(Evaluations evaluations, CycleStages stages, EvaluationGroups groups, SubmissionStore store) {
        this.evaluations = evaluations;
        this.stages = stages;
        this.groups = groups;
        this.store = store;
    }

    static List<IndicatorSpec> framework() {
        return List.of(
                new IndicatorSpec("S1", "정량", "제도 활성화 노력", "적극행정위원회 개최 횟수", "QUANTITATIVE", new BigDecimal("15"),
                        "HIGHER_IS_BETTER", "TARGET", BigDecimal.valueOf(4), BigDecimal.ONE),
                new IndicatorSpec("S2", "정량", "제도 활성화 노력", "사전컨설팅 처리 건수", "QUANTITATIVE", new BigDecimal("15"),
                        "HIGHER_IS_BETTER", "MIN_MAX", null, null),
                new IndicatorSpec("S3", "정량", "이행 성과", "적극행정 교육 이수율(%)", "QUANTITATIVE", new BigDecimal("15"),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)),
                new IndicatorSpec("S4", "정량", "이행 성과", "우수공무원 인센티브 부여율(%)", "QUANTITATIVE", new BigDecimal("15"),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)),
                new IndicatorSpec("G1", "가점", "가점", "정부 포상 실적", "BONUS", new BigDecimal("2"),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.TEN),
                new IndicatorSpec("Q1", "정성", "우수사례", "대표 우수사례", "QUALITATIVE", new BigDecimal("30"),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)),
                new IndicatorSpec("C1", "주민체감도", "주민체감도", "주민 만족도", "CITIZEN", new BigDecimal("10"),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    void load() {
        var program = store.programByCode(EvaluationDemoData.CODE);
        if (program.isEmpty() || store.cycleByLabel(program.get(), LABEL).isPresent()) {
            return;
        }
        List<NewCycle.TargetGroup> targets = new ArrayList<>();
        String[][] classes = {{"METROPOLITAN", "광역"}, {"CITY", "시"}, {"COUNTY", "군"}, {"DISTRICT", "구"}};
        for (String[] c : classes) {
            var group = groups.all().stream().filter(g -> g.code().equals("MOIS-PROACTIVE-2024-" + c[0]))
                    .map(EvaluationGroup::id).findFirst();
            if (group.isEmpty()) {
                return;
            }
            targets.add(new NewCycle.TargetGroup(c[1], group.get()));
        }
        var rule = GradeRuleSpec.layers(List.of(
                GradeRuleSpec.quotas(Map.of("광역", 1, "시", 1, "군", 1, "구", 1), "최우수", null, true),
                GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("우수", new BigDecimal("0.3")),
                        new GradeRuleSpec.Band("보통", BigDecimal.ONE)), RoundingMode.FLOOR, true, false)));
        long cycle = evaluations.createCycle(program.get(), new NewCycle(LABEL, 2025, 2024, null, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), rule, targets));
        evaluations.defineFramework(cycle, framework());
        evaluations.publishFramework(cycle);
        Instant now = stages.now().truncatedTo(ChronoUnit.HOURS);
        stages.schedule(cycle, List.of(new StageWindow(CycleStage.SUBMISSION, now.minus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(28)))));
        var random = new SplittableRandom(2025);
        int submitted = 0;
        for (CycleTarget target : evaluations.targets(cycle)) {
            if (target.name().contains("논산시") || random.nextInt(4) != 0) {
                continue; // 논산시 is left to the demo users; most others have not started yet
            }
            long institution = target.institutionId();
            evaluations.enterValues(cycle, institution, Map.of("S1", BigDecimal.valueOf(2 + random.nextInt(6)),
                    "S2", BigDecimal.valueOf(random.nextInt(60)), "S3", BigDecimal.valueOf(60 + random.nextInt(41)),
                    "S4", BigDecimal.valueOf(20 + random.nextInt(60))));
            for (String code : List.of("S1", "S2", "S3", "S4", "Q1")) {
                store.insertEvidence(cycle, institution, code, code + " 증빙(데모).pdf", EvidenceType.PDF, PDF,
                        Digests.sha256Hex(PDF), "system");
            }
            store.upsertCaseSummary(cycle, institution, "Q1", target.name() + " 대표 우수사례 (데모: 합성 자료)",
                    "데모용 합성 성과요약서입니다. 추진 배경, 추진 내용, 성과를 적습니다.", "system");
            store.touch(cycle, institution);
            if (random.nextInt(3) > 0) {
                store.confirm(cycle, institution, "system");
            }
            submitted++;
        }
        log.info("Demo data: submission cycle {} open until {} ({} institutions have entered values)", cycle,
                now.plus(Duration.ofDays(28)), submitted);
    }
}
