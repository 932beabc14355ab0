package org.pyeongga.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worked examples, computed by hand, for normalization, aggregation, caps, ties, grades and the explanation tree. */
class ScoringEngineTests {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static final List<Unit> UNITS = List.of(new Unit("a", "가시", "시"), new Unit("b", "나시", "시"),
            new Unit("c", "다시", "시"), new Unit("d", "라군", "군"));

    static final Indicator RATIO = Indicator.scored("ratio", "처리율", List.of("민원", "처리"), d("40"), new Normalization.MinMax());
    static final Indicator TARGET = Indicator.scored("target", "목표달성", List.of("민원", "만족"), d("30"),
            new Normalization.Target(d("80"), d("1")));
    static final Indicator DAYS = new Indicator("days", "처리기간", List.of("혁신"), d("30"), IndicatorKind.SCORED,
            Polarity.LOWER_IS_BETTER, new Normalization.Goalposts(d("2"), d("10")));
    static final Indicator AWARD = new Indicator("award", "수상 가점", List.of(), d("3"), IndicatorKind.BONUS,
            Polarity.HIGHER_IS_BETTER, new Normalization.FractionOf(d("1")));
    static final Indicator AUDIT = new Indicator("audit", "감사 지적", List.of(), d("2"), IndicatorKind.PENALTY,
            Polarity.HIGHER_IS_BETTER, new Normalization.FractionOf(d("3")));

    static Map<String, Map<String, BigDecimal>> values() {
        return Map.of(
                "a", Map.of("ratio", d("90"), "target", d("88"), "days", d("4"), "award", d("1"), "audit", d("0")),
                "b", Map.of("ratio", d("70"), "target", d("60"), "days", d("2"), "award", d("0"), "audit", d("3")),
                "c", Map.of("ratio", d("80"), "target", d("80"), "days", d("12"), "award", d("1")),
                "d", Map.of("ratio", d("50"), "target", d("40"), "days", d("6")));
    }

    @Test
    void computesEachContributionAndTotalByHand() {
        var problem = new ScoringProblem(UNITS, List.of(RATIO, TARGET, DAYS, AWARD, AUDIT), values(), Aggregation.ARITHMETIC,
                true, Rounding.DEFAULT, new TieRule.Shared(), new GradeRule.None(), d("2"), null);
        var result = ScoringEngine.evaluate(problem);
        var a = result.unit("a").orElseThrow();
        // ratio: min 70, max 90 in 시 → a = 1 → 40; target 88/80 capped at 1 → 30; days (10 − 4)/8 = 0.75 → 22.5
        assertThat(a.indicators()).extracting(UnitResult.IndicatorScore::contribution)
                .containsExactly(d("40.0000"), d("30.0000"), d("22.5000"), d("3.0000"), d("0.0000"));
        assertThat(a.aggregate()).isEqualByComparingTo("92.5");
        // bonus 3 capped at 2
        assertThat(a.bonus()).isEqualByComparingTo("2");
        assertThat(a.total()).isEqualByComparingTo("94.5");
        var b = result.unit("b").orElseThrow();
        // ratio 0; target 60/80 = 0.75 → 22.5; days 2 → 1 → 30; penalty 2 × 3/3 = 2
        assertThat(b.aggregate()).isEqualByComparingTo("52.5");
        assertThat(b.penalty()).isEqualByComparingTo("2");
        assertThat(b.total()).isEqualByComparingTo("50.5");
        var c = result.unit("c").orElseThrow();
        // ratio (80 − 70)/20 = 0.5 → 20; target 1 → 30; days 12 beyond the goalpost → 0; audit missing → 0
        assertThat(c.total()).isEqualByComparingTo("52");
        assertThat(c.indicators().get(4).raw()).isNull();
        // d is alone in 군: min = max → y = 1
        assertThat(result.unit("d").orElseThrow().indicators().getFirst().contribution()).isEqualByComparingTo("40");
        assertThat(result.group("시")).extracting(u -> u.unit().id()).containsExactly("a", "c", "b");
        assertThat(result.group("시")).extracting(UnitResult::rank).containsExactly(1, 2, 3);
    }

