package org.pyeongga.evaluation;

import java.util.List;
import org.pyeongga.core.AboutInstitutions;

/**
 * An institution objected to another institution's indicator in its group. The record is about the objector only, so
 * the objected-to institution's audit officer cannot learn who filed it where the cycle hides objectors.
 */
public record ObjectionFiled(long cycleId, long objectionId, long objectorInstitutionId, long targetInstitutionId,
        String indicatorCode) implements AboutInstitutions {

    @Override
    public List<Long> institutionIds() {
        return List.of(objectorInstitutionId);
    }
}
