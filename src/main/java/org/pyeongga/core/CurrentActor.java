package org.pyeongga.core;

/**
 * Tells who is acting right now. Core's default knows only "the system" (no request) and "not signed in" (a web
 * request); the accounts module provides the real one. Read it on the thread that makes the change.
 */
public interface CurrentActor {

    Actor current();
}
