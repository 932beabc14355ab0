package org.pyeongga.account;

import java.util.List;
import org.pyeongga.core.Role;

/** A staff account was created with these roles. */
public record StaffAccountCreated(long userId, List<Role> roles) {}
