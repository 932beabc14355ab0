package org.pyeongga.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A named set of institutions ranked together (평가군), e.g. 광역, 시, 군, 구 as of a date. */
public record EvaluationGroup(
        long id, String code, String name, @Nullable String nameEn, @Nullable String description,
        @Nullable LocalDate asOf, long memberCount) {}
