package org.pyeongga.audit;

import java.util.List;
import java.util.Optional;
import org.pyeongga.core.Actor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The audit module's permission policy. System administrators and audit officers without an institution see the
 * whole trail; an institution's audit officer sees only records about their institutions; nobody else sees any.
 */
@Component
public class AuditPermissions {

    public boolean canRead(Actor actor) {
        return actor.hasRole(Role.SYSTEM_ADMIN) || actor.hasRole(Role.AUDIT_OFFICER);
    }

    /** Empty = no restriction; otherwise the institutions whose records the actor may read. */
    Optional<List<Long>> scope(Actor actor) {
        if (!canRead(actor)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        boolean everything = actor.hasRole(Role.SYSTEM_ADMIN) || actor.memberships().stream()
                .anyMatch(m -> m.role() == Role.AUDIT_OFFICER && m.institutionId() == null);
        if (everything) {
            return Optional.empty();
        }
        return Optional.of(actor.memberships().stream().filter(m -> m.role() == Role.AUDIT_OFFICER)
                .map(Membership::institutionId).toList());
    }
}
