package org.pyeongga.organization;

import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The registry's one permission policy. Anyone may read the registry (it is public information); only system and
 * program administrators change it (add institutions, record reorganisations, import codes, define groups).
 */
@Component
public class RegistryPermissions {

    private final CurrentActor actors;

    RegistryPermissions(CurrentActor actors) {
        this.actors = actors;
    }

    /** Administrators, and the system itself (start-up demo data, scheduled jobs), never an anonymous request. */
    public boolean canManage(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN) || actor.hasRole(Role.PROGRAM_ADMIN);
    }

    /** Refuses with 403 and a Korean message unless the current actor may change the registry. */
    public void requireManage() {
        if (!canManage(actors.current())) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
    }
}
