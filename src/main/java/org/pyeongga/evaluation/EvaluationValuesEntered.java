package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.pyeongga.core.AboutInstitutions;

/** An institution's values for some indicators were entered or corrected (indicator code → value). */
public record EvaluationValuesEntered(long cycleId, long institutionId, Map<String, BigDecimal> values)
        implements AboutInstitutions {

    public EvaluationValuesEntered {
        values = Map.copyOf(values);
    }

    @Override
    public List<Long> institutionIds() {
        return List.of(institutionId);
    }
}
