package org.pyeongga.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A registry query "as of a date": which institutions existed on {@code asOf}, optionally filtered by level, kind,
 * province (the 광역's region code) and a name fragment. With {@code allDates} every row ever recorded is listed.
 */
public record InstitutionQuery(
        LocalDate asOf,
        @Nullable InstitutionLevel level,
        @Nullable InstitutionKind kind,
        @Nullable String regionCode,
        @Nullable String text,
        boolean allDates) {

    public static InstitutionQuery asOf(LocalDate date) {
        return new InstitutionQuery(date, null, null, null, null, false);
    }
}
