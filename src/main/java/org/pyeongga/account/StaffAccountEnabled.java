package org.pyeongga.account;

import java.util.List;
import org.pyeongga.core.AboutInstitutions;

/** A disabled staff account was enabled again. */
public record StaffAccountEnabled(long userId, List<Long> institutionIds) implements AboutInstitutions {}
