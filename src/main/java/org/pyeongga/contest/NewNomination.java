package org.pyeongga.contest;

import org.jspecify.annotations.Nullable;

/**
 * A citizen's nomination (국민추천) of an official: who (name, department of the owner institution, job title if
 * known), what they did (a short title) and why. Nothing about the citizen is part of it: they are known only by
 * their pseudonymous voter key.
 */
public record NewNomination(String nomineeName, long nomineeDepartmentId, @Nullable String nomineeJobTitle,
        @Nullable String fieldCode, String title, String reason) {}
