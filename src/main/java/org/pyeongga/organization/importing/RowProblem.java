package org.pyeongga.organization.importing;

import java.util.List;
import java.util.Objects;

/**
 * One problem found while reading a standard-code file: a message key with its arguments, at a row the user can find
 * in the file (row 1 is the header, row 2 the first data row, row 0 means the whole file).
 */
public record RowProblem(int rowNumber, String messageKey, List<String> args) {

    public RowProblem {
        if (rowNumber < 0) {
            throw new IllegalArgumentException("rowNumber must not be negative: " + rowNumber);
        }
        Objects.requireNonNull(messageKey, "messageKey");
        args = List.copyOf(args);
    }

    /** A problem that concerns the whole file rather than one row. */
    static RowProblem ofFile(String messageKey, String... args) {
        return new RowProblem(0, messageKey, List.of(args));
    }
}
