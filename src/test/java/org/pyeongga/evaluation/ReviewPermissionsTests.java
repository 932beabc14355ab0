package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyeongga.core.Actor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.evaluation.ReviewPermissions.Party;
import org.pyeongga.evaluation.ReviewPermissions.Phase;
import org.pyeongga.evaluation.ReviewPermissions.Stages;

/** The cross-review policy as the table in docs/decisions/0018-cross-review.md states it. */
class ReviewPermissionsTests {

    final ReviewPermissions permissions = new ReviewPermissions();
    static final Map<Long, String> GROUPS = Map.of(1L, "시", 2L, "시", 3L, "시", 4L, "군");

    private static Actor staff(long institution, Role role) {
        return new Actor(Actor.Kind.USER, "u" + institution, "직원", Set.of(new Membership(institution, role)));
    }

    private static Stages stages(Map<CycleStage, Phase> phases) {
        Instant now = Instant.parse("2026-01-20T00:00:00Z");
        Map<CycleStage, StageWindow> windows = new EnumMap<>(CycleStage.class);
        phases.forEach((stage, phase) -> {
            switch (phase) {
                case BEFORE -> windows.put(stage, new StageWindow(stage, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2))));
                case OPEN -> windows.put(stage, new StageWindow(stage, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))));
                case CLOSED -> windows.put(stage, new StageWindow(stage, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1))));
                case UNSCHEDULED -> { }
            }
        });
        return Stages.at(windows, now);
    }

    @Test
    void partiesFollowMembershipAndGroup() {
        assertThat(permissions.party(Actor.system(), 2, 1L, GROUPS)).isEqualTo(Party.ADMIN);
        assertThat(permissions.party(staff(9, Role.PROGRAM_ADMIN), 2, 1L, GROUPS)).isEqualTo(Party.ADMIN);
        assertThat(permissions.party(Actor.anonymous(), 2, 1L, GROUPS)).isEqualTo(Party.ANONYMOUS);
        assertThat(permissions.party(staff(1, Role.INSTITUTION_COORDINATOR), 2, 1L, GROUPS)).isEqualTo(Party.OBJECTOR);
        assertThat(permissions.party(staff(2, Role.INDICATOR_OWNER), 2, 1L, GROUPS)).isEqualTo(Party.OBJECTED_TO);
        assertThat(permissions.party(staff(3, Role.INSTITUTION_COORDINATOR), 2, 1L, GROUPS)).isEqualTo(Party.SAME_GROUP);
        assertThat(permissions.party(staff(4, Role.INSTITUTION_COORDINATOR), 2, 1L, GROUPS)).isEqualTo(Party.OTHER_GROUP);
        // other roles of the institution (e.g. its audit officer) do not act for it in cross-review
        assertThat(permissions.party(staff(2, Role.AUDIT_OFFICER), 2, 1L, GROUPS)).isEqualTo(Party.OTHER_GROUP);
    }

    @Test
    void eachStageOpensOnlyItsOwnActions() {
        var viewing = stages(Map.of(CycleStage.MUTUAL_VIEWING, Phase.OPEN, CycleStage.OBJECTION, Phase.BEFORE));
        var objecting = stages(Map.of(CycleStage.MUTUAL_VIEWING, Phase.CLOSED, CycleStage.OBJECTION, Phase.OPEN,
                CycleStage.OBJECTION_ANSWER, Phase.BEFORE));
        var answering = stages(Map.of(CycleStage.OBJECTION, Phase.CLOSED, CycleStage.OBJECTION_ANSWER, Phase.OPEN));
        var ruling = stages(Map.of(CycleStage.OBJECTION_ANSWER, Phase.CLOSED, CycleStage.RULING, Phase.OPEN));
        var verifying = stages(Map.of(CycleStage.OBJECTION_ANSWER, Phase.CLOSED, CycleStage.RULING, Phase.CLOSED,
                CycleStage.VERIFICATION, Phase.OPEN));
        var unscheduled = stages(Map.of());

        assertThat(permissions.canViewSubmission(Party.SAME_GROUP, viewing)).isTrue();
        assertThat(permissions.canViewSubmission(Party.SAME_GROUP, objecting)).isTrue();
        assertThat(permissions.canViewSubmission(Party.SAME_GROUP, answering)).isFalse();
        assertThat(permissions.canViewSubmission(Party.SAME_GROUP, unscheduled)).isFalse();
        assertThat(permissions.canViewSubmission(Party.OTHER_GROUP, viewing)).isFalse();
        assertThat(permissions.canViewSubmission(Party.ANONYMOUS, viewing)).isFalse();
        assertThat(permissions.canViewSubmission(Party.OBJECTED_TO, unscheduled)).isTrue();

        assertThat(permissions.canFile(Party.SAME_GROUP, objecting)).isTrue();
        assertThat(permissions.canFile(Party.SAME_GROUP, viewing)).isFalse();
        assertThat(permissions.canFile(Party.OTHER_GROUP, objecting)).isFalse();
        assertThat(permissions.canFile(Party.ADMIN, objecting)).isFalse();

        assertThat(permissions.canSeeObjection(Party.OBJECTED_TO, objecting)).isFalse();
        assertThat(permissions.canSeeObjection(Party.OBJECTED_TO, answering)).isTrue();
        assertThat(permissions.canSeeObjection(Party.OBJECTED_TO, verifying)).isTrue();
        assertThat(permissions.canSeeObjection(Party.SAME_GROUP, ruling)).isFalse();
        assertThat(permissions.canSeeObjection(Party.OTHER_GROUP, ruling)).isFalse();
        assertThat(permissions.canSeeObjection(Party.ANONYMOUS, ruling)).isFalse();

        assertThat(permissions.canSeeObjector(Party.OBJECTED_TO, true)).isFalse();
        assertThat(permissions.canSeeObjector(Party.OBJECTED_TO, false)).isTrue();
        assertThat(permissions.canSeeObjector(Party.ADMIN, true)).isTrue();
        assertThat(permissions.canSeeObjector(Party.OBJECTOR, true)).isTrue();

        assertThat(permissions.canAnswer(Party.OBJECTED_TO, answering)).isTrue();
        assertThat(permissions.canAnswer(Party.OBJECTED_TO, ruling)).isFalse();
        assertThat(permissions.canAnswer(Party.OBJECTOR, answering)).isFalse();
        assertThat(permissions.canSeeAnswer(Party.OBJECTOR, answering, false)).isFalse();
        assertThat(permissions.canSeeAnswer(Party.OBJECTOR, answering, true)).isTrue(); // a ruling makes it final
        assertThat(permissions.canSeeAnswer(Party.OBJECTOR, ruling, false)).isTrue();
        assertThat(permissions.canSeeAnswer(Party.SAME_GROUP, ruling, true)).isFalse();

        assertThat(permissions.canRule(Party.ADMIN, ruling)).isTrue();
        assertThat(permissions.canRule(Party.ADMIN, answering)).isFalse();
        assertThat(permissions.canRule(Party.OBJECTOR, ruling)).isFalse();
        assertThat(permissions.canSeeRuling(Party.SAME_GROUP)).isFalse();

        assertThat(permissions.canVerify(Party.ADMIN, verifying)).isTrue();
        assertThat(permissions.canVerify(Party.ADMIN, ruling)).isFalse();
        assertThat(permissions.canVerify(Party.OBJECTED_TO, verifying)).isFalse();
        assertThat(permissions.canSeeVerification(Party.OBJECTED_TO)).isTrue();
        assertThat(permissions.canSeeVerification(Party.SAME_GROUP)).isFalse();
    }
}
