package org.pyeongga.organization;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One explained line of an import preview: the file's row number, what happens, and why (a message key). */
public record ImportLine(
        int rowNumber,
        ImportOutcome outcome,
        @Nullable String orgCode,
        @Nullable String name,
        @Nullable Long institutionId,
        String messageKey,
        List<String> messageArgs) {

    public ImportLine {
        messageArgs = List.copyOf(messageArgs);
    }
}
