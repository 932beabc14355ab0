package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.scoring.GradeRule;

/**
 * A cycle's grade rule as stored data (JSON), turned into the scoring engine's {@link GradeRule}.
 *
 * @param kind BANDS (percentile bands), QUOTAS (winners per group), CUTOFFS (score minimums), LAYERS (first wins)
 * @param rounding how a band's count round(f·n) is rounded (FLOOR, CEILING, HALF_UP, …)
 * @param gradeItems whether each item (항목) is also graded on its own with the same rule (민원서비스 종합평가)
 */
public record GradeRuleSpec(String kind, List<Band> bands, @Nullable String rounding, boolean tiesTakeBetterGrade,
        Map<String, Integer> quotas, @Nullable String winner, @Nullable String others, List<Cut> cuts,
        @Nullable String below, List<GradeRuleSpec> layers, boolean gradeItems) {

    /** Groups in the order MOIS lists them. */
    static final List<String> STANDARD_ORDER = List.of("광역", "시", "군", "구");

    public record Band(String label, BigDecimal upTo) {}

    public record Cut(String label, BigDecimal minimum) {}

    public GradeRuleSpec {
        bands = bands == null ? List.of() : List.copyOf(bands);
        quotas = quotas == null ? Map.of() : Map.copyOf(quotas);
        cuts = cuts == null ? List.of() : List.copyOf(cuts);
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    public static GradeRuleSpec bands(List<Band> bands, RoundingMode rounding, boolean tiesTakeBetterGrade, boolean gradeItems) {
        return new GradeRuleSpec("BANDS", bands, rounding.name(), tiesTakeBetterGrade, Map.of(), null, null, List.of(), null,
                List.of(), gradeItems);
    }

    public static GradeRuleSpec quotas(Map<String, Integer> quotas, String winner, @Nullable String others,
            boolean tiesTakeBetterGrade) {
        return new GradeRuleSpec("QUOTAS", List.of(), null, tiesTakeBetterGrade, quotas, winner, others, List.of(), null,
                List.of(), false);
    }

    public static GradeRuleSpec layers(List<GradeRuleSpec> layers) {
        return new GradeRuleSpec("LAYERS", List.of(), null, true, Map.of(), null, null, List.of(), null, layers, false);
    }

    /** The rounding of the first band rule in the tree (what decides counts), or empty. */
    public String effectiveRounding() {
        if (rounding != null && kind.equals("BANDS")) {
            return rounding;
        }
        return layers.stream().map(GradeRuleSpec::effectiveRounding).filter(r -> !r.isEmpty()).findFirst().orElse("");
    }

    /** The bands of the first band rule in the tree (what notices print as 등급 구간), or none. */
    public List<Band> effectiveBands() {
        if (kind.equals("BANDS")) {
            return bands;
        }
        return layers.stream().map(GradeRuleSpec::effectiveBands).filter(b -> !b.isEmpty()).findFirst().orElse(List.of());
    }

    /** A one-line description stored with results, e.g. "백분위 구간(우수 ≤ 0.3, 보통 ≤ 1; FLOOR; 동점은 상위 등급)". */
    public String describe() {
        String ties = tiesTakeBetterGrade ? "동점은 상위 등급" : "동점도 정원 유지";
        return switch (kind) {
            case "BANDS" -> "백분위 구간(" + String.join(", ", bands.stream().map(b -> b.label() + " ≤ " + b.upTo().stripTrailingZeros().toPlainString()).toList())
                    + "; " + rounding + "; " + ties + (gradeItems ? "; 항목별 등급" : "") + ")";
            case "QUOTAS" -> "정원(" + winner + ": " + String.join(", ", quotas.entrySet().stream()
                    .sorted(java.util.Comparator.comparingInt((Map.Entry<String, Integer> e) -> STANDARD_ORDER.indexOf(e.getKey()) < 0
                            ? Integer.MAX_VALUE : STANDARD_ORDER.indexOf(e.getKey())).thenComparing(Map.Entry::getKey))
                    .map(e -> e.getKey() + " " + e.getValue()).toList()) + "; " + ties + ")";
            case "CUTOFFS" -> "점수 기준(" + String.join(", ", cuts.stream().map(c -> c.label() + " ≥ " + c.minimum().toPlainString()).toList())
                    + "; 그 밖 " + below + ")";
            case "LAYERS" -> String.join(" → ", layers.stream().map(GradeRuleSpec::describe).toList());
            case "NONE" -> "등급 없음(순위만)";
            default -> kind;
        };
    }

    /** The engine's rule; refuses (Korean message via the caller) what it cannot read. */
    public GradeRule toRule() {
        return switch (kind) {
            case "BANDS" -> new GradeRule.PercentileBands(bands.stream().map(b -> new GradeRule.Band(b.label(), b.upTo())).toList(),
                    RoundingMode.valueOf(rounding == null ? "HALF_UP" : rounding), tiesTakeBetterGrade);
            case "QUOTAS" -> new GradeRule.Quotas(quotas, winner == null ? "선정" : winner, others, tiesTakeBetterGrade);
            case "CUTOFFS" -> new GradeRule.Cutoffs(cuts.stream().map(c -> new GradeRule.Cut(c.label(), c.minimum())).toList(),
                    below == null ? "-" : below);
            case "LAYERS" -> new GradeRule.Layers(layers.stream().map(GradeRuleSpec::toRule).toList());
            case "NONE" -> new GradeRule.None();
            default -> throw new IllegalArgumentException("unknown grade rule kind " + kind);
        };
    }
}
