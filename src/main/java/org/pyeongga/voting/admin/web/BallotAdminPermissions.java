package org.pyeongga.voting.admin.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.VotingPermissions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may do what on the ballot owners' pages (docs/decisions/0026-ballot-owner-pages.md). Who manages a ballot and
 * who enters paper votes is the voting module's one policy ({@link VotingPermissions}); this adds what the pages answer.
 *
 * <ul>
 *   <li>Managers of a ballot (create, edit, open, abuse report, voids, publish, tally, exports): system administrators,
 *       and program administrators and institution coordinators with that role in the owner institution.
 *   <li>Paper-vote entry: any staff member with a membership in the owner institution (and its managers).
 *   <li>A staff member without either right gets 404 for the ballot, as if it did not exist (another institution's
 *       coordinator learns nothing); someone with no institution at all (an external evaluator) gets 403 for the
 *       whole area; nobody signed in is sent to the login page by the security configuration.
 * </ul>
 */
@Component
class BallotAdminPermissions {

    private static final Set<Role> MANAGING_ROLES = Set.of(Role.PROGRAM_ADMIN, Role.INSTITUTION_COORDINATOR);

    private final CurrentActor actors;
    private final VotingPermissions voting;

    BallotAdminPermissions(CurrentActor actors, VotingPermissions voting) {
        this.actors = actors;
        this.voting = voting;
    }

    Actor current() {
        return actors.current();
    }

    /** May {@code actor} use the owners' area at all: a signed-in staff member of some institution, or a system admin. */
    boolean mayUseArea(Actor actor) {
        return actor.kind() == Actor.Kind.USER
                && (actor.hasRole(Role.SYSTEM_ADMIN) || actor.memberships().stream().anyMatch(m -> m.institutionId() != null));
    }

    /** Sees every institution's ballots (the list is not limited to their own institutions). */
    boolean seesAll(Actor actor) {
        return actor.kind() == Actor.Kind.USER && actor.hasRole(Role.SYSTEM_ADMIN);
    }

    /** A signed-in manager of the owner institution's ballots. */
    boolean canManage(Actor actor, long ownerInstitutionId) {
        return actor.kind() == Actor.Kind.USER && voting.canManage(actor, ownerInstitutionId);
    }

    /** A signed-in staff member of the owner institution (or one of its managers). */
    boolean canEnterPaperVotes(Actor actor, long ownerInstitutionId) {
        return actor.kind() == Actor.Kind.USER && voting.canEnterPaperVotes(actor, ownerInstitutionId);
    }

    /** Institutions whose ballots {@code actor} may create (those they manage through a membership). */
    Set<Long> managedInstitutions(Actor actor) {
        return actor.kind() != Actor.Kind.USER ? Set.of() : actor.memberships().stream()
                .filter(m -> m.institutionId() != null && (MANAGING_ROLES.contains(m.role()) || m.role() == Role.SYSTEM_ADMIN))
                .map(Membership::institutionId).collect(Collectors.toSet());
    }

    /** Institutions whose ballots {@code actor} sees in the list (any membership). */
    Set<Long> memberInstitutions(Actor actor) {
        return actor.kind() != Actor.Kind.USER ? Set.of() : actor.memberships().stream()
                .filter(m -> m.institutionId() != null).map(Membership::institutionId).collect(Collectors.toSet());
    }

    /** 403 unless the current person may use the area; returns them. */
    Actor requireArea() {
        Actor actor = actors.current();
        if (!mayUseArea(actor)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return actor;
    }

    /** 403 outside the area, 404 for a ballot the person may not know of, 403 for one they only enter paper votes on. */
    void requireManage(long ballotId, long ownerInstitutionId) {
        Actor actor = requireArea();
        if (canManage(actor, ownerInstitutionId)) {
            return;
        }
        if (canEnterPaperVotes(actor, ownerInstitutionId)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        throw UserFacingException.notFound("ballotadmin.ballot.notFound", ballotId);
    }

    /** 403 outside the area, 404 unless the person is staff of the owner institution (or manages it). */
    void requirePaperEntry(long ballotId, long ownerInstitutionId) {
        Actor actor = requireArea();
        if (!canEnterPaperVotes(actor, ownerInstitutionId)) {
            throw UserFacingException.notFound("ballotadmin.ballot.notFound", ballotId);
        }
    }

    /** The signed-in person's account id (the area is for signed-in staff only). */
    long userId(Actor actor) {
        if (!actor.id().startsWith("user:")) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return Long.parseLong(actor.id().substring("user:".length()));
    }
}
