package org.pyeongga.evaluation;

import java.time.Instant;

/** One stage's window: open from {@code opensAt} (inclusive) until {@code closesAt} (exclusive). */
public record StageWindow(CycleStage stage, Instant opensAt, Instant closesAt) {

    public StageWindow {
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("a stage must close after it opens");
        }
    }

    public boolean isOpenAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
