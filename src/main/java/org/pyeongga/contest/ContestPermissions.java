package org.pyeongga.contest;

import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The contest module's permission policy. A contest is managed (set up, opened, entries checked, stages run) by system
 * and program administrators, the system itself, and the owner institution's coordinators and 적극행정위원회 members;
 * the owner's HR officers apply incentives; the owner's staff submit entries. A draft is seen only by those who manage
 * it; from OPEN on, the contest itself (not its entries) is public.
 */
@Component
public class ContestPermissions {

    private final CurrentActor actors;

    ContestPermissions(CurrentActor actors) {
        this.actors = actors;
    }

    public Actor current() {
        return actors.current();
    }

    public boolean canManage(Actor actor, long ownerInstitutionId) {
        return actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN) || actor.hasRole(Role.PROGRAM_ADMIN)
                || holds(actor, ownerInstitutionId, Role.INSTITUTION_COORDINATOR)
                || holds(actor, ownerInstitutionId, Role.COMMITTEE_MEMBER);
    }

    public boolean canManage(Actor actor, ContestView contest) {
        return canManage(actor, contest.ownerInstitutionId());
    }

    /** HR officers of the owner institution (and the system) apply incentives. */
    public boolean canApplyIncentives(Actor actor, ContestView contest) {
        return canApplyIncentives(actor, contest.ownerInstitutionId());
    }

    public boolean canApplyIncentives(Actor actor, long ownerInstitutionId) {
        return actor.kind() == Actor.Kind.SYSTEM || holds(actor, ownerInstitutionId, Role.HR_OFFICER);
    }

    /** A signed-in staff member of the owner institution (any role): may submit entries to its open contests. */
    public boolean isStaffOf(Actor actor, long institutionId) {
        return actor.kind() == Actor.Kind.USER
                && actor.memberships().stream().anyMatch(m -> m.institutionId() != null && m.institutionId() == institutionId);
    }

    /** May see the contest at all: everybody once it is open, its managers while it is a draft. */
    public boolean canSee(Actor actor, ContestView contest) {
        return contest.phase().announced() || canManage(actor, contest);
    }

    /** Managers of at least one institution (or everything): who gets the owners' pages. */
    public boolean managesAny(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN) || actor.hasRole(Role.PROGRAM_ADMIN)
                || actor.hasRole(Role.INSTITUTION_COORDINATOR) || actor.hasRole(Role.COMMITTEE_MEMBER);
    }

    /** True for administrators who manage every institution's contests. */
    public boolean managesAll(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN) || actor.hasRole(Role.PROGRAM_ADMIN);
    }

    /** The signed-in person's account id, if any. */
    public @Nullable Long userId(Actor actor) {
        return actor.kind() == Actor.Kind.USER && actor.id().startsWith("user:") ? Long.parseLong(actor.id().substring(5)) : null;
    }

    void requireManage(ContestView contest) {
        if (!canManage(actors.current(), contest)) {
            throw forbidden();
        }
    }

    static UserFacingException forbidden() {
        return new UserFacingException(HttpStatus.FORBIDDEN, "contest.error.forbidden");
    }

    private static boolean holds(Actor actor, long institutionId, Role role) {
        for (Membership m : actor.memberships()) {
            if (m.role() == role && m.institutionId() != null && m.institutionId() == institutionId) {
                return true;
            }
        }
        return false;
    }
}
