package org.pyeongga.scoring;

/**
 * How far apart a unit's evaluator scores may be before the unit goes to discussion: a fraction of the scoring
 * scale's range, so one policy ("more than 30% of the scale apart") means the same on a 1–5 item and a 0–100 total.
 *
 * @param scaleMin the lowest score the scale allows
 * @param scaleMax the highest score the scale allows
 * @param fraction the share of {@code scaleMax − scaleMin} that a unit's max − min must exceed to be flagged, in [0, 1]
 */
public record SpreadThreshold(double scaleMin, double scaleMax, double fraction) {

    public SpreadThreshold {
        if (!Double.isFinite(scaleMin) || !Double.isFinite(scaleMax) || !(scaleMax > scaleMin)) {
            throw new IllegalArgumentException("a scale needs finite bounds with max > min: " + scaleMin + "…" + scaleMax);
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the fraction of the scale must be in [0, 1]: " + fraction);
        }
    }

    /** The threshold in score points: {@code fraction × (scaleMax − scaleMin)}, for display. */
    public double points() {
        return fraction * (scaleMax - scaleMin);
    }
}
