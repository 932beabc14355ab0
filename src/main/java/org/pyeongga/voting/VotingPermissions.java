package org.pyeongga.voting;

import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who manages a ballot: system administrators (and the system itself), and program administrators or institution
 * coordinators with a membership in the owner institution. Staff of the owner institution enter paper votes.
 */
@Component
public class VotingPermissions {

    private final CurrentActor actors;

    VotingPermissions(CurrentActor actors) {
        this.actors = actors;
    }

    public Actor current() {
        return actors.current();
    }

    public boolean canManage(Actor actor, long ownerInstitutionId) {
        if (actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN)) {
            return true;
        }
        return actor.kind() == Actor.Kind.USER && actor.memberships().stream().anyMatch(m ->
                (m.role() == Role.PROGRAM_ADMIN || m.role() == Role.INSTITUTION_COORDINATOR)
                        && m.institutionId() != null && m.institutionId() == ownerInstitutionId);
    }

    /** Managers of ballots of some institution at all (for navigation and lists). */
    public boolean managesAny(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN) || actor.hasRole(Role.PROGRAM_ADMIN)
                || actor.hasRole(Role.INSTITUTION_COORDINATOR);
    }

    /** A staff member of the owner institution (any role with a membership there) may enter paper votes. */
    public boolean canEnterPaperVotes(Actor actor, long ownerInstitutionId) {
        return canManage(actor, ownerInstitutionId) || actor.kind() == Actor.Kind.USER && actor.memberships().stream()
                .anyMatch(m -> m.institutionId() != null && m.institutionId() == ownerInstitutionId);
    }

    void requireManage(long ownerInstitutionId) {
        if (!canManage(actors.current(), ownerInstitutionId)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
    }
}
