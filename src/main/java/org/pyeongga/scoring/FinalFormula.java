package org.pyeongga.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A contest's final formula (methods §3.4): weighted components, each scaled to 0–100 by a declared rule, published
 * before any vote opens (e.g. 서면 80 + 주민투표 20; 예선 60 + 국민투표 40; 전문가 50 + 국민심사단 30 + 국민투표 20).
 * The weights add up to 100, so the final score is on 0–100. It is evaluated by the same engine as everything else,
 * across all finalists (one comparison set), with the declared tie rule.
 *
 * @param version a label stored with results ("2026 하반기 v1"), so a published formula is never silently changed
 */
public record FinalFormula(String version, List<Component> components, TieRule tieRule, Rounding rounding) {

    public FinalFormula {
        components = List.copyOf(components);
        BigDecimal sum = components.stream().map(Component::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new IllegalArgumentException("component weights must add up to 100, not " + sum);
        }
    }

    /**
     * One component and how its raw value becomes 0–100.
     *
     * @param scaling {@link Scaling#SCORE_0_100} a score already on 0–100 (a judged round); {@link Scaling#VOTE_SHARE}
     *     votes / all valid votes for the finalists; {@link Scaling#MIN_MAX} min–max across the finalists
     */
    public record Component(String id, String name, BigDecimal weight, Scaling scaling) {
        public Component {
            if (weight.signum() <= 0) {
                throw new IllegalArgumentException("a component weighs more than 0");
            }
        }

        Normalization normalization() {
            return switch (scaling) {
                case SCORE_0_100 -> new Normalization.FractionOf(BigDecimal.valueOf(100));
                case VOTE_SHARE -> new Normalization.ShareOfTotal();
                case MIN_MAX -> new Normalization.MinMax();
            };
        }
    }

    public enum Scaling {
        SCORE_0_100,
        VOTE_SHARE,
        MIN_MAX
    }

    /** The finalists' final scores: raw component values by finalist id, then component id. */
    public ScoringResult evaluate(List<Unit> finalists, Map<String, Map<String, BigDecimal>> values, GradeRule awards) {
        List<Indicator> indicators = components.stream()
                .map(c -> Indicator.scored(c.id(), c.name(), List.of(), c.weight(), c.normalization()))
                .toList();
        return ScoringEngine.evaluate(new ScoringProblem(finalists, indicators, values, Aggregation.ARITHMETIC, false,
                rounding, tieRule, awards, null, null));
    }
}
