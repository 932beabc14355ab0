package org.pyeongga.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contest final: 서면 80 + 주민투표 20 (vote share), award tiers 최우수 1, 우수 2, 장려 2. */
class FinalFormulaTests {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void writtenRoundPlusVoteShareDecidesTheAwardTiers() {
        var formula = new FinalFormula("2026 하반기 v1", List.of(
                new FinalFormula.Component("written", "서면심사", d("80"), FinalFormula.Scaling.SCORE_0_100),
                new FinalFormula.Component("vote", "주민투표", d("20"), FinalFormula.Scaling.VOTE_SHARE)),
                new TieRule.ByIndicators(List.of("written")), Rounding.DEFAULT);
        List<Unit> finalists = List.of(new Unit("A", "민원 처리 혁신", "본선"), new Unit("B", "규제 개선", "본선"),
                new Unit("C", "공모 예산 확보", "본선"), new Unit("D", "갈등 해결", "본선"), new Unit("E", "행정 효율", "본선"),
                new Unit("F", "신규 정책", "본선"));
        Map<String, Map<String, BigDecimal>> values = Map.of(
                "A", Map.of("written", d("92"), "vote", d("300")),
                "B", Map.of("written", d("88"), "vote", d("500")),
                "C", Map.of("written", d("90"), "vote", d("100")),
                "D", Map.of("written", d("85"), "vote", d("50")),
                "E", Map.of("written", d("80"), "vote", d("50")),
                "F", Map.of("written", d("70"), "vote", d("0")));
        var tiers = new GradeRule.PercentileBands(List.of(new GradeRule.Band("최우수", d("0.1667")),
                new GradeRule.Band("우수", d("0.5")), new GradeRule.Band("장려", d("0.8334")), new GradeRule.Band("-", d("1"))),
                java.math.RoundingMode.HALF_UP, false);
        var result = formula.evaluate(finalists, values, tiers);
        // votes total 1000: A 80 × 0.92 + 20 × 0.3 = 79.6; B 70.4 + 10 = 80.4; C 72 + 2 = 74; D 68 + 1 = 69; E 64 + 1 = 65; F 56
        assertThat(result.group("본선")).extracting(u -> u.unit().id()).containsExactly("B", "A", "C", "D", "E", "F");
        assertThat(result.unit("B").orElseThrow().total()).isEqualByComparingTo("80.4");
        assertThat(result.unit("A").orElseThrow().total()).isEqualByComparingTo("79.6");
        assertThat(result.group("본선")).extracting(UnitResult::grade).containsExactly("최우수", "우수", "우수", "장려", "장려", "-");
        assertThat(result.tieRule()).isEqualTo("BY_INDICATORS:written");
    }

    @Test
    void weightsMustAddUpToOneHundred() {
        assertThatThrownBy(() -> new FinalFormula("v", List.of(
                new FinalFormula.Component("a", "a", d("60"), FinalFormula.Scaling.SCORE_0_100),
                new FinalFormula.Component("b", "b", d("30"), FinalFormula.Scaling.VOTE_SHARE)),
                new TieRule.Shared(), Rounding.DEFAULT)).hasMessageContaining("add up to 100");
    }
}
