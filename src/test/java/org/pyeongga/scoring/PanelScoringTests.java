package org.pyeongga.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A qualitative indicator scored by a panel: the engine normalizes the evaluators, says how in the explanation and the
 * result, reports the panel's reliability, and the Monte Carlo can redraw the panel.
 */
class PanelScoringTests {

    static final List<String> UNITS = List.of("u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7");

    /** 4 evaluators × 8 units, complete; evaluator e3 is harsh by 2 points. */
    static Panel panel() {
        double[] quality = {8, 7.8, 7.6, 7.4, 7.2, 7, 6.8, 6.6};
        double[][] scores = new double[4][UNITS.size()];
        var random = new SplittableRandom(11);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < UNITS.size(); j++) {
                scores[i][j] = Math.round((quality[j] - (i == 3 ? 2 : 0) + 3 * (random.nextDouble() - 0.5)) * 10) / 10.0;
            }
        }
        return new Panel(new EvaluatorScores(List.of("e0", "e1", "e2", "e3"), UNITS, scores),
                EvaluatorNormalizationOptions.automatic(), new SpreadThreshold(0, 10, 0.25));
    }

    static ScoringProblem problem() {
        List<Unit> units = new ArrayList<>();
        for (String id : UNITS) {
            units.add(new Unit(id, id, "시"));
        }
        var quality = Indicator.scored("case", "성과 사례", List.of("정성"), BigDecimal.valueOf(40),
                new Normalization.FractionOf(BigDecimal.TEN));
        var ratio = Indicator.scored("ratio", "처리율", List.of("정량"), BigDecimal.valueOf(60), new Normalization.MinMax());
        Map<String, Map<String, BigDecimal>> values = new java.util.HashMap<>();
        for (int j = 0; j < UNITS.size(); j++) {
            values.put(UNITS.get(j), Map.of("ratio", BigDecimal.valueOf(50 + (j * 5) % 8)));
        }
        return ScoringProblem.of(units, List.of(quality, ratio), values, new GradeRule.None()).withPanels(Map.of("case", panel()));
    }

    @Test
    void thePanelBecomesTheIndicatorsValuesAndTheExplanationSaysHow() {
        var result = ScoringEngine.evaluate(problem());
        var panel = result.panels().get("case");
        // 4 evaluators, complete design, each scored 8 ≥ 6 units → z-score, rescaled to the raw range
        assertThat(panel.method()).isEqualTo(EvaluatorMethod.Z_SCORE);
        assertThat(panel.evaluator("e3").leniency()).isNegative();
        var u0 = result.unit("u0").orElseThrow();
        var caseScore = u0.indicators().getFirst();
        assertThat(caseScore.raw()).isEqualByComparingTo(BigDecimal.valueOf(panel.unit("u0").score()).setScale(Panel.SCALE,
                java.math.RoundingMode.HALF_UP));
        var leaf = u0.explanation().parts().getFirst().parts().getFirst();
        assertThat(leaf.indicatorId()).isEqualTo("case");
        assertThat(leaf.formula()).startsWith("평가위원 4명, " + EvaluatorMethod.Z_SCORE.korean());
        assertThat(u0.explanation().partsSum()).isEqualByComparingTo(u0.total());
        var reliability = result.reliability().get("case");
        assertThat(reliability.alpha().defined()).isTrue();
        assertThat(reliability.icc().defined()).isTrue();
        assertThat(reliability.icc().icc3()).isLessThan(1);
        assertThat(reliability.evaluators()).isEqualTo(4);
    }

    @Test
    void theMonteCarloCanRedrawThePanelReproducibly() {
        var without = UncertaintyAnalysis.run(problem(), new UncertaintySpec(5, 400, 0, List.of(), 1, false));
        var with1 = UncertaintyAnalysis.run(problem(), new UncertaintySpec(5, 400, 0, List.of(), 1, true));
        var with2 = UncertaintyAnalysis.run(problem(), new UncertaintySpec(5, 400, 0, List.of(), 2, true));
        assertThat(with2).isEqualTo(with1);
        assertThat(without.meanRankShift()).isZero();
        assertThat(with1.meanRankShift()).isPositive();
        int widthWithout = without.units().stream().mapToInt(u -> u.p95Rank() - u.p5Rank()).sum();
        int widthWith = with1.units().stream().mapToInt(u -> u.p95Rank() - u.p5Rank()).sum();
        assertThat(widthWith).isGreaterThan(widthWithout);
    }
}
