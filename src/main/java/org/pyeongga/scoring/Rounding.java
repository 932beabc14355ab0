package org.pyeongga.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The declared decimal precision of published numbers: each indicator contribution is rounded to {@code scale}
 * places with {@code mode}, and a total is the exact sum of its rounded contributions, so the published parts always
 * add up to the published total.
 */
public record Rounding(int scale, RoundingMode mode) {

    public static final Rounding DEFAULT = new Rounding(4, RoundingMode.HALF_UP);

    public Rounding {
        if (scale < 0 || scale > 10) {
            throw new IllegalArgumentException("scale must be 0…10");
        }
        if (mode == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("UNNECESSARY is not a rounding rule");
        }
    }

    public BigDecimal apply(BigDecimal value) {
        return value.setScale(scale, mode);
    }
}
