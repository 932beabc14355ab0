package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.scoring.Explanation;
import org.pyeongga.scoring.Indicator;
import org.pyeongga.scoring.Polarity;

/**
 * Values of computed indicators, derived from their entered inputs before the scoring engine normalizes and aggregates
 * them: RATIO = a / b × multiplier, ACHIEVEMENT = a / target (lower is better: target / a) capped at the cap, COUNT = a
 * capped at the cap. Each derived value keeps its derivation (inputs → formula → value) for the explanation.
 */
final class ComputedIndicators {

    /** Derived values keep six decimals, as entered values do. */
    static final int SCALE = 6;

    private final Map<String, FrameworkIndicator> byCode = new HashMap<>();
    private final List<FrameworkIndicator> computed = new ArrayList<>();
    private final Set<String> gradedItems = new LinkedHashSet<>();

    ComputedIndicators(List<FrameworkIndicator> framework) {
        for (FrameworkIndicator indicator : framework) {
            byCode.put(indicator.code(), indicator);
            if (indicator.computed()) {
                computed.add(indicator);
            }
            if (indicator.itemGraded() && !indicator.input()) {
                gradedItems.add(indicator.item());
            }
        }
    }

    /** Items (항목) flagged to be graded on their own, in framework order. */
    Set<String> gradedItems() {
        return gradedItems;
    }

    /**
     * The engine's indicator: an achievement is already oriented (higher is better after the formula applied the
     * polarity), so the engine must not turn it around again.
     */
    Indicator toIndicator(IndicatorSpec spec) {
        Indicator indicator = spec.toIndicator();
        FrameworkIndicator definition = byCode.get(spec.code());
        if (definition != null && "ACHIEVEMENT".equals(definition.formula()) && indicator.polarity() != Polarity.HIGHER_IS_BETTER) {
            return new Indicator(indicator.id(), indicator.name(), indicator.path(), indicator.points(), indicator.kind(),
                    Polarity.HIGHER_IS_BETTER, indicator.normalization());
        }
        return indicator;
    }

    /** One derivation, e.g. "입력 A1 = 45, A2 = 60 → A1 ÷ A2 × 100 = 75". */
    record Derivation(String indicatorCode, Map<String, BigDecimal> inputs, String formula, @Nullable BigDecimal value) {

        String text() {
            StringBuilder s = new StringBuilder("입력 ");
            if (inputs.isEmpty()) {
                s.append("없음");
            }
            s.append(String.join(", ", inputs.entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue().stripTrailingZeros().toPlainString()).toList()));
            s.append(" → ").append(formula).append(" = ")
                    .append(value == null ? "값 없음(입력 부족)" : value.stripTrailingZeros().toPlainString());
            return s.toString();
        }
    }

    /**
     * Replaces each unit's computed indicator values by their derivation from the unit's inputs (an entered value under
     * a computed indicator never counts); returns unit → indicator → derivation.
     */
    Map<String, Map<String, Derivation>> derive(Map<String, Map<String, BigDecimal>> values) {
        Map<String, Map<String, Derivation>> derivations = new HashMap<>();
        if (computed.isEmpty()) {
            return derivations;
        }
        for (var unit : values.entrySet()) {
            Map<String, BigDecimal> own = unit.getValue();
            for (FrameworkIndicator indicator : computed) {
                Derivation d = derive(indicator, own);
                if (d.value() == null) {
                    own.remove(indicator.code());
                } else {
                    own.put(indicator.code(), d.value());
                }
                derivations.computeIfAbsent(unit.getKey(), k -> new HashMap<>()).put(indicator.code(), d);
            }
        }
        return derivations;
    }

    static Derivation derive(FrameworkIndicator indicator, Map<String, BigDecimal> values) {
        String a = indicator.inputA();
        String b = indicator.inputB();
        BigDecimal x = a == null ? null : values.get(a);
        BigDecimal y = b == null ? null : values.get(b);
        Map<String, BigDecimal> inputs = new java.util.LinkedHashMap<>();
        if (x != null) {
            inputs.put(a, x);
        }
        if (y != null) {
            inputs.put(b, y);
        }
        String cap = indicator.cap() == null ? null : plain(indicator.cap());
        return switch (String.valueOf(indicator.formula())) {
            case "RATIO" -> {
                BigDecimal multiplier = indicator.multiplier() == null ? BigDecimal.ONE : indicator.multiplier();
                String formula = a + " ÷ " + b + (multiplier.compareTo(BigDecimal.ONE) == 0 ? "" : " × " + plain(multiplier));
                BigDecimal value = x == null || y == null || y.signum() == 0 ? null
                        : x.multiply(multiplier).divide(y, MathContext.DECIMAL64).setScale(SCALE, RoundingMode.HALF_UP);
                yield new Derivation(indicator.code(), inputs, formula, value);
            }
            case "ACHIEVEMENT" -> {
                BigDecimal target = y != null ? y : indicator.target();
                String targetText = b != null ? b : indicator.target() == null ? "?" : plain(indicator.target());
                boolean lower = "LOWER_IS_BETTER".equals(indicator.polarity());
                String quotient = lower ? targetText + " ÷ " + a : a + " ÷ " + targetText;
                String formula = cap == null ? quotient : "min(" + quotient + ", " + cap + ")";
                BigDecimal value = null;
                if (x != null && target != null && target.signum() > 0) {
                    if (lower) {
                        value = x.signum() <= 0 ? indicator.cap() : target.divide(x, MathContext.DECIMAL64);
                    } else {
                        value = x.divide(target, MathContext.DECIMAL64);
                    }
                    if (value != null && indicator.cap() != null && value.compareTo(indicator.cap()) > 0) {
                        value = indicator.cap();
                    }
                    value = value == null ? null : value.setScale(SCALE, RoundingMode.HALF_UP);
                }
                yield new Derivation(indicator.code(), inputs, formula, value);
            }
            case "COUNT" -> {
                String formula = cap == null ? a : "min(" + a + ", " + cap + ")";
                BigDecimal value = x == null ? null
                        : (indicator.cap() != null && x.compareTo(indicator.cap()) > 0 ? indicator.cap() : x)
                                .setScale(SCALE, RoundingMode.HALF_UP);
                yield new Derivation(indicator.code(), inputs, formula, value);
            }
            default -> throw new IllegalStateException("not a computed indicator: " + indicator.code());
        };
    }

    /** The explanation with each computed indicator's derivation in front of its formula. */
    static Explanation explain(Explanation node, @Nullable Map<String, Derivation> derivations) {
        if (derivations == null || derivations.isEmpty()) {
            return node;
        }
        List<Explanation> parts = node.parts().stream().map(p -> explain(p, derivations)).toList();
        String formula = node.formula();
        Derivation d = node.indicatorId() == null ? null : derivations.get(node.indicatorId());
        if (d != null && "INDICATOR".equals(node.kind())) {
            formula = d.text() + (formula.isEmpty() ? "" : "; " + formula);
        }
        return new Explanation(node.kind(), node.label(), node.value(), formula, node.raw(), node.normalized(), parts,
                node.indicatorId());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
