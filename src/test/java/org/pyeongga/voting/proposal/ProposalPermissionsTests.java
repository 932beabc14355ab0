package org.pyeongga.voting.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pyeongga.account.VoterKey;
import org.pyeongga.core.Actor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.proposal.ProposalModel.Eligibility;

/** 정책장터's permission matrix: who manages a board of institution 10, and which residents may take part. */
class ProposalPermissionsTests {

    private static final long OWNER = 10;
    private static final long OTHER = 20;

    static Stream<Arguments> managers() {
        return Stream.of(
                Arguments.of("system", Actor.system(), true, true),
                Arguments.of("system administrator (any institution)", staff(OTHER, Role.SYSTEM_ADMIN), true, true),
                Arguments.of("program administrator of the owner", staff(OWNER, Role.PROGRAM_ADMIN), true, true),
                Arguments.of("program administrator elsewhere", staff(OTHER, Role.PROGRAM_ADMIN), false, true),
                Arguments.of("coordinator of the owner", staff(OWNER, Role.INSTITUTION_COORDINATOR), true, true),
                Arguments.of("coordinator elsewhere", staff(OTHER, Role.INSTITUTION_COORDINATOR), false, true),
                Arguments.of("indicator owner of the owner", staff(OWNER, Role.INDICATOR_OWNER), false, false),
                Arguments.of("evaluator of the owner", staff(OWNER, Role.EVALUATOR), false, false),
                Arguments.of("audit officer of the owner", staff(OWNER, Role.AUDIT_OFFICER), false, false),
                Arguments.of("external evaluator", staff(null, Role.EVALUATOR), false, false),
                Arguments.of("nobody signed in", Actor.anonymous(), false, false));
    }

    @ParameterizedTest(name = "{0}: manages the owner''s board {2}, is a manager somewhere {3}")
    @MethodSource("managers")
    void onlyManagersOfTheBoardsInstitutionModerateAndAnswer(String who, Actor actor, boolean manages, boolean isManager) {
        assertThat(ProposalPermissions.canManage(actor, OWNER)).isEqualTo(manages);
        assertThat(ProposalPermissions.isManager(actor)).isEqualTo(isManager);
    }

    static Stream<Arguments> residents() {
        return Stream.of(
                Arguments.of(Eligibility.VERIFIED, null, null, true),
                Arguments.of(Eligibility.VERIFIED, null, "4423000000", true),
                Arguments.of(Eligibility.REGION, "52130", "5213000000", true),
                Arguments.of(Eligibility.REGION, "52130", "5213011000", true),
                Arguments.of(Eligibility.REGION, "52130", "5211000000", false),
                Arguments.of(Eligibility.REGION, "52130", "4423000000", false),
                Arguments.of(Eligibility.REGION, "52130", null, false));
    }

    @ParameterizedTest(name = "{0} {1}, resident of {2}: may take part {3}")
    @MethodSource("residents")
    void eligibilityFollowsTheResidenceCodePrefix(Eligibility eligibility, @Nullable String prefix, @Nullable String residence,
            boolean eligible) {
        var voter = new Voter(new VoterKey("a".repeat(64)), residence, Set.of());
        assertThat(ProposalPermissions.eligible(eligibility, prefix, voter)).isEqualTo(eligible);
    }

    private static Actor staff(@Nullable Long institution, Role role) {
        return new Actor(Actor.Kind.USER, "user:1", "시험", Set.of(new Membership(institution, role)));
    }
}
