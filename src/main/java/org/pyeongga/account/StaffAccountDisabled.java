package org.pyeongga.account;

/** A staff account was disabled; it can no longer sign in. */
public record StaffAccountDisabled(long userId) {}
