package org.pyeongga.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A department (부서: 실·과·담당관, 읍면동) of one institution.
 *
 * @param code the 7-digit 행정표준코드 of the department when it is known (null otherwise)
 */
public record Department(long id, long institutionId, @Nullable String code, String nameKo, String nameEn,
        LocalDate validFrom, @Nullable LocalDate validTo) {

    /** The name in the language asked for ("en" gives English, anything else Korean). */
    public String name(String language) {
        return "en".equals(language) ? nameEn : nameKo;
    }
}
