package org.pyeongga.evaluation;

import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The evaluation module's permission policy: system and program administrators (and the system itself) run programs,
 * cycles, frameworks and results; an institution's indicator owners and coordinator enter that institution's values.
 */
@Component
public class EvaluationPermissions {

    private final CurrentActor actors;

    EvaluationPermissions(CurrentActor actors) {
        this.actors = actors;
    }

    public boolean canManage(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN) || actor.hasRole(Role.PROGRAM_ADMIN);
    }

    public boolean canEnterFor(Actor actor, long institutionId) {
        return canManage(actor) || actor.memberships().stream().anyMatch(m -> m.institutionId() != null
                && m.institutionId() == institutionId
                && (m.role() == Role.INDICATOR_OWNER || m.role() == Role.INSTITUTION_COORDINATOR));
    }

    void requireManage() {
        if (!canManage(actors.current())) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
    }

    void requireEnterFor(long institutionId) {
        if (!canEnterFor(actors.current(), institutionId)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
    }
}
