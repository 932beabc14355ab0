package org.pyeongga.organization;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Where an import stands: its file, state, progress and counts by outcome. */
public record ImportStatus(
        UUID id,
        String fileName,
        String fileSha256,
        @Nullable String fileFormat,
        LocalDate effectiveOn,
        State state,
        int totalRows,
        int processedRows,
        int added,
        int changed,
        int ended,
        int unchanged,
        int skipped,
        int errors,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime appliedAt,
        @Nullable String failureKey) {

    /** The lifecycle of an import: analysed into a preview, then applied on confirmation. */
    public enum State {
        ANALYZING,
        PREVIEW,
        APPLYING,
        APPLIED,
        FAILED;

        public boolean working() {
            return this == ANALYZING || this == APPLYING;
        }

        public String labelKey() {
            return "import.state." + name();
        }
    }

    /** A preview with no error rows can be applied; one with any error cannot. */
    public boolean canConfirm() {
        return state == State.PREVIEW && errors == 0;
    }

    public int percent() {
        if (state == State.APPLIED || state == State.PREVIEW) {
            return 100;
        }
        return totalRows == 0 ? 0 : Math.min(100, processedRows * 100 / totalRows);
    }
}
