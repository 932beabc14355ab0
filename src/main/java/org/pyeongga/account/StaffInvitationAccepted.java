package org.pyeongga.account;

/** An invited person used their link and chose a password. */
public record StaffInvitationAccepted(long userId) {}
