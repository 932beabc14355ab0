package org.pyeongga.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One institution row as a list shows it. {@code provinceName} is the name of its 광역 as of the date asked for (a
 * 기초 in 강원 shows 강원도 before 2023-06-11 and 강원특별자치도 after).
 */
public record InstitutionSummary(
        long id,
        @Nullable String orgCode,
        @Nullable String sgisCode,
        @Nullable String regionCode,
        String name,
        @Nullable String nameEn,
        @Nullable String fullName,
        InstitutionKind kind,
        @Nullable String provinceName,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String note) {

    public InstitutionLevel level() {
        return kind.level();
    }

    /** Unambiguous Korean name: a 기초 carries its 광역 (there are six 중구). */
    public String displayName() {
        if (kind.level() == InstitutionLevel.BASIC && provinceName != null) {
            return provinceName + " " + name;
        }
        return name;
    }

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !validFrom.isAfter(date)) && (validTo == null || !validTo.isBefore(date));
    }
}
