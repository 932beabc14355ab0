package org.pyeongga.account;

import java.util.List;
import org.pyeongga.core.AboutInstitutions;

/** A staff account was disabled: its sessions end and it can no longer sign in. */
public record StaffAccountDisabled(long userId, List<Long> institutionIds) implements AboutInstitutions {}
