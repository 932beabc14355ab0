package org.pyeongga.account;

import org.jspecify.annotations.Nullable;
import org.pyeongga.core.AboutInstitutions;
import org.pyeongga.core.Role;

/** A role for an institution was given to a staff account. */
public record StaffMembershipGranted(long userId, @Nullable Long institutionId, Role role) implements AboutInstitutions {

    @Override
    public java.util.List<Long> institutionIds() {
        return institutionId == null ? java.util.List.of() : java.util.List.of(institutionId);
    }
}
