package org.pyeongga.judging;

import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Judging's permission policy: system and program administrators (and the system itself) run rounds, panels,
 * assignments and reminders; an evaluator sees and scores only their own assignments (another's answers 404, as if it
 * did not exist).
 */
@Component
public class JudgingPermissions {

    private final CurrentActor actors;

    JudgingPermissions(CurrentActor actors) {
        this.actors = actors;
    }

    public boolean canManage(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN) || actor.hasRole(Role.PROGRAM_ADMIN);
    }

    public boolean isEvaluator(Actor actor) {
        return actor.kind() == Actor.Kind.USER && actor.hasRole(Role.EVALUATOR);
    }

    void requireManage() {
        if (!canManage(actors.current())) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
    }

    /** The signed-in evaluator's account id, or 403. */
    long requireEvaluator() {
        Actor actor = actors.current();
        if (!isEvaluator(actor) || !actor.id().startsWith("user:")) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return Long.parseLong(actor.id().substring("user:".length()));
    }

    /** The signed-in person's account id, if any. */
    @org.jspecify.annotations.Nullable
    Long userId() {
        Actor actor = actors.current();
        return actor.kind() == Actor.Kind.USER && actor.id().startsWith("user:") ? Long.parseLong(actor.id().substring(5)) : null;
    }
}
