package org.pyeongga.organization;

import java.util.List;

/** A new evaluation group was defined with its members. */
public record EvaluationGroupDefined(long groupId, String code, List<Long> institutionIds)
        implements org.pyeongga.core.AboutInstitutions {}
