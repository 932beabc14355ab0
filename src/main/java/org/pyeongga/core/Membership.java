package org.pyeongga.core;

import org.jspecify.annotations.Nullable;

/** A role held for an institution; {@code institutionId} is empty for people outside any institution (external evaluators). */
public record Membership(@Nullable Long institutionId, Role role) {}
