package org.pyeongga.judging;

import org.pyeongga.core.Actor;

/**
 * Lets the module that opened a round let its own managers run it: a contest's owner (기관 총괄 of the owner
 * institution) manages the panels, assignments and progress of the contest's stages without being a program
 * administrator. Judging asks every implementation that serves the round's source; administrators need none.
 * Implementations decide on their own data and must not call {@link Judging} (they are consulted from it).
 */
public interface RoundStewardship {

    /** Whether this implementation speaks for rounds opened from {@code source} (e.g. {@code "contest"}). */
    boolean serves(String source);

    /** Whether {@code actor} may manage the round with this source reference. */
    boolean mayManage(Actor actor, String sourceRef);
}
