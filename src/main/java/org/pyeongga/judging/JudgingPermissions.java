package org.pyeongga.judging;

import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Judging's permission policy: system and program administrators (and the system itself) run rounds, panels,
 * assignments and reminders; an evaluator sees and scores only their own assignments (another's answers 404, as if it
 * did not exist).
 */
@Component
public class JudgingPermissions {

    private final CurrentActor actors;
    private final JudgingStore store;
    private final java.util.List<RoundStewardship> stewards;

    JudgingPermissions(CurrentActor actors, JudgingStore store, java.util.List<RoundStewardship> stewards) {
        this.actors = actors;
        this.store = store;
        this.stewards = java.util.List.copyOf(stewards);
    }

    public boolean canManage(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN) || actor.hasRole(Role.PROGRAM_ADMIN);
    }

    public boolean isEvaluator(Actor actor) {
        return actor.kind() == Actor.Kind.USER && actor.hasRole(Role.EVALUATOR);
    }

    void requireManage() {
        if (!canManage(actors.current())) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
    }

    /** Administrators, or whom the module that opened the round lets manage it ({@link RoundStewardship}); else 403. */
    void requireManage(String source, String sourceRef) {
        Actor actor = actors.current();
        if (!canManage(actor) && stewards.stream().noneMatch(s -> s.serves(source) && s.mayManage(actor, sourceRef))) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
    }

    /** Whether another module runs rounds from this source (and so keeps their running scores hidden). */
    boolean stewarded(String source) {
        return stewards.stream().anyMatch(s -> s.serves(source));
    }

    /** {@link #requireManage(String, String)} for an existing round (an unknown round: 403 unless administrator). */
    void requireManage(long roundId) {
        if (canManage(actors.current())) {
            return;
        }
        var round = store.round(roundId).orElseThrow(() -> new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden"));
        requireManage(round.source(), round.sourceRef());
    }

    void requireManagePanel(long panelId) {
        if (!canManage(actors.current())) {
            requireManage(store.panel(panelId).map(JudgingStore.PanelRow::roundId)
                    .orElseThrow(() -> new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden")));
        }
    }

    /** The signed-in evaluator's account id, or 403. */
    long requireEvaluator() {
        Actor actor = actors.current();
        if (!isEvaluator(actor) || !actor.id().startsWith("user:")) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return Long.parseLong(actor.id().substring("user:".length()));
    }

    /** The signed-in person's account id, if any. */
    @org.jspecify.annotations.Nullable
    Long userId() {
        Actor actor = actors.current();
        return actor.kind() == Actor.Kind.USER && actor.id().startsWith("user:") ? Long.parseLong(actor.id().substring(5)) : null;
    }
}
