package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.AboutInstitutions;

/** An administrator corrected one of an institution's values (a ruling, the evidence verification): old, new and why. */
public record EvaluationValueCorrected(long cycleId, long institutionId, String indicatorCode, @Nullable BigDecimal oldValue,
        BigDecimal newValue, String reason) implements AboutInstitutions {

    @Override
    public List<Long> institutionIds() {
        return List.of(institutionId);
    }
}
