package org.pyeongga.account;

/** A staff member signed in (any earlier failures are forgotten). */
public record StaffSignedIn(long userId) {}
