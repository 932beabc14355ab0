package org.pyeongga.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.AboutInstitutions;
import org.pyeongga.core.Role;

/**
 * Someone was invited for a role (a new account, or a new role for an existing one). The link itself is never in
 * the event (nor in the audit trail): only the person invited receives it.
 */
public record StaffInvited(long userId, @Nullable Long institutionId, Role role, boolean newAccount, Instant expiresAt)
        implements AboutInstitutions {

    @Override
    public java.util.List<Long> institutionIds() {
        return institutionId == null ? java.util.List.of() : java.util.List.of(institutionId);
    }
}
