package org.pyeongga.judging;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The conflict-of-interest rules as plain Java: given what ties an evaluator to institutions, does a conflict keep them
 * from scoring a subject institution, and of which kind? The first kind that applies is reported, in the order of
 * {@link ConflictKind}.
 */
public final class ConflictRules {

    private ConflictRules() {}

    /**
     * An institution and its 광역 key: for a 광역 its own name, for a 기초 the name of its 광역, empty for institutions
     * outside any 광역 (central agencies).
     */
    public record Place(long institutionId, @Nullable String province) {}

    /** A former employer and the last day the evaluator worked there. */
    public record FormerEmployer(long institutionId, LocalDate until) {}

    /** What ties an evaluator to institutions: current memberships, former employers, declared conflicts (id → reason). */
    public record Ties(Set<Place> memberships, List<FormerEmployer> formerEmployers, Map<Long, String> declared) {
        public Ties {
            memberships = Set.copyOf(memberships);
            formerEmployers = List.copyOf(formerEmployers);
            declared = Map.copyOf(declared);
        }

        public static Ties none() {
            return new Ties(Set.of(), List.of(), Map.of());
        }
    }

    /** The conflict between an evaluator and a subject institution on {@code asOf}, if any. */
    public static Optional<ConflictKind> conflict(Ties ties, Place subject, LocalDate asOf, int formerEmployerYears) {
        for (Place own : ties.memberships()) {
            if (own.institutionId() == subject.institutionId()) {
                return Optional.of(ConflictKind.OWN_INSTITUTION);
            }
        }
        for (Place own : ties.memberships()) {
            if (own.province() != null && own.province().equals(subject.province())) {
                return Optional.of(ConflictKind.OWN_PROVINCE_OR_PARENT);
            }
        }
        LocalDate since = asOf.minusYears(formerEmployerYears);
        for (FormerEmployer former : ties.formerEmployers()) {
            if (former.institutionId() == subject.institutionId() && !former.until().isBefore(since)) {
                return Optional.of(ConflictKind.FORMER_EMPLOYER);
            }
        }
        if (ties.declared().containsKey(subject.institutionId())) {
            return Optional.of(ConflictKind.DECLARED);
        }
        return Optional.empty();
    }

    /**
     * The conflict between an evaluator and one subject, if any: one of the people involved in it (their own case)
     * first, then a member of the department that entered it. Subjects without a department or people never conflict
     * here (institution conflicts are {@link #conflict}'s).
     */
    public static Optional<ConflictKind> subjectConflict(long userId, @Nullable Long evaluatorDepartment,
            @Nullable Long subjectDepartment, Set<Long> people) {
        if (people.contains(userId)) {
            return Optional.of(ConflictKind.PERSON_INVOLVED);
        }
        if (evaluatorDepartment != null && evaluatorDepartment.equals(subjectDepartment)) {
            return Optional.of(ConflictKind.OWN_DEPARTMENT);
        }
        return Optional.empty();
    }
}
