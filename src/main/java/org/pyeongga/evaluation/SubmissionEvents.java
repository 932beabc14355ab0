package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.pyeongga.core.AboutInstitutions;

/** What happens to institutions' submissions; each is recorded by the audit trail (ADR 0005). */
public interface SubmissionEvents extends AboutInstitutions {

    long cycleId();

    long institutionId();

    @Override
    default List<Long> institutionIds() {
        return List.of(institutionId());
    }

    /** An evidence file was uploaded; its type was judged by its content. */
    record SubmissionEvidenceAdded(long cycleId, long institutionId, String indicatorCode, long evidenceId, String fileName,
            EvidenceType type, long sizeBytes, String sha256) implements SubmissionEvents {}

    record SubmissionEvidenceRemoved(long cycleId, long institutionId, long evidenceId, String fileName)
            implements SubmissionEvents {}

    /** A 성과요약서 was written or rewritten. */
    record SubmissionCaseSummaryWritten(long cycleId, long institutionId, String indicatorCode, String title, int length)
            implements SubmissionEvents {}

    /** The institution's coordinator confirmed the whole submission. */
    record SubmissionConfirmed(long cycleId, long institutionId) implements SubmissionEvents {}

    /** The coordinator withdrew the confirmation before the deadline. */
    record SubmissionConfirmationWithdrawn(long cycleId, long institutionId) implements SubmissionEvents {}

    /** A program administrator corrected values (possibly after the deadline), with the reason and the old values. */
    record SubmissionCorrectedByAdministrator(long cycleId, long institutionId, Map<String, BigDecimal> values,
            Map<String, String> previous, String reason) implements SubmissionEvents {

        public SubmissionCorrectedByAdministrator {
            values = Map.copyOf(values);
            previous = Map.copyOf(previous);
        }
    }

    /** Values came in from an Excel workbook (all of its rows at once). */
    record SubmissionWorkbookApplied(long cycleId, long institutionId, int rows, String fileName) implements SubmissionEvents {}
}
