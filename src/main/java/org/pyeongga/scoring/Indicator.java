package org.pyeongga.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator (지표) of a framework.
 *
 * @param id stable id
 * @param name display name (Korean)
 * @param path the areas and items above it (분야, 항목), outermost first: the explanation tree groups by it
 * @param points 배점: the most this indicator adds (or, for a penalty, takes away)
 * @param kind scored, bonus or penalty
 * @param polarity whether higher raw values are better
 * @param normalization how raw values become y in [0, 1]
 */
public record Indicator(String id, String name, List<String> path, BigDecimal points, IndicatorKind kind,
        Polarity polarity, Normalization normalization) {

    public Indicator {
        path = List.copyOf(path);
        if (points.signum() < 0) {
            throw new IllegalArgumentException("points must not be negative: " + id);
        }
    }

    /** A scored, higher-is-better indicator. */
    public static Indicator scored(String id, String name, List<String> path, BigDecimal points, Normalization normalization) {
        return new Indicator(id, name, path, points, IndicatorKind.SCORED, Polarity.HIGHER_IS_BETTER, normalization);
    }

    public Indicator withPoints(BigDecimal newPoints) {
        return new Indicator(id, name, path, newPoints, kind, polarity, normalization);
    }

    public Indicator withNormalization(Normalization newNormalization) {
        return new Indicator(id, name, path, points, kind, polarity, newNormalization);
    }
}
