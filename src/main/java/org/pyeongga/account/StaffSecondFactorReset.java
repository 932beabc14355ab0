package org.pyeongga.account;

/** An administrator removed a staff member's authenticator (lost phone); they register a new one at next sign-in. */
public record StaffSecondFactorReset(long userId) {}
