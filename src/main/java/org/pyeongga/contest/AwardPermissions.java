package org.pyeongga.contest;

import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may record decisions, handle incentives and download certificates: the contest's managers (system and program
 * administrators, the owner institution's coordinators and committee members) decide and publish; only the owner
 * institution's HR officers (or the system itself) check eligibility and apply incentives.
 */
@Component
class AwardPermissions {

    private final CurrentActor actors;
    private final ContestPermissions contests;

    AwardPermissions(CurrentActor actors, ContestPermissions contests) {
        this.actors = actors;
        this.contests = contests;
    }

    Actor current() {
        return actors.current();
    }

    boolean canManage(long ownerInstitutionId) {
        return contests.canManage(actors.current(), ownerInstitutionId);
    }

    boolean isHr(long ownerInstitutionId) {
        return contests.canApplyIncentives(actors.current(), ownerInstitutionId);
    }

    void requireManage(long ownerInstitutionId) {
        if (!canManage(ownerInstitutionId)) {
            throw forbidden();
        }
    }

    void requireHr(long ownerInstitutionId) {
        if (!isHr(ownerInstitutionId)) {
            throw forbidden();
        }
    }

    /** Managers and HR see the decision and the incentives. */
    void requireManageOrHr(long ownerInstitutionId) {
        if (!canManage(ownerInstitutionId) && !isHr(ownerInstitutionId)) {
            throw forbidden();
        }
    }

    @Nullable Long userId() {
        return contests.userId(actors.current());
    }

    static UserFacingException forbidden() {
        return new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
    }
}