    @Test
    void theExplanationTreeGroupsByAreaAndItemAndAddsUp() {
        var problem = new ScoringProblem(UNITS, List.of(RATIO, TARGET, DAYS, AWARD, AUDIT), values(), Aggregation.ARITHMETIC,
                true, Rounding.DEFAULT, new TieRule.Shared(), new GradeRule.None(), d("2"), null);
        var tree = ScoringEngine.evaluate(problem).unit("a").orElseThrow().explanation();
        assertThat(tree.value()).isEqualByComparingTo("94.5");
        assertThat(tree.parts()).extracting(Explanation::label).containsExactly("민원", "혁신", "가점", "감점");
        var complaints = tree.parts().getFirst();
        assertThat(complaints.value()).isEqualByComparingTo("70");
        assertThat(complaints.parts()).extracting(Explanation::label).containsExactly("처리", "만족");
        var bonus = tree.parts().get(2);
        assertThat(bonus.parts()).extracting(Explanation::kind).containsExactly("INDICATOR", "CAP");
        assertThat(bonus.value()).isEqualByComparingTo("2");
        var ratio = complaints.parts().getFirst().parts().getFirst();
        assertThat(ratio.raw()).isEqualByComparingTo("90");
        assertThat(ratio.normalized()).isEqualByComparingTo("1");
        assertThat(ratio.formula()).contains("(x − min)/(max − min)", "배점 40");
    }

    @Test
    void normalizesAcrossAllUnitsWhenAsked() {
        var problem = new ScoringProblem(UNITS, List.of(RATIO), values(), Aggregation.ARITHMETIC, false, Rounding.DEFAULT,
                new TieRule.Shared(), new GradeRule.None(), null, null);
        var result = ScoringEngine.evaluate(problem);
        // min 50 (d), max 90 (a): c = 30/40 = 0.75 → 30; d = 0
        assertThat(result.unit("c").orElseThrow().total()).isEqualByComparingTo("30");
        assertThat(result.unit("d").orElseThrow().total()).isEqualByComparingTo("0");
    }

    @Test
    void zScoreAndPercentileRankAndShare() {
        var units = List.of(new Unit("a", "a", "g"), new Unit("b", "b", "g"), new Unit("c", "c", "g"));
        var z = Indicator.scored("z", "z", List.of(), d("60"), new Normalization.ZScore());
        var p = Indicator.scored("p", "p", List.of(), d("20"), new Normalization.PercentileRank());
        var s = Indicator.scored("s", "s", List.of(), d("20"), new Normalization.ShareOfTotal());
        Map<String, Map<String, BigDecimal>> values = Map.of(
                "a", Map.of("z", d("1"), "p", d("5"), "s", d("50")),
                "b", Map.of("z", d("2"), "p", d("5"), "s", d("30")),
                "c", Map.of("z", d("3"), "p", d("9"), "s", d("20")));
        var result = ScoringEngine.evaluate(ScoringProblem.of(units, List.of(z, p, s), values, new GradeRule.None()));
        // z: mean 2, sd 1 → a: 0.5 − 1/6 = 1/3 → 20; b: 0.5 → 30; c: 2/3 → 40
        // p: a, b tied at average rank 1.5 → (0.5)/2 = 0.25 → 5; c → 1 → 20
        // s: a 0.5 → 10; b 0.3 → 6; c 0.2 → 4
        assertThat(result.unit("a").orElseThrow().indicators()).extracting(UnitResult.IndicatorScore::contribution)
                .containsExactly(d("20.0000"), d("5.0000"), d("10.0000"));
        assertThat(result.unit("c").orElseThrow().total()).isEqualByComparingTo("64");
    }

