package org.pyeongga.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An institution an administrator adds by hand (a 중앙행정기관, 교육청 or 공공기관), or a successor created by a
 * reorganisation. {@code regionCode} is the 광역's 2-digit code for local governments.
 */
public record NewInstitution(
        String name,
        @Nullable String nameEn,
        InstitutionKind kind,
        @Nullable String orgCode,
        @Nullable String regionCode,
        @Nullable Long parentId,
        @Nullable LocalDate validFrom,
        @Nullable String note) {}
