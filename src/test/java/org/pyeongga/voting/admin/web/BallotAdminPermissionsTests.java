package org.pyeongga.voting.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.VotingPermissions;

/** The owners' permission policy as a table: role × institution → manage, paper entry, 404 or 403. */
class BallotAdminPermissionsTests {

    static final long BORYEONG = 10;
    static final long NONSAN = 20;

    static Actor user(Membership... memberships) {
        return new Actor(Actor.Kind.USER, "user:7", "시험", Set.of(memberships));
    }

    static BallotAdminPermissions policy(Actor actor) {
        CurrentActor current = () -> actor;
        try {
            var constructor = VotingPermissions.class.getDeclaredConstructor(CurrentActor.class);
            constructor.setAccessible(true); // the voting module's policy, as the application context builds it
            return new BallotAdminPermissions(current, constructor.newInstance(current));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void managersAreSystemAdminsAndProgramAdminsOrCoordinatorsOfTheOwner() {
        var p = policy(Actor.anonymous());
        assertThat(p.canManage(user(new Membership(NONSAN, Role.SYSTEM_ADMIN)), BORYEONG)).isTrue();
        assertThat(p.canManage(user(new Membership(BORYEONG, Role.INSTITUTION_COORDINATOR)), BORYEONG)).isTrue();
        assertThat(p.canManage(user(new Membership(BORYEONG, Role.PROGRAM_ADMIN)), BORYEONG)).isTrue();
        assertThat(p.canManage(user(new Membership(NONSAN, Role.INSTITUTION_COORDINATOR)), BORYEONG)).isFalse();
        assertThat(p.canManage(user(new Membership(NONSAN, Role.PROGRAM_ADMIN)), BORYEONG)).isFalse();
        assertThat(p.canManage(user(new Membership(BORYEONG, Role.HR_OFFICER)), BORYEONG)).isFalse();
        assertThat(p.canManage(user(new Membership(null, Role.EVALUATOR)), BORYEONG)).isFalse();
        assertThat(p.canManage(Actor.anonymous(), BORYEONG)).isFalse();
        assertThat(p.canManage(new Actor(Actor.Kind.CITIZEN, "citizen:x", "시민",
                Set.of(new Membership(BORYEONG, Role.INSTITUTION_COORDINATOR))), BORYEONG)).isFalse();
    }

    @Test
    void anyStaffMemberOfTheOwnerEntersPaperVotes() {
        var p = policy(Actor.anonymous());
        assertThat(p.canEnterPaperVotes(user(new Membership(BORYEONG, Role.HR_OFFICER)), BORYEONG)).isTrue();
        assertThat(p.canEnterPaperVotes(user(new Membership(BORYEONG, Role.AUDIT_OFFICER)), BORYEONG)).isTrue();
        assertThat(p.canEnterPaperVotes(user(new Membership(NONSAN, Role.HR_OFFICER)), BORYEONG)).isFalse();
        assertThat(p.canEnterPaperVotes(user(new Membership(null, Role.EVALUATOR)), BORYEONG)).isFalse();
    }

    @Test
    void anotherInstitutionsCoordinatorGetsNotFoundAndStaffGetForbiddenForManaging() {
        assertThatThrownBy(() -> policy(user(new Membership(NONSAN, Role.INSTITUTION_COORDINATOR))).requireManage(1, BORYEONG))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThatThrownBy(() -> policy(user(new Membership(NONSAN, Role.INSTITUTION_COORDINATOR))).requirePaperEntry(1, BORYEONG))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThatThrownBy(() -> policy(user(new Membership(BORYEONG, Role.HR_OFFICER))).requireManage(1, BORYEONG))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status().value()).isEqualTo(403));
        policy(user(new Membership(BORYEONG, Role.HR_OFFICER))).requirePaperEntry(1, BORYEONG);
        policy(user(new Membership(BORYEONG, Role.INSTITUTION_COORDINATOR))).requireManage(1, BORYEONG);
    }

    @Test
    void evaluatorsAndAnonymousAreForbiddenTheWholeArea() {
        for (Actor actor : new Actor[] {user(new Membership(null, Role.EVALUATOR)), Actor.anonymous(), Actor.system()}) {
            assertThatThrownBy(() -> policy(actor).requireArea())
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status().value()).isEqualTo(403));
            assertThatThrownBy(() -> policy(actor).requireManage(1, BORYEONG))
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status().value()).isEqualTo(403));
        }
    }

    @Test
    void newBallotsBelongToAnInstitutionTheCreatorManages() {
        var p = policy(Actor.anonymous());
        assertThat(p.managedInstitutions(user(new Membership(BORYEONG, Role.INSTITUTION_COORDINATOR),
                new Membership(NONSAN, Role.HR_OFFICER)))).containsExactly(BORYEONG);
        assertThat(p.memberInstitutions(user(new Membership(BORYEONG, Role.INSTITUTION_COORDINATOR),
                new Membership(NONSAN, Role.HR_OFFICER)))).containsExactlyInAnyOrder(BORYEONG, NONSAN);
    }
}