    @Test
    void geometricAggregationPunishesAWeakIndicatorAndStillAddsUp() {
        var units = List.of(new Unit("even", "고른", "g"), new Unit("lopsided", "치우친", "g"));
        var i1 = Indicator.scored("i1", "i1", List.of("분야"), d("50"), new Normalization.FractionOf(d("1")));
        var i2 = Indicator.scored("i2", "i2", List.of("분야"), d("50"), new Normalization.FractionOf(d("1")));
        Map<String, Map<String, BigDecimal>> values = Map.of("even", Map.of("i1", d("0.6"), "i2", d("0.6")),
                "lopsided", Map.of("i1", d("1"), "i2", d("0.2")));
        var problem = new ScoringProblem(units, List.of(i1, i2), values, Aggregation.GEOMETRIC, true, Rounding.DEFAULT,
                new TieRule.Shared(), new GradeRule.None(), null, null);
        var result = ScoringEngine.evaluate(problem);
        // even: 100 × 0.6 = 60; lopsided: 100 × sqrt(0.2) = 44.7214 (arithmetic would give both 60)
        assertThat(result.unit("even").orElseThrow().total()).isEqualByComparingTo("60.0000");
        var lopsided = result.unit("lopsided").orElseThrow();
        assertThat(lopsided.total()).isEqualByComparingTo("44.7214");
        assertThat(lopsided.explanation().partsSum()).isEqualByComparingTo(lopsided.total());
        assertThat(result.group("g")).extracting(u -> u.unit().id()).containsExactly("even", "lopsided");
    }

    @Test
    void tiesShareTheBestRankOrAreBrokenByTheNamedIndicators() {
        var units = List.of(new Unit("a", "a", "g"), new Unit("b", "b", "g"), new Unit("c", "c", "g"), new Unit("e", "e", "g"));
        var i1 = Indicator.scored("i1", "i1", List.of(), d("50"), new Normalization.FractionOf(d("10")));
        var i2 = Indicator.scored("i2", "i2", List.of(), d("50"), new Normalization.FractionOf(d("10")));
        Map<String, Map<String, BigDecimal>> values = Map.of("a", Map.of("i1", d("8"), "i2", d("6")),
                "b", Map.of("i1", d("6"), "i2", d("8")), "c", Map.of("i1", d("9"), "i2", d("9")),
                "e", Map.of("i1", d("1"), "i2", d("1")));
        var shared = ScoringEngine.evaluate(ScoringProblem.of(units, List.of(i1, i2), values, new GradeRule.None()));
        assertThat(shared.tieRule()).isEqualTo("SHARED");
        assertThat(shared.group("g")).extracting(UnitResult::rank).containsExactly(1, 2, 2, 4);
        var broken = ScoringEngine.evaluate(new ScoringProblem(units, List.of(i1, i2), values, Aggregation.ARITHMETIC, true,
                Rounding.DEFAULT, new TieRule.ByIndicators(List.of("i2")), new GradeRule.None(), null, null));
        assertThat(broken.tieRule()).isEqualTo("BY_INDICATORS:i2");
        assertThat(broken.group("g")).extracting(u -> u.unit().id()).containsExactly("c", "b", "a", "e");
        assertThat(broken.group("g")).extracting(UnitResult::rank).containsExactly(1, 2, 3, 4);
    }

