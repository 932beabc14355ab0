package org.pyeongga.account;

/** A wrong password for an existing account; {@code locked} when this failure locked it. */
public record StaffSignInFailed(long userId, int failedAttempts, boolean locked) {}
