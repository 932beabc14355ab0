package org.pyeongga.evaluation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Optional;
import org.pyeongga.core.Actor;
import org.pyeongga.core.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * When an institution may change its submission: while the cycle's SUBMISSION stage is open and its coordinator has not
 * confirmed it. After the deadline everything is locked with a message naming the deadline; a program administrator
 * may still correct, with a reason ({@link Submissions#correct}). {@link Evaluations#enterValues} asks here too, so no
 * path around the lock is left for institution users.
 */
@Component
class SubmissionLock {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CycleStages.SEOUL);

    private final SubmissionStore store;
    private final SubmissionRules rules;
    private final CycleStages stages;
    private final EvaluationPermissions permissions;

    SubmissionLock(SubmissionStore store, SubmissionRules rules, CycleStages stages, EvaluationPermissions permissions) {
        this.store = store;
        this.rules = rules;
        this.stages = stages;
        this.permissions = permissions;
    }

    /**
     * For {@link Evaluations#enterValues}: administrators pass (their changes are recorded as such); institution users
     * only while the submission is open, and only for the indicators an institution enters.
     */
    void requireValuesChangeable(Actor actor, long cycleId, long institutionId, Collection<String> indicatorCodes) {
        if (permissions.canManage(actor)) {
            return;
        }
        requireChangeable(cycleId, institutionId);
        var cycleRules = rules.forCycle(cycleId);
        for (String code : indicatorCodes) {
            var rule = cycleRules.get(code);
            if (rule == null) {
                throw UserFacingException.badInput("evaluation.value.unknownIndicator", code);
            }
            if (!rule.entersValue()) {
                throw UserFacingException.badInput("submission.value.notEntered", code + " " + rule.indicator().name());
            }
        }
    }

    /**
     * Refuses (409 with the dates) unless the stage is open and the submission is not confirmed. Serialized per
     * institution until the transaction ends, so a change and a confirmation cannot pass each other.
     */
    void requireChangeable(long cycleId, long institutionId) {
        store.lockInstitution(cycleId, institutionId);
        Optional<UserFacingException> why = whyLocked(cycleId, institutionId);
        if (why.isPresent()) {
            throw why.get();
        }
    }

    /** Refuses unless the SUBMISSION stage is open now (confirmed or not): for withdrawing a confirmation. */
    void requireStageOpen(long cycleId) {
        Optional<UserFacingException> why = whyStageClosed(cycleId);
        if (why.isPresent()) {
            throw why.get();
        }
    }

    /** Why the submission cannot be changed now, if it cannot. */
    Optional<UserFacingException> whyLocked(long cycleId, long institutionId) {
        Optional<UserFacingException> stage = whyStageClosed(cycleId);
        if (stage.isPresent()) {
            return stage;
        }
        var status = store.status(cycleId, institutionId);
        if (status.isPresent() && status.get().confirmed()) {
            return Optional.of(UserFacingException.conflict("submission.locked.confirmed",
                    SHOWN.format(status.get().confirmedAt())));
        }
        return Optional.empty();
    }

    private Optional<UserFacingException> whyStageClosed(long cycleId) {
        var window = stages.window(cycleId, CycleStage.SUBMISSION);
        if (window.isEmpty()) {
            return Optional.of(UserFacingException.conflict("evaluation.stage.unscheduled", CycleStage.SUBMISSION.korean()));
        }
        Instant now = stages.now();
        if (now.isBefore(window.get().opensAt())) {
            return Optional.of(UserFacingException.conflict("submission.locked.notYet", SHOWN.format(window.get().opensAt())));
        }
        if (!now.isBefore(window.get().closesAt())) {
            return Optional.of(UserFacingException.conflict("submission.locked.deadline", SHOWN.format(window.get().closesAt())));
        }
        return Optional.empty();
    }
}
