package org.pyeongga.account;

/** Every session of a staff account was ended ("log out everywhere"), by the person or an administrator. */
public record StaffSessionsEnded(long userId) {}
