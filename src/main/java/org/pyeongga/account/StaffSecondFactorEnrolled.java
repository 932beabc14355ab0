package org.pyeongga.account;

/** A staff member registered an authenticator app (TOTP) as their second factor. */
public record StaffSecondFactorEnrolled(long userId) {}
