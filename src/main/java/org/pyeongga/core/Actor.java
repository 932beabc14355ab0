package org.pyeongga.core;

/** Who did something: a signed-in person, a verified citizen (pseudonymous key), the system itself, or nobody known. */
public record Actor(Kind kind, String id, String name) {

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
