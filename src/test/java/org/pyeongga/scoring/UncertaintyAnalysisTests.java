package org.pyeongga.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Monte Carlo rank intervals: exact without noise, reproducible from the seed whatever the threads, and honest at cut lines. */
class UncertaintyAnalysisTests {

    static final GradeRule EXCELLENT = new GradeRule.PercentileBands(List.of(new GradeRule.Band("우수", new BigDecimal("0.3")),
            new GradeRule.Band("보통", BigDecimal.ONE)), RoundingMode.CEILING, true);

    /** Ten units; u0 far ahead, u2 and u3 close together across the 우수 line (3 of 10), two indicators pulling apart. */
    static ScoringProblem problem() {
        List<Unit> units = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        double[][] raw = {{100, 100}, {80, 70}, {70, 62}, {62, 70}, {50, 50}, {45, 40}, {40, 35}, {30, 30}, {20, 25}, {10, 5}};
        for (int j = 0; j < raw.length; j++) {
            units.add(new Unit("u" + j, "기관" + j, "시"));
            values.put("u" + j, Map.of("a", BigDecimal.valueOf(raw[j][0]), "b", BigDecimal.valueOf(raw[j][1])));
        }
        var a = Indicator.scored("a", "a", List.of(), BigDecimal.valueOf(50), new Normalization.MinMax());
        var b = Indicator.scored("b", "b", List.of(), BigDecimal.valueOf(50), new Normalization.MinMax());
        return ScoringProblem.of(units, List.of(a, b), values, EXCELLENT);
    }

    @Test
    void withoutNoiseEveryReplicationIsTheNominalResult() {
        var result = UncertaintyAnalysis.run(problem(), new UncertaintySpec(1, 500, 0, List.of(), 1));
        for (var unit : result.units()) {
            assertThat(unit.p5Rank()).isEqualTo(unit.nominalRank());
            assertThat(unit.p95Rank()).isEqualTo(unit.nominalRank());
            assertThat(unit.medianRank()).isEqualTo(unit.nominalRank());
            assertThat(unit.meanAbsoluteShift()).isZero();
            assertThat(unit.crossesGradeBoundary()).isFalse();
            assertThat(unit.gradeProbabilities().values()).containsExactly(1.0);
        }
        assertThat(result.meanRankShift()).isZero();
    }

    @Test
    void noisyWeightsWidenTheIntervalsOfCloseUnitsAndFlagTheCutLine() {
        var result = UncertaintyAnalysis.run(problem(), new UncertaintySpec(42, 4000, 0.25, List.of(new Normalization.ZScore()), 2));
        var leader = result.unit("u0").orElseThrow();
        assertThat(leader.p5Rank()).isEqualTo(1);
        assertThat(leader.p95Rank()).isEqualTo(1);
        assertThat(leader.gradeProbabilities()).containsEntry("우수", 1.0);
        var third = result.unit("u2").orElseThrow();
        var fourth = result.unit("u3").orElseThrow();
        assertThat(third.p5Rank()).isLessThan(third.p95Rank());
        assertThat(third.crossesGradeBoundary()).isTrue();
        assertThat(fourth.crossesGradeBoundary()).isTrue();
        assertThat(third.gradeProbabilities().get("우수") + fourth.gradeProbabilities().get("우수")).isBetween(0.9, 1.1);
        assertThat(result.unit("u9").orElseThrow().crossesGradeBoundary()).isFalse();
        assertThat(result.meanRankShift()).isPositive();
    }

    @Test
    void theSameSeedGivesTheSameResultWithOneThreadOrTwo() {
        var spec1 = new UncertaintySpec(7, 3000, 0.25, List.of(new Normalization.ZScore()), 1);
        var spec2 = new UncertaintySpec(7, 3000, 0.25, List.of(new Normalization.ZScore()), 2);
        assertThat(UncertaintyAnalysis.run(problem(), spec2)).isEqualTo(UncertaintyAnalysis.run(problem(), spec1));
        var other = UncertaintyAnalysis.run(problem(), new UncertaintySpec(8, 3000, 0.25, List.of(new Normalization.ZScore()), 2));
        assertThat(other).isNotEqualTo(UncertaintyAnalysis.run(problem(), spec1));
    }

    @Test
    void cutOffGradesAreCountedFromTotals() {
        var cutoffs = new GradeRule.Cutoffs(List.of(new GradeRule.Cut("S", BigDecimal.valueOf(90)),
                new GradeRule.Cut("A", BigDecimal.valueOf(60))), "B");
        var p = problem();
        var problem = new ScoringProblem(p.units(), p.indicators(), p.values(), p.aggregation(), p.normalizeWithinGroups(),
                p.rounding(), p.tieRule(), cutoffs, null, null);
        var result = UncertaintyAnalysis.run(problem, new UncertaintySpec(3, 1000, 0.25, List.of(), 2));
        // u0's total is the sum of the noisy weights (75…125): mostly above the S line of 90, never below A's 60
        var leader = result.unit("u0").orElseThrow();
        assertThat(leader.gradeProbabilities().get("S")).isBetween(0.6, 0.99);
        assertThat(leader.gradeProbabilities()).doesNotContainKey("B");
        assertThat(leader.crossesGradeBoundary()).isTrue();
        assertThat(result.unit("u9").orElseThrow().gradeProbabilities()).containsEntry("B", 1.0);
        assertThat(result.units().stream().mapToDouble(u -> u.gradeProbabilities().values().stream()
                .mapToDouble(Double::doubleValue).sum()).min().orElseThrow()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
