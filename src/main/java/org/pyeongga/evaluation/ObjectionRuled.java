package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.AboutInstitutions;

/**
 * The administrator ruled on an objection (UPHELD 인용, PARTLY_UPHELD 일부 인용, DISMISSED 기각) with a reason, and
 * perhaps corrected the objected-to institution's value (old → new). Names no objector.
 */
public record ObjectionRuled(long cycleId, long objectionId, long targetInstitutionId, String indicatorCode, String ruling,
        String reason, @Nullable BigDecimal oldValue, @Nullable BigDecimal newValue) implements AboutInstitutions {

    @Override
    public List<Long> institutionIds() {
        return List.of(targetInstitutionId);
    }
}
