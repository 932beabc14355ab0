package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A value another Pyeongga module already knows for an institution's indicator (e.g. a count from the 적극행정
 * registers), offered to the institution pre-filled with its source; the indicator owner accepts or overrides it.
 * Modules implement this as a bean; the evaluation module asks every one and shows the first answer.
 */
public interface KnownIndicatorValues {

    /** The value this module knows for the question, if any. */
    Optional<KnownValue> valueFor(Question question);

    /** Which value is wanted: the institution, the indicator and the cycle's performance period. */
    record Question(long cycleId, long institutionId, String indicatorCode, String indicatorName, LocalDate periodFrom,
            LocalDate periodTo) {}

    /** The value and where it comes from, shown as "출처: {source}". */
    record KnownValue(BigDecimal value, String source) {

        public KnownValue {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("a known value needs its source");
            }
        }
    }
}