    @Test
    void percentileBandsQuotasCutoffsAndLayers() {
        List<Unit> units = new java.util.ArrayList<>();
        Map<String, Map<String, BigDecimal>> values = new java.util.HashMap<>();
        for (int i = 1; i <= 10; i++) {
            units.add(new Unit("u" + i, "u" + i, "시"));
            values.put("u" + i, Map.of("x", BigDecimal.valueOf(i * 10L)));
        }
        var x = Indicator.scored("x", "x", List.of(), d("100"), new Normalization.FractionOf(d("100")));
        var excellent = new GradeRule.PercentileBands(List.of(new GradeRule.Band("우수", d("0.3")),
                new GradeRule.Band("보통", d("0.8")), new GradeRule.Band("미흡", d("1"))), RoundingMode.CEILING, true);
        var bands = ScoringEngine.evaluate(ScoringProblem.of(units, List.of(x), values, excellent));
        assertThat(bands.group("시")).extracting(UnitResult::grade)
                .containsExactly("우수", "우수", "우수", "보통", "보통", "보통", "보통", "보통", "미흡", "미흡");
        var letters = new GradeRule.PercentileBands(List.of(new GradeRule.Band("가", d("0.1")), new GradeRule.Band("나", d("0.3")),
                new GradeRule.Band("다", d("0.7")), new GradeRule.Band("라", d("0.9")), new GradeRule.Band("마", d("1"))),
                RoundingMode.HALF_UP, true);
        assertThat(ScoringEngine.evaluate(ScoringProblem.of(units, List.of(x), values, letters)).group("시"))
                .extracting(UnitResult::grade).containsExactly("가", "나", "나", "다", "다", "다", "다", "라", "라", "마");
        var best = new GradeRule.Layers(List.of(new GradeRule.Quotas(Map.of("시", 1), "최우수", null, true),
                new GradeRule.Quotas(Map.of("시", 2, "군", 2), "우수", "-", true)));
        assertThat(ScoringEngine.evaluate(ScoringProblem.of(units, List.of(x), values, best)).group("시"))
                .extracting(UnitResult::grade).startsWith("최우수", "우수", "-");
        var cutoffs = new GradeRule.Cutoffs(List.of(new GradeRule.Cut("S", d("90")), new GradeRule.Cut("A", d("70"))), "B");
        assertThat(ScoringEngine.evaluate(ScoringProblem.of(units, List.of(x), values, cutoffs)).group("시"))
                .extracting(UnitResult::grade).startsWith("S", "S", "A", "A", "B");
    }

    @Test
    void tiesAtACutLineAllTakeTheBetterGrade() {
        var units = List.of(new Unit("a", "a", "g"), new Unit("b", "b", "g"), new Unit("c", "c", "g"), new Unit("e", "e", "g"));
        var x = Indicator.scored("x", "x", List.of(), d("100"), new Normalization.FractionOf(d("100")));
        Map<String, Map<String, BigDecimal>> values = Map.of("a", Map.of("x", d("90")), "b", Map.of("x", d("80")),
                "c", Map.of("x", d("80")), "e", Map.of("x", d("10")));
        // top 25 % of 4 = 1 … but b and c are tied for second: a quota of 2 goes to three units.
        var quota = new GradeRule.Quotas(Map.of("g", 2), "선정", "미선정", true);
        assertThat(ScoringEngine.evaluate(ScoringProblem.of(units, List.of(x), values, quota)).group("g"))
                .extracting(UnitResult::grade).containsExactly("선정", "선정", "선정", "미선정");
        var strict = new GradeRule.Quotas(Map.of("g", 2), "선정", "미선정", false);
        assertThat(ScoringEngine.evaluate(ScoringProblem.of(units, List.of(x), values, strict)).group("g"))
                .extracting(UnitResult::grade).containsExactly("선정", "선정", "미선정", "미선정");
    }

    @Test
    void badProblemsAreRefusedWithAReason() {
        assertThatThrownBy(() -> new Normalization.Goalposts(d("5"), d("5"))).hasMessageContaining("low < high");
        assertThatThrownBy(() -> new GradeRule.PercentileBands(List.of(new GradeRule.Band("우수", d("0.3"))),
                RoundingMode.CEILING, true)).hasMessageContaining("reach 1");
        assertThatThrownBy(() -> new ScoringProblem(UNITS, List.of(RATIO, RATIO), values(), Aggregation.ARITHMETIC, true,
                Rounding.DEFAULT, new TieRule.Shared(), new GradeRule.None(), null, null)).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new ScoringProblem(UNITS, List.of(RATIO), values(), Aggregation.ARITHMETIC, true,
                Rounding.DEFAULT, new TieRule.ByIndicators(List.of("nope")), new GradeRule.None(), null, null))
                .hasMessageContaining("unknown indicator");
    }
}
