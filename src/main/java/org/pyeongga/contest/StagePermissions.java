package org.pyeongga.contest;

import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.judging.RoundStewardship;
import org.springframework.stereotype.Component;

/**
 * Who may run a contest's stages, formula and ranking: the contest's managers ({@link ContestPermissions#canManage}:
 * administrators, the owner institution's 기관 총괄 and 적극행정위원회 위원). Anyone else gets 404 for a contest, as if it did not exist. It also lets those
 * managers run the judging rounds of their stages ({@link RoundStewardship}, source {@code contest}).
 */
@Component
class StagePermissions implements RoundStewardship {

    static final String SOURCE = "contest";

    private final CurrentActor actors;
    private final StageStore store;
    private final ContestPermissions contests;

    StagePermissions(CurrentActor actors, StageStore store, ContestPermissions contests) {
        this.actors = actors;
        this.store = store;
        this.contests = contests;
    }

    Actor current() {
        return actors.current();
    }

    boolean canManage(Actor actor, long ownerInstitutionId) {
        return contests.canManage(actor, ownerInstitutionId);
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
