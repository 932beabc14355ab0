package org.pyeongga.contest;

import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.judging.RoundStewardship;
import org.springframework.stereotype.Component;

/**
 * Who may run a contest's stages, formula and ranking: system and program administrators, and the 기관 총괄
 * (INSTITUTION_COORDINATOR) or 적극행정위원회 위원 (COMMITTEE_MEMBER) of the owner institution — the contest
 * managers of the common contract. Anyone else gets 404 for a contest, as if it did not exist. It also lets those
 * managers run the judging rounds of their stages ({@link RoundStewardship}, source {@code contest}).
 */
@Component
class StagePermissions implements RoundStewardship {

    static final String SOURCE = "contest";

    private final CurrentActor actors;
    private final StageStore store;

    StagePermissions(CurrentActor actors, StageStore store) {
        this.actors = actors;
        this.store = store;
    }

    Actor current() {
        return actors.current();
    }

    static boolean canManage(Actor actor, long ownerInstitutionId) {
        if (actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN) || actor.hasRole(Role.PROGRAM_ADMIN)) {
            return true;
        }
        return actor.kind() == Actor.Kind.USER && actor.memberships().stream().anyMatch(m -> m.institutionId() != null
                && m.institutionId() == ownerInstitutionId
                && (m.role() == Role.INSTITUTION_COORDINATOR || m.role() == Role.COMMITTEE_MEMBER));
    }

    /** The contest if the current actor manages it; 404 otherwise (also for a contest that does not exist). */
    StageStore.ContestRow requireContest(long contestId) {
        var contest = store.contest(contestId).orElseThrow(() -> UserFacingException.notFound("contestjudging.contest.notFound"));
        if (!canManage(actors.current(), contest.ownerInstitutionId())) {
            throw UserFacingException.notFound("contestjudging.contest.notFound");
        }
        return contest;
    }

    @Override
    public boolean serves(String source) {
        return SOURCE.equals(source);
    }

    @Override
    public boolean mayManage(Actor actor, String sourceRef) {
        if (!sourceRef.matches("[0-9]{1,18}")) {
            return false;
        }
        return store.contestOfStage(Long.parseLong(sourceRef)).flatMap(store::contest)
                .map(c -> canManage(actor, c.ownerInstitutionId())).orElse(false);
    }
}
