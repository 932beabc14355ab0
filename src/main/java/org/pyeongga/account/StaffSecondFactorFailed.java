package org.pyeongga.account;

/** A wrong or replayed second-factor code; {@code locked} when it locked the account. */
public record StaffSecondFactorFailed(long userId, int failedAttempts, boolean locked) {}
