package org.pyeongga.organization;

import org.jspecify.annotations.Nullable;

/** A department was added to an institution. */
public record DepartmentAdded(long departmentId, long institutionId, String nameKo, @Nullable String code)
        implements org.pyeongga.core.AboutInstitutions {

    @Override
    public java.util.List<Long> institutionIds() {
        return java.util.List.of(institutionId);
    }
}
