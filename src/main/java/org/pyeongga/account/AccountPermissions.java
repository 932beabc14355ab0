package org.pyeongga.account;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The accounts module's one permission policy (docs/decisions/0010-user-administration.md).
 *
 * <ul>
 *   <li>The system itself (start-up data, scheduled jobs) acts as a system administrator.
 *   <li>A system administrator sees and manages everyone and grants any role.
 *   <li>An institution coordinator (기관 총괄) manages the people of their own institution: coordinator, indicator
 *       owner, committee member, HR officer and audit officer of that institution, nothing else.
 *   <li>A program administrator (평가 주관) manages external evaluators (평가위원 without an institution) and every role
 *       but system administrator in their own institution.
 *   <li>Nobody else administers accounts. Changing a person (disable, reset, revoke) needs the right to grant every
 *       membership that person holds, so a coordinator cannot disable an administrator who also works for them.
 * </ul>
 */
@Component
public class AccountPermissions {

    static final Set<Role> COORDINATOR_GRANTS = Set.of(Role.INSTITUTION_COORDINATOR, Role.INDICATOR_OWNER,
            Role.COMMITTEE_MEMBER, Role.HR_OFFICER, Role.AUDIT_OFFICER);

    private final CurrentActor actors;

    AccountPermissions(CurrentActor actors) {
        this.actors = actors;
    }

    public boolean canAdminister(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN) || actor.hasRole(Role.PROGRAM_ADMIN)
                || actor.hasRole(Role.INSTITUTION_COORDINATOR);
    }

    public boolean seesEveryone(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN);
    }

    /** May {@code actor} give {@code m} to someone? */
    public boolean mayGrant(Actor actor, Membership m) {
        if (seesEveryone(actor)) {
            return true;
        }
        if (m.institutionId() == null) {
            return m.role() == Role.EVALUATOR && actor.hasRole(Role.PROGRAM_ADMIN);
        }
        return actor.memberships().stream().anyMatch(own -> m.institutionId().equals(own.institutionId())
                && (own.role() == Role.PROGRAM_ADMIN && m.role() != Role.SYSTEM_ADMIN
                        || own.role() == Role.INSTITUTION_COORDINATOR && COORDINATOR_GRANTS.contains(m.role())));
    }

    /** Institutions whose people {@code actor} administers (empty for system administrators: they see all). */
    Set<Long> administeredInstitutions(Actor actor) {
        return actor.memberships().stream()
                .filter(m -> m.institutionId() != null
                        && (m.role() == Role.PROGRAM_ADMIN || m.role() == Role.INSTITUTION_COORDINATOR))
                .map(Membership::institutionId)
                .collect(Collectors.toSet());
    }

    boolean seesExternalEvaluators(Actor actor) {
        return seesEveryone(actor) || actor.hasRole(Role.PROGRAM_ADMIN);
    }

    /** May {@code actor} see a person holding {@code memberships}? Anyone they could grant one of them to. */
    public boolean maySee(Actor actor, Collection<Membership> memberships) {
        return seesEveryone(actor) || memberships.stream().anyMatch(m -> mayGrant(actor, m)
                || m.institutionId() != null && administeredInstitutions(actor).contains(m.institutionId()));
    }

    /** May {@code actor} change (disable, reset, re-invite) a person holding {@code memberships}? */
    public boolean mayChange(Actor actor, Collection<Membership> memberships) {
        return seesEveryone(actor) || !memberships.isEmpty() && memberships.stream().allMatch(m -> mayGrant(actor, m));
    }

    void requireAdminister() {
        if (!canAdminister(actors.current())) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
    }
}
