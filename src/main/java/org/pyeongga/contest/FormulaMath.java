package org.pyeongga.contest;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pyeongga.scoring.FinalFormula;
import org.pyeongga.scoring.GradeRule;
import org.pyeongga.scoring.Rounding;
import org.pyeongga.scoring.TieRule;
import org.pyeongga.scoring.Unit;

/**
 * Runs {@link FinalFormula} (the scoring engine) over a contest's entries: units are entries (their id zero-padded, so
 * the engine's last tie-break, the unit id, is the earlier entry), the tie rule is the components by weight, heavier
 * first. Each entry's total, position and, per component, raw value, value scaled to 0–100 and points.
 */
final class FormulaMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FormulaMath() {}

    record Finalist(long entryId, String title) {}

    record Evaluated(BigDecimal total, int position, Map<String, BigDecimal> raw, Map<String, BigDecimal> scaled,
            Map<String, BigDecimal> points) {}

    static String unitId(long entryId) {
        return String.format("%018d", entryId);
    }

    static TieRule heavierFirst(List<FinalFormula.Component> components) {
        return new TieRule.ByIndicators(components.stream().sorted(Comparator.comparing(FinalFormula.Component::weight).reversed())
                .map(FinalFormula.Component::id).toList());
    }

    static Map<Long, Evaluated> evaluate(String version, List<FinalFormula.Component> components, List<Finalist> finalists,
            Map<String, Map<String, BigDecimal>> values) {
        var formula = new FinalFormula(version, components, heavierFirst(components), Rounding.DEFAULT);
        var result = formula.evaluate(finalists.stream().map(f -> new Unit(unitId(f.entryId()), f.title(), "finalists")).toList(),
                values, new GradeRule.None());
        Map<Long, Evaluated> out = new LinkedHashMap<>();
        for (var unit : result.group("finalists")) {
            Map<String, BigDecimal> raw = new LinkedHashMap<>();
            Map<String, BigDecimal> scaled = new LinkedHashMap<>();
            Map<String, BigDecimal> points = new LinkedHashMap<>();
            for (var score : unit.indicators()) {
                raw.put(score.indicatorId(), score.raw() == null ? BigDecimal.ZERO : score.raw());
                scaled.put(score.indicatorId(), Rounding.DEFAULT.apply(score.normalized().multiply(HUNDRED)));
                points.put(score.indicatorId(), Rounding.DEFAULT.apply(score.contribution()));
            }
            out.put(Long.parseLong(unit.unit().id()), new Evaluated(unit.total(), unit.position(), raw, scaled, points));
        }
        return out;
    }
}
