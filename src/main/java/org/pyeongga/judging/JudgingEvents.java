package org.pyeongga.judging;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.AboutInstitutions;

/** What the judging module publishes (the audit trail records each). */
public final class JudgingEvents {

    private JudgingEvents() {}

    public record JudgingRoundOpened(long roundId, String source, String sourceRef, int subjects) {}

    public record JudgingRoundSettingsChanged(long roundId, BigDecimal commentBelow, int formerEmployerYears,
            @Nullable String closesAt) {}

    public record JudgingPanelChanged(long roundId, long panelId, String change, @Nullable Long userId, @Nullable String detail) {}

    public record JudgingEvaluatorProfileChanged(long userId, String change, @Nullable Long institutionId, @Nullable String detail) {}

    public record JudgingConflictDeclared(long roundId, long userId, long institutionId, String reason, int removedAssignments)
            implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(institutionId);
        }
    }

    public record JudgingAssignmentsMade(long roundId, long panelId, int added, int unfilledSubjects) {}

    public record JudgingAssignmentOverridden(long roundId, long subjectId, long userId, String change, String reason) {}

    public record JudgingSheetSubmitted(long roundId, long assignmentId, long subjectId, BigDecimal score) {}

    public record JudgingSheetReopened(long roundId, long assignmentId, String reason) {}

    public record JudgingRemindersSent(long roundId, int sent, int failed, int noMailServer) {}
}
