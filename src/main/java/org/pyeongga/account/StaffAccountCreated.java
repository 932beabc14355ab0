package org.pyeongga.account;

import java.util.List;
import org.pyeongga.core.AboutInstitutions;
import org.pyeongga.core.Role;

/** A staff account was created with these roles, for these institutions. */
public record StaffAccountCreated(long userId, List<Role> roles, List<Long> institutionIds) implements AboutInstitutions {}
