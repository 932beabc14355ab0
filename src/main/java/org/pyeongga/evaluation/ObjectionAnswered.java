package org.pyeongga.evaluation;

import java.util.List;
import org.pyeongga.core.AboutInstitutions;

/** The objected-to institution gave (or changed) its answer (검토의견) to an objection. */
public record ObjectionAnswered(long cycleId, long objectionId, long targetInstitutionId) implements AboutInstitutions {

    @Override
    public List<Long> institutionIds() {
        return List.of(targetInstitutionId);
    }
}
