package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 2023 적극행정 종합평가 ("2024년(2023년 실적)") configured as data: the 243 local governments of 2024-12-31 in
 * their four groups (17/75/82/69), 5 items and 18 indicators, 우수 = top 30 % per group with the rounding in the rule;
 * and the 상반기 성과평가 with its fixed quota 1/2/2/2. Values are synthetic (seeded), results come from the engine.
 */
@IntegrationTest
class ProactiveEvaluationIntegrationTests {

    static final String[] ITEMS = {"추진계획 수립", "제도 활성화 노력", "이행 성과", "우수사례", "주민체감도"};

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationGroups groups;

    static List<Long> groupIds;

    private List<NewCycle.TargetGroup> targets() {
        synchronized (ProactiveEvaluationIntegrationTests.class) {
            if (groupIds == null) {
                groupIds = groups.defineStandard("TEST-PROACTIVE-2023", LocalDate.parse("2024-12-31"));
            }
        }
        String[] names = {"광역", "시", "군", "구"};
        List<NewCycle.TargetGroup> targets = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            targets.add(new NewCycle.TargetGroup(names[g], groupIds.get(g)));
        }
        return targets;
    }

    static List<IndicatorSpec> framework() {
        List<IndicatorSpec> indicators = new ArrayList<>();
        int[] perItem = {3, 4, 5, 3, 3}; // 18 indicators
        int k = 0;
        for (int item = 0; item < ITEMS.length; item++) {
            for (int i = 0; i < perItem[item]; i++, k++) {
                String normalization = k % 3 == 0 ? "MIN_MAX" : k % 3 == 1 ? "FRACTION_OF" : "TARGET";
                indicators.add(new IndicatorSpec("I" + (k + 1), item < 3 ? "정량" : "정성", ITEMS[item], "지표 " + (k + 1),
                        item < 3 ? "QUANTITATIVE" : "QUALITATIVE", new BigDecimal(k < 10 ? "6" : "5"), "HIGHER_IS_BETTER",
                        normalization, normalization.equals("TARGET") ? BigDecimal.valueOf(80) : null,
                        normalization.equals("FRACTION_OF") ? BigDecimal.valueOf(100) : null));
            }
        }
        return indicators;
    }

    /** A cycle with the framework published and seeded synthetic values for every institution. */
    private long cycle(long program, String label, GradeRuleSpec rule, long seed) {
        long cycle = evaluations.createCycle(program, new NewCycle(label, 2024, 2023, null, LocalDate.parse("2023-01-01"),
                LocalDate.parse("2023-12-31"), rule, targets()));
        evaluations.defineFramework(cycle, framework());
        evaluations.publishFramework(cycle);
        var random = new SplittableRandom(seed);
        for (CycleTarget target : evaluations.targets(cycle)) {
            Map<String, BigDecimal> values = new HashMap<>();
            for (IndicatorSpec indicator : framework()) {
                values.put(indicator.code(), BigDecimal.valueOf(random.nextInt(10_000), 2));
            }
            evaluations.enterValues(cycle, target.institutionId(), values);
        }
        return cycle;
    }

    static GradeRuleSpec excellent(RoundingMode rounding, boolean ties) {
        return GradeRuleSpec.layers(List.of(
                GradeRuleSpec.quotas(Map.of("광역", 1, "시", 1, "군", 1, "구", 1), "최우수", null, ties),
                GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("우수", new BigDecimal("0.3")),
                        new GradeRuleSpec.Band("보통", BigDecimal.ONE)), rounding, ties, false)));
    }

    @Test
    void theNumberOfExcellentInstitutionsPerGroupFollowsTheRounding() {
        long program = evaluations.createProgram("TEST-PROACTIVE", "지방자치단체 적극행정 종합평가", "Proactive administration",
                "YEARLY");
        long floor = cycle(program, "2024년(2023년 실적) 내림", excellent(RoundingMode.FLOOR, true), 2023);
        assertThat(evaluations.targets(floor)).hasSize(243);
        assertThat(evaluations.framework(floor)).hasSize(18)
                .extracting(IndicatorSpec::item).containsOnly(ITEMS);
        int run = evaluations.computeResults(floor, "내림");
        CycleResult result = evaluations.result(floor, run);
        assertThat(result.groups()).containsExactlyInAnyOrder("광역", "시", "군", "구");
        assertThat(List.of("광역", "시", "군", "구")).extracting(g -> result.group(g).size()).containsExactly(17, 75, 82, 69);
        // 우수 (최우수 included): floor(0.3·n) = 5/22/24/20
        assertThat(List.of("광역", "시", "군", "구")).extracting(g -> result.count(g, "최우수") + result.count(g, "우수"))
                .containsExactly(5L, 22L, 24L, 20L);
        assertThat(List.of("광역", "시", "군", "구")).extracting(g -> result.count(g, "최우수")).containsOnly(1L);
        assertThat(result.rounding()).isEqualTo("FLOOR");
        assertThat(result.gradeRule()).contains("최우수", "우수 ≤ 0.3", "FLOOR", "동점은 상위 등급");
        assertThat(result.replications()).isEqualTo(Evaluations.REPLICATIONS);

        long halfUp = cycle(program, "2024년(2023년 실적) 반올림", excellent(RoundingMode.HALF_UP, true), 2023);
        CycleResult rounded = evaluations.result(halfUp, evaluations.computeResults(halfUp, "반올림"));
        assertThat(List.of("광역", "시", "군", "구")).extracting(g -> rounded.count(g, "최우수") + rounded.count(g, "우수"))
                .containsExactly(5L, 23L, 25L, 21L);
        // every row carries its rank interval and an explanation that adds up to its total
        for (var row : rounded.rows()) {
            assertThat(row.p5Rank()).isLessThanOrEqualTo(row.medianRank());
            assertThat(row.medianRank()).isLessThanOrEqualTo(row.p95Rank());
            assertThat(row.explanation().value()).isEqualByComparingTo(row.total());
        }
        // institutions near the cut line are flagged, the clear leaders are not
        assertThat(rounded.group("시").getFirst().crossesGradeBoundary()).isFalse();
        assertThat(rounded.rows()).anyMatch(CycleResult.Row::crossesGradeBoundary);
    }

    @Test
    void aTieAtTheCutLineFollowsTheConfiguredPolicy() {
        long program = evaluations.createProgram("TEST-PROACTIVE-TIES", "적극행정 종합평가 (동점)", null, "YEARLY");
        for (boolean ties : new boolean[] {true, false}) {
            long cycle = cycle(program, "동점 " + ties, excellent(RoundingMode.FLOOR, ties), 7);
            // make the 22nd and 23rd 시 equal: copy the 22nd's values to the 23rd
            CycleResult before = evaluations.result(cycle, evaluations.computeResults(cycle, "동점 전"));
            var city = before.group("시");
            long twentySecond = city.get(21).institutionId();
            long twentyThird = city.get(22).institutionId();
            Map<String, BigDecimal> copy = new HashMap<>();
            for (var part : flatten(city.get(21).explanation())) {
                copy.put(part.indicatorId(), part.raw());
            }
            evaluations.enterValues(cycle, twentyThird, copy);
            CycleResult after = evaluations.result(cycle, evaluations.computeResults(cycle, "동점 후"));
            long excellentCities = after.count("시", "최우수") + after.count("시", "우수");
            assertThat(after.rows().stream().filter(r -> r.institutionId() == twentyThird).findFirst().orElseThrow().total())
                    .isEqualByComparingTo(after.rows().stream().filter(r -> r.institutionId() == twentySecond).findFirst()
                            .orElseThrow().total());
            assertThat(excellentCities).as("ties take the better grade: %s", ties).isEqualTo(ties ? 23L : 22L);
        }
    }

    @Test
    void panelScoresAreNormalizedAndTheirReliabilityReported() {
        long program = evaluations.createProgram("TEST-PROACTIVE-PANEL", "적극행정 종합평가 (평가단)", null, "YEARLY");
        long cycle = cycle(program, "평가단", excellent(RoundingMode.FLOOR, true), 5);
        var random = new SplittableRandom(99);
        var targets = evaluations.targets(cycle);
        Map<Long, Double> quality = new HashMap<>();
        targets.forEach(t -> quality.put(t.institutionId(), 40 + 50 * random.nextDouble()));
        for (String code : List.of("I13", "I14", "I15")) {
            for (int e = 0; e < 12; e++) {
                double leniency = random.nextDouble() * 10 - 5;
                Map<Long, BigDecimal> scores = new HashMap<>();
                for (CycleTarget target : targets) {
                    if (random.nextBoolean()) {
                        double score = Math.max(0, Math.min(100, quality.get(target.institutionId()) + leniency + random.nextGaussian() * 4));
                        scores.put(target.institutionId(), BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP));
                    }
                }
                evaluations.enterPanelScores(cycle, code, "평가위원 " + (e + 1), scores);
            }
        }
        CycleResult result = evaluations.result(cycle, evaluations.computeResults(cycle, "평가단 점수 포함"));
        assertThat(result.panels()).extracting(CycleResult.PanelFigures::indicatorCode).containsExactly("I13", "I14", "I15");
        for (var panel : result.panels()) {
            assertThat(panel.evaluators()).isEqualTo(12);
            assertThat(panel.method()).isEqualTo(org.pyeongga.scoring.EvaluatorMethod.BIAS_MODEL.korean());
            assertThat(panel.alpha()).isBetween(0.5, 1.0);
        }
        assertThatThrownBy(() -> evaluations.enterPanelScores(cycle, "I1", "평가위원 1", Map.of()))
                .hasMessage("evaluation.panel.notQualitative");
    }

    @Test
    void theHalfYearCheckSelectsExactlySevenWinners() {
        long program = evaluations.createProgram("TEST-PROACTIVE-HALF", "상반기 적극행정 성과평가", null, "HALF_YEARLY");
        long cycle = cycle(program, "2023년 상반기", GradeRuleSpec.quotas(Map.of("광역", 1, "시", 2, "군", 2, "구", 2), "우수",
                null, true), 11);
        CycleResult result = evaluations.result(cycle, evaluations.computeResults(cycle, null));
        assertThat(result.rows().stream().filter(r -> "우수".equals(r.grade())).count()).isEqualTo(7);
        assertThat(List.of("광역", "시", "군", "구")).extracting(g -> result.count(g, "우수")).containsExactly(1L, 2L, 2L, 2L);
    }

    @Test
    void aPublishedFrameworkIsFrozenAndBadInputIsRefused() {
        long program = evaluations.createProgram("TEST-PROACTIVE-FROZEN", "동결 시험", null, "YEARLY");
        long cycle = cycle(program, "동결", excellent(RoundingMode.FLOOR, true), 3);
        assertThatThrownBy(() -> evaluations.defineFramework(cycle, framework())).isInstanceOf(UserFacingException.class)
                .hasMessage("evaluation.framework.frozen");
        long target = evaluations.targets(cycle).getFirst().institutionId();
        assertThatThrownBy(() -> evaluations.enterValue(cycle, target, "NOPE", BigDecimal.ONE))
                .hasMessage("evaluation.value.unknownIndicator");
        assertThatThrownBy(() -> evaluations.enterValue(cycle, 999_999, "I1", BigDecimal.ONE))
                .hasMessage("evaluation.value.notTarget");
    }

    private static List<org.pyeongga.scoring.Explanation> flatten(org.pyeongga.scoring.Explanation node) {
        List<org.pyeongga.scoring.Explanation> leaves = new ArrayList<>();
        if (node.kind().equals("INDICATOR")) {
            leaves.add(node);
        }
        node.parts().forEach(p -> leaves.addAll(flatten(p)));
        return leaves;
    }
}
