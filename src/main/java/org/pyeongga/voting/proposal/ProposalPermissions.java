package org.pyeongga.voting.proposal;

import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.proposal.ProposalModel.Eligibility;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * 정책장터's permission policy. Staff who manage a board (create it, close it, hide, restore and answer proposals):
 * system administrators, and program administrators or institution coordinators with a membership in the board's
 * institution, as for ballots. Another institution's board answers 404 to a manager and 403 to anyone else. Citizens
 * take part when the board's eligibility admits them (anyone verified, or a residence code with the board's prefix).
 */
@Component
class ProposalPermissions {

    private static final Set<Role> INSTITUTION_MANAGERS = Set.of(Role.PROGRAM_ADMIN, Role.INSTITUTION_COORDINATOR);

    private final CurrentActor actors;

    ProposalPermissions(CurrentActor actors) {
        this.actors = actors;
    }

    static boolean isAdministrator(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN);
    }

    /** Holds a role that manages some institution's boards. */
    static boolean isManager(Actor actor) {
        return isAdministrator(actor) || INSTITUTION_MANAGERS.stream().anyMatch(actor::hasRole);
    }

    static boolean canManage(Actor actor, long institutionId) {
        return isAdministrator(actor) || actor.memberships().stream()
                .anyMatch(m -> INSTITUTION_MANAGERS.contains(m.role()) && m.institutionId() != null
                        && m.institutionId() == institutionId);
    }

    /** The institutions whose boards the actor manages; null for all (administrators). */
    static @Nullable Set<Long> managedInstitutions(Actor actor) {
        if (isAdministrator(actor)) {
            return null;
        }
        return actor.memberships().stream().filter(m -> INSTITUTION_MANAGERS.contains(m.role()) && m.institutionId() != null)
                .map(Membership::institutionId).collect(Collectors.toSet());
    }

    Actor current() {
        return actors.current();
    }

    /** 403 unless the current actor manages some institution's boards. */
    Actor requireManager() {
        Actor actor = actors.current();
        if (!isManager(actor)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return actor;
    }

    /** 403 for non-managers, 404 for managers of other institutions (as if the board did not exist for them). */
    Actor requireManage(long institutionId, String notFoundKey, long id) {
        Actor actor = requireManager();
        if (!canManage(actor, institutionId)) {
            throw UserFacingException.notFound(notFoundKey, id);
        }
        return actor;
    }

    static boolean eligible(Eligibility eligibility, @Nullable String regionPrefix, Voter citizen) {
        return switch (eligibility) {
            case VERIFIED -> true;
            case REGION -> regionPrefix != null && citizen.residenceCode() != null
                    && citizen.residenceCode().startsWith(regionPrefix);
        };
    }
}
