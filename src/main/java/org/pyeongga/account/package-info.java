/**
 * Who is acting: staff accounts with memberships (user × institution × role), their second factor, and citizens'
 * identity checks turned into pseudonymous voter keys. So far: the identity SPI, voter keys and TOTP; logins,
 * memberships and permission policies follow (issue 3).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account (계정)", allowedDependencies = {"core", "organization"})
@org.jspecify.annotations.NullMarked
package org.pyeongga.account;
