package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pyeongga.organization.EvaluationGroups;

/**
 * Small cycles for the results tests: two groups (10 시 and 8 군, so that every run is quick), 최우수 1 per group and
 * 우수 = top 30 % FLOOR, two quantitative indicators and one panel-scored one, values by place in the group.
 */
final class ResultsFixture {

    static final LocalDate AS_OF = LocalDate.parse("2024-12-31");

    static final List<IndicatorSpec> FRAMEWORK = List.of(
            new IndicatorSpec("R1", "정량", "제도 운영", "사전컨설팅 건수", "QUANTITATIVE", new BigDecimal("30"),
                    "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)),
            new IndicatorSpec("R2", "정량", "이행 성과", "교육 이수율", "QUANTITATIVE", new BigDecimal("30"),
                    "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)),
            new IndicatorSpec("Q1", "정성", "우수사례", "대표 우수사례", "QUALITATIVE", new BigDecimal("40"),
                    "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)));

    private static final Map<String, List<NewCycle.TargetGroup>> TARGETS = new HashMap<>();

    private final Evaluations evaluations;
    private final EvaluationGroups groups;
    private final CycleStages stages;
    private final String prefix;

    ResultsFixture(Evaluations evaluations, EvaluationGroups groups, CycleStages stages, String prefix) {
        this.evaluations = evaluations;
        this.groups = groups;
        this.stages = stages;
        this.prefix = prefix;
    }

    List<NewCycle.TargetGroup> targets() {
        synchronized (TARGETS) {
            return TARGETS.computeIfAbsent(prefix, p -> {
                List<Long> standard = groups.defineStandard(p, AS_OF);
                long cities = groups.define(p + "-SI", "시 10", null, null, AS_OF,
                        groups.members(standard.get(1)).stream().limit(10).map(m -> m.id()).toList());
                long counties = groups.define(p + "-GUN", "군 8", null, null, AS_OF,
                        groups.members(standard.get(2)).stream().limit(8).map(m -> m.id()).toList());
                return List.of(new NewCycle.TargetGroup("시", cities), new NewCycle.TargetGroup("군", counties));
            });
        }
    }

    static GradeRuleSpec rule() {
        return GradeRuleSpec.layers(List.of(
                GradeRuleSpec.quotas(Map.of("시", 1, "군", 1), "최우수", null, true),
                GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("우수", new BigDecimal("0.3")),
                        new GradeRuleSpec.Band("보통", BigDecimal.ONE)), RoundingMode.FLOOR, true, false)));
    }

    /** A cycle with the framework published and a value per institution from {@code strength} (0…1) by its place in its group. */
    long cycle(long program, String label, int evaluationYear, Map<Integer, Double> strength) {
        long cycle = evaluations.createCycle(program, new NewCycle(label, evaluationYear, evaluationYear - 1, null,
                LocalDate.of(evaluationYear - 1, 1, 1), LocalDate.of(evaluationYear - 1, 12, 31), rule(), targets()));
        evaluations.defineFramework(cycle, FRAMEWORK);
        evaluations.publishFramework(cycle);
        Map<String, Integer> place = new HashMap<>();
        for (CycleTarget target : evaluations.targets(cycle)) {
            int i = place.merge(target.group(), 1, Integer::sum) - 1;
            BigDecimal v = BigDecimal.valueOf(100 * strength.getOrDefault(i, 0.5)).setScale(1, RoundingMode.HALF_UP);
            evaluations.enterValues(cycle, target.institutionId(), Map.of("R1", v, "R2", v));
        }
        return cycle;
    }

    /** Distinct strengths in a scrambled order. */
    static Map<Integer, Double> spread(int n) {
        Map<Integer, Double> s = new HashMap<>();
        for (int i = 0; i < n; i++) {
            s.put(i, 0.3 + 0.05 * ((i * 7) % n));
        }
        return s;
    }

    /** Panel scores from evaluators of different leniency on an incomplete design: the normalizations disagree. */
    void panel(long cycle, long seed) {
        var random = new SplittableRandom(seed);
        var list = evaluations.targets(cycle);
        for (int e = 1; e <= 6; e++) {
            double leniency = 6 * e - 21 + random.nextDouble() * 4;
            double spread = e <= 3 ? 0.5 : 2.0;
            Map<Long, BigDecimal> scores = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                if ((i + e) % 3 != 0) {
                    double v = 50 + leniency + spread * (random.nextDouble() * 20 - 10);
                    scores.put(list.get(i).institutionId(), BigDecimal.valueOf(Math.max(0, Math.min(100, v))).setScale(1, RoundingMode.HALF_UP));
                }
            }
            evaluations.enterPanelScores(cycle, "Q1", "김평가" + e + "@위원.kr", scores);
        }
    }

    void closeScoring(long cycle) {
        Instant now = Instant.now();
        stages.schedule(cycle, List.of(new StageWindow(CycleStage.SCORING, now.minus(20, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS))));
    }

    static Publications.PublicationRequest request() {
        return new Publications.PublicationRequest(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-31"),
                "「지방자치단체 적극행정 운영규정」 제18조", "정량 60점, 정성 40점. 평가군별 상위 30% 우수(내림).");
    }
}
