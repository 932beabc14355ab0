package org.pyeongga.account;

/** A staff member changed their password. */
public record StaffPasswordChanged(long userId) {}
