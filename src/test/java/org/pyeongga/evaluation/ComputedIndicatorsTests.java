package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pyeongga.scoring.Polarity;

/** Computed indicators' formulas on their own, and what an institution enters for them. */
class ComputedIndicatorsTests {

    static FrameworkIndicator computed(String code, String formula, String polarity, String a, String b, String target,
            String cap, String multiplier) {
        return new FrameworkIndicator(code, "정량", "항목", code, "QUANTITATIVE", BigDecimal.TEN, polarity, "MIN_MAX", null,
                null, formula, a, b, target == null ? null : new BigDecimal(target), cap == null ? null : new BigDecimal(cap),
                multiplier == null ? null : new BigDecimal(multiplier), null, false, null, false, null);
    }

    static FrameworkIndicator input(String code) {
        return new FrameworkIndicator(code, "입력", "입력", code, "INPUT", BigDecimal.ZERO, "HIGHER_IS_BETTER", "MIN_MAX",
                null, null, null, null, null, null, null, null, null, false, null, false, null);
    }

    @Test
    void aRatioWithoutADenominatorHasNoValue() {
        var ratio = computed("R", "RATIO", "HIGHER_IS_BETTER", "N", "D", null, null, "100");
        var derived = ComputedIndicators.derive(ratio, Map.of("N", BigDecimal.ONE, "D", BigDecimal.ZERO));
        assertThat(derived.value()).isNull();
        assertThat(derived.text()).isEqualTo("입력 N = 1, D = 0 → N ÷ D × 100 = 값 없음(입력 부족)");
        assertThat(ComputedIndicators.derive(ratio, Map.of("N", new BigDecimal("2"), "D", new BigDecimal("3"))).value())
                .isEqualByComparingTo("66.666667");
    }

    @Test
    void anAchievementWhereLowerIsBetterIsTargetOverActualCappedAndScoredAsHigherIsBetter() {
        // 처리기간 목표 5일: 4일이면 1.25 → 상한 1.2; 10일이면 0.5
        var days = computed("T", "ACHIEVEMENT", "LOWER_IS_BETTER", "A", null, "5", "1.2", null);
        assertThat(ComputedIndicators.derive(days, Map.of("A", new BigDecimal("4"))).value()).isEqualByComparingTo("1.2");
        assertThat(ComputedIndicators.derive(days, Map.of("A", new BigDecimal("10"))).value()).isEqualByComparingTo("0.5");
        assertThat(ComputedIndicators.derive(days, Map.of("A", BigDecimal.ZERO)).value()).isEqualByComparingTo("1.2");
        assertThat(ComputedIndicators.derive(days, Map.of("A", new BigDecimal("4"))).formula()).isEqualTo("min(5 ÷ A, 1.2)");
        var computed = new ComputedIndicators(List.of(input("A"), days));
        assertThat(computed.toIndicator(days.spec()).polarity()).isEqualTo(Polarity.HIGHER_IS_BETTER);
        // a per-institution target input instead of a fixed one
        var own = computed("O", "ACHIEVEMENT", "HIGHER_IS_BETTER", "A", "G", null, null, null);
        assertThat(ComputedIndicators.derive(own, Map.of("A", new BigDecimal("30"), "G", new BigDecimal("20"))).value())
                .isEqualByComparingTo("1.5");
    }

    @Test
    void derivedValuesReplaceEnteredOnesAndMissingInputsLeaveNoValue() {
        var count = computed("C", "COUNT", "HIGHER_IS_BETTER", "A", null, null, null, null);
        var computed = new ComputedIndicators(List.of(input("A"), count));
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        values.put("1", new HashMap<>(Map.of("A", new BigDecimal("7"), "C", new BigDecimal("99"))));
        values.put("2", new HashMap<>(Map.of("C", new BigDecimal("99"))));
        var derivations = computed.derive(values);
        assertThat(values.get("1")).containsEntry("C", new BigDecimal("7.000000"));
        assertThat(values.get("2")).doesNotContainKey("C");
        assertThat(derivations.get("1").get("C").text()).isEqualTo("입력 A = 7 → A = 7");
    }
}
