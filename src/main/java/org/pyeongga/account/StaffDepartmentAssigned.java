package org.pyeongga.account;

import org.jspecify.annotations.Nullable;
import org.pyeongga.core.AboutInstitutions;

/** A staff account's department was set (or cleared: {@code departmentId} null). */
public record StaffDepartmentAssigned(long userId, long institutionId, @Nullable Long departmentId) implements AboutInstitutions {

    @Override
    public java.util.List<Long> institutionIds() {
        return java.util.List.of(institutionId);
    }
}
