package org.pyeongga.core;

/**
 * Tells who is acting right now. Core's default knows only "the system" (no request) and "not signed in" (a web
 * request); the accounts module provides the real one. Read it on the thread that makes the change.
 */
public interface CurrentActor {

    Actor current();

    /** Who acts when nobody is signed in: "not signed in" inside a web request, the system outside one. */
    static Actor withoutSignIn() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() != null
                ? Actor.anonymous()
                : Actor.system();
    }
}
