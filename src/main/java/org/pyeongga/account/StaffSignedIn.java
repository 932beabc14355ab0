package org.pyeongga.account;

/**
 * A staff member signed in (any earlier failures are forgotten); {@code method} says how: {@code password},
 * {@code password+totp}, {@code oidc} or {@code oidc+totp}.
 */
public record StaffSignedIn(long userId, String method) {}
