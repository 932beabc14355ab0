package org.pyeongga.organization.importing;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One institution row of a standard-code file that passed every check; optional values are {@code null} when empty.
 */
public record StandardCodeRow(
        int rowNumber,
        String orgCode,
        String name,
        @Nullable String fullName,
        @Nullable String topCode,
        @Nullable String parentCode,
        @Nullable Integer depth,
        @Nullable String previousCode,
        @Nullable LocalDate abolishedOn,
        @Nullable String kind) {

    public StandardCodeRow {
        Objects.requireNonNull(orgCode, "orgCode");
        Objects.requireNonNull(name, "name");
    }
}
