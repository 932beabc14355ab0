package org.pyeongga.judging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pyeongga.account.StaffCards;
import org.pyeongga.core.Membership;
import org.pyeongga.judging.ConflictRules.Place;
import org.pyeongga.judging.ConflictRules.Ties;
import org.pyeongga.organization.Department;
import org.pyeongga.organization.Departments;
import org.pyeongga.organization.InstitutionLevel;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.organization.InstitutionSummary;
import org.springframework.stereotype.Component;

/**
 * Gathers what {@link ConflictRules} needs for a round: evaluators' memberships (accounts), former employers and
 * declared conflicts (judging's tables), institutions with their 광역 as of the round's date (the registry).
 */
@Component
class Conflicts {

    private final JudgingStore store;
    private final StaffCards staff;
    private final InstitutionRegistry registry;
    private final Departments departments;

    Conflicts(JudgingStore store, StaffCards staff, InstitutionRegistry registry, Departments departments) {
        this.store = store;
        this.staff = staff;
        this.registry = registry;
        this.departments = departments;
    }

    /** The conflict between an evaluator and one subject through its department or its people, if any. */
    Optional<ConflictKind> ofSubject(JudgingStore.SubjectRow subject, long userId) {
        if (subject.departmentId() == null && subject.people().isEmpty()) {
            return Optional.empty();
        }
        return ConflictRules.subjectConflict(userId, staff.departmentOf(userId).orElse(null), subject.departmentId(),
                subject.people());
    }

    /** Why: "세무과 소속: 자기 부서 사례는 심사할 수 없습니다" in Korean and English. */
    String[] reason(ConflictKind kind, JudgingStore.SubjectRow subject) {
        if (kind == ConflictKind.OWN_DEPARTMENT && subject.departmentId() != null) {
            Optional<Department> department = departments.find(subject.departmentId());
            String ko = department.map(Department::nameKo).orElse("같은 부서");
            String en = department.map(Department::nameEn).orElse("the same department");
            return new String[] {ko + " 소속: 자기 부서 사례는 심사할 수 없습니다",
                "Member of " + en + ": may not judge a case of their own department"};
        }
        return new String[] {"사례 참여자: 자기 사례는 심사할 수 없습니다", "Involved in the case: may not judge their own case"};
    }

    /** A round's view of conflicts: who is tied to which institution, and every institution's place. */
    record Lookup(LocalDate asOf, int formerYears, Map<Long, Ties> ties, Map<Long, Place> places, Map<Long, String> names) {

        Optional<ConflictKind> between(long userId, long institutionId) {
            Place place = places.get(institutionId);
            Ties t = ties.get(userId);
            return place == null || t == null ? Optional.empty() : ConflictRules.conflict(t, place, asOf, formerYears);
        }
    }

    Lookup lookup(long roundId, Collection<Long> userIds, Collection<Long> subjectInstitutions) {
        var round = store.round(roundId).orElseThrow();
        Map<Long, Set<Long>> membershipIds = new HashMap<>();
        Set<Long> institutions = new HashSet<>(subjectInstitutions);
        for (long userId : userIds) {
            Set<Long> own = new HashSet<>();
            staff.byId(userId).ifPresent(card -> card.memberships().stream().map(Membership::institutionId)
                    .filter(java.util.Objects::nonNull).forEach(own::add));
            membershipIds.put(userId, own);
            institutions.addAll(own);
        }
        Map<Long, Place> places = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (InstitutionSummary summary : registry.getAll(institutions, round.asOf())) {
            places.put(summary.id(), place(summary));
            names.put(summary.id(), summary.displayName());
        }
        Map<Long, Map<Long, String>> declared = new HashMap<>();
        store.declared(roundId).forEach(d -> declared.computeIfAbsent(d.userId(), k -> new HashMap<>()).put(d.institutionId(), d.reason()));
        Map<Long, Ties> ties = new HashMap<>();
        for (long userId : userIds) {
            Set<Place> memberships = new HashSet<>();
            for (long id : membershipIds.get(userId)) {
                memberships.add(places.getOrDefault(id, new Place(id, null)));
            }
            List<ConflictRules.FormerEmployer> former = new ArrayList<>();
            store.formerEmployers(userId).forEach(f -> former.add(new ConflictRules.FormerEmployer(f.institutionId(), f.until())));
            ties.put(userId, new Ties(memberships, former, declared.getOrDefault(userId, Map.of())));
        }
        return new Lookup(round.asOf(), round.formerEmployerYears(), ties, places, names);
    }

    /** A 광역 is its own key; a 기초 has its 광역's; others (central agencies, …) have none. */
    static Place place(InstitutionSummary summary) {
        if (summary.level() == InstitutionLevel.METROPOLITAN) {
            return new Place(summary.id(), summary.name());
        }
        return new Place(summary.id(), summary.level() == InstitutionLevel.BASIC ? summary.provinceName() : null);
    }
}
