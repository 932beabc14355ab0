package org.pyeongga.core;

import java.util.Set;

/**
 * Who did something: a signed-in person (with their memberships), a verified citizen (pseudonymous key), the system
 * itself, or nobody known.
 */
public record Actor(Kind kind, String id, String name, Set<Membership> memberships) {

    public Actor {
        memberships = Set.copyOf(memberships);
    }

    public Actor(Kind kind, String id, String name) {
        this(kind, id, name, Set.of());
    }

    /** Holds {@code role} for any institution. */
    public boolean hasRole(Role role) {
        return memberships.stream().anyMatch(m -> m.role() == role);
    }

    /** The kinds of actor the audit trail distinguishes. */
    public enum Kind {
        USER,
        CITIZEN,
        SYSTEM,
        ANONYMOUS
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, "system", "시스템");
    }

    public static Actor anonymous() {
        return new Actor(Kind.ANONYMOUS, "anonymous", "로그인하지 않은 사용자");
    }
}
