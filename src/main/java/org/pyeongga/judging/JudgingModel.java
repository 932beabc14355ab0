package org.pyeongga.judging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The values the judging module takes and gives (records only). */
public final class JudgingModel {

    private JudgingModel() {}

    /** One level of a rubric: its name (Korean, English) and the points it gives. */
    public record RubricLevel(String label, String labelEn, BigDecimal points) {}

    /**
     * A subject to be scored on one criterion, as the opening module describes it. {@code departmentId} (the 부서 that
     * entered it) and {@code people} (the accounts of the people involved) make conflicts of their own: an evaluator of
     * that department, or one of those people, never scores it.
     */
    public record NewSubject(String subjectRef, @Nullable Long institutionId, String name, String grouping, String criterion,
            String criterionName, Set<String> tags, BigDecimal maxPoints, List<RubricLevel> rubric,
            @Nullable Long departmentId, Set<Long> people) {
        public NewSubject {
            tags = Set.copyOf(tags);
            rubric = List.copyOf(rubric);
            people = Set.copyOf(people);
        }

        /** A subject without a department or people involved (an institution × an indicator). */
        public NewSubject(String subjectRef, @Nullable Long institutionId, String name, String grouping, String criterion,
                String criterionName, Set<String> tags, BigDecimal maxPoints, List<RubricLevel> rubric) {
            this(subjectRef, institutionId, name, grouping, criterion, criterionName, tags, maxPoints, rubric, null, Set.of());
        }
    }

    /**
     * A round to open, with its first panel (which scores every subject until criteria are moved to other panels).
     * {@code asOf} is the date conflicts are judged on (today when empty).
     */
    public record NewRound(String source, String sourceRef, String title, @Nullable LocalDate asOf, PanelKind panelKind,
            String panelName, int requiredPerSubject, List<NewSubject> subjects) {
        public NewRound {
            subjects = List.copyOf(subjects);
        }
    }

    public record RoundSummary(long id, String source, String sourceRef, String title, LocalDate asOf,
            BigDecimal commentBelow, int formerEmployerYears, @Nullable Instant closesAt, int subjects) {}

    public record Member(long userId, String name, String email, List<String> expertise, int maxLoad,
            @Nullable String institution) {}

    public record Panel(long id, long roundId, PanelKind kind, String name, int requiredPerSubject, List<String> criteria,
            int subjects, List<Member> members) {}

    /** A computed or declared conflict between a panel member and an institution of the round. */
    public record Conflict(long userId, String evaluator, long institutionId, String institution, ConflictKind kind,
            @Nullable String reason) {}

    /**
     * A conflict between a panel member and one subject (all its criteria): their own department's entry, or a case they
     * are involved in, with the reason in Korean and English ("세무과 소속: 자기 부서 사례는 심사할 수 없습니다").
     */
    public record SubjectConflict(long userId, String evaluator, String subjectRef, String subject, ConflictKind kind,
            String reasonKo, String reasonEn) {

        public String reason(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? reasonEn : reasonKo;
        }
    }

    /** One assignment with its sheet's state (NONE before the first save). */
    public record Assignment(long id, long roundId, String roundTitle, long subjectId, @Nullable Long institutionId, String subject, String grouping, String criterion, String criterionName,
            long userId, String evaluator, String origin, @Nullable String reason, String status,
            @Nullable BigDecimal score) {}

    /** A score sheet as its evaluator (or an administrator) sees it. */
    public record Sheet(long assignmentId, long roundId, String roundTitle, String subject, String grouping, String criterion,
            String criterionName, BigDecimal maxPoints, List<RubricLevel> rubric, @Nullable Integer level,
            @Nullable BigDecimal score, @Nullable String comment, String status, BigDecimal commentRequiredBelow,
            @Nullable Instant closesAt, @Nullable String reopenReason, Optional<SubjectMaterial.Material> material) {

        public boolean submitted() {
            return status.equals("SUBMITTED");
        }
    }

    /** How far one evaluator is in one panel. */
    public record Progress(long panelId, String panel, long userId, String evaluator, int assigned, int drafted, int submitted) {

        public int untouched() {
            return assigned - drafted - submitted;
        }
    }

    /** What an automatic assignment did. */
    public record AssignmentRun(int added, int unfilledSubjects, int missingEvaluators, int spreadWithinCriterion) {}

    /** What a reminder round did: e-mails sent, refused by the mail server, or not sent for want of a server. */
    public record ReminderReport(int sent, int failed, int noMailServer, List<String> failedEvaluators) {}

    /** A reminder as recorded (whatever happened to the e-mail). */
    public record Reminder(long userId, String evaluator, int unsubmitted, String status, @Nullable String error, Instant at) {}

    /** A submitted score for the opening module: criterion, subject, a pseudonymous evaluator key, the score. */
    public record SubmittedScore(String criterion, String subjectRef, String evaluatorKey, BigDecimal score) {}
}
