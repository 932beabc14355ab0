package org.pyeongga.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pyeongga.core.CoreConfiguration;
import org.pyeongga.core.ResultPage;
import org.pyeongga.core.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The institution registry's API: queries as of a date, one institution with its history, institutions added by
 * hand, and recorded reorganisations (renames, moves, mergers, splits) that end old rows and start new ones.
 */
@Service
@Transactional(readOnly = true)
public class InstitutionRegistry {

    static final int MAX_PAGE_SIZE = 500;
    private static final List<String> CLASS_ORDER =
            List.of("METROPOLITAN", "CITY", "COUNTY", "DISTRICT", "CENTRAL", "EDUCATION", "PUBLIC", "OTHER");

    private final InstitutionStore store;
    private final GroupStore groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Kinds that may be added directly; local governments only come from the seed, imports or reorganisations. */
    public static final java.util.Set<InstitutionKind> ADDABLE_KINDS = java.util.EnumSet.of(
            InstitutionKind.CENTRAL_AGENCY, InstitutionKind.EDUCATION_OFFICE, InstitutionKind.PUBLIC_INSTITUTION,
            InstitutionKind.OTHER);

    private final RegistryPermissions permissions;

    InstitutionRegistry(InstitutionStore store, GroupStore groups, ApplicationEventPublisher events, Clock clock,
            RegistryPermissions permissions) {
        this.permissions = permissions;
        this.store = store;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return CoreConfiguration.today(clock);
    }

    public ResultPage<InstitutionSummary> search(InstitutionQuery query, int page, int size) {
        int offset = ResultPage.offset(page, size, MAX_PAGE_SIZE);
        long total = store.count(query);
        return new ResultPage<>(store.search(query, offset, size), page, size, total);
    }

    /** Counts per evaluation class (광역, 시, 군, 구, then the others), in that order, leaving out empty classes. */
    public List<ClassCount> counts(InstitutionQuery query) {
        Map<String, Long> byClass = new LinkedHashMap<>();
        CLASS_ORDER.forEach(c -> byClass.put(c, 0L));
        for (var kc : store.countByKind(query)) {
            byClass.merge(kc.kind().evaluationClass(), kc.count(), Long::sum);
        }
        return byClass.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new ClassCount(e.getKey(), e.getValue()))
                .toList();
    }

    /** The 광역 valid on a date, for province filters and pickers. */
    public List<InstitutionSummary> provinces(LocalDate asOf) {
        var query = new InstitutionQuery(asOf, InstitutionLevel.METROPOLITAN, null, null, null, false);
        return store.search(query, 0, MAX_PAGE_SIZE);
    }

    public InstitutionSummary get(long id, LocalDate asOf) {
        return store.find(id, asOf).orElseThrow(() -> UserFacingException.notFound("institution.notFound", id));
    }

    /** Several institutions at once, as of a date (ids not found are left out). */
    public List<InstitutionSummary> getAll(java.util.Collection<Long> ids, LocalDate asOf) {
        return ids.isEmpty() ? List.of() : store.findAll(List.copyOf(new java.util.LinkedHashSet<>(ids)), asOf);
    }

    public InstitutionDetail detail(long id, LocalDate asOf) {
        InstitutionSummary institution = get(id, asOf);
        LocalDate within = clamp(asOf, institution);
        List<LineageLink> predecessors = new ArrayList<>();
        List<LineageLink> successors = new ArrayList<>();
        for (var s : store.successionsTouching(id)) {
            if (s.successorId() == id) {
                predecessors.add(new LineageLink(get(s.predecessorId(), s.effectiveOn().minusDays(1)), s.type(), s.effectiveOn()));
            } else {
                successors.add(new LineageLink(get(s.successorId(), s.effectiveOn()), s.type(), s.effectiveOn()));
            }
        }
        List<InstitutionSummary> members = List.of();
        if (institution.level() == InstitutionLevel.METROPOLITAN && institution.regionCode() != null) {
            var query = new InstitutionQuery(within, InstitutionLevel.BASIC, null, institution.regionCode(), null, false);
            members = store.search(query, 0, MAX_PAGE_SIZE);
        }
        Long parentId = store.parentOf(id);
        return new InstitutionDetail(
                institution,
                parentId == null ? null : get(parentId, within),
                predecessors,
                successors,
                lineage(id, asOf),
                members,
                groups.groupsOf(id));
    }

    /** Every row connected to this one through succession links, oldest first. */
    private List<InstitutionSummary> lineage(long id, LocalDate asOf) {
        Set<Long> seen = new LinkedHashSet<>();
        var queue = new ArrayDeque<Long>();
        queue.add(id);
        while (!queue.isEmpty() && seen.size() < 100) {
            long next = queue.poll();
            if (seen.add(next)) {
                for (var s : store.successionsTouching(next)) {
                    queue.add(s.predecessorId());
                    queue.add(s.successorId());
                }
            }
        }
        return store.findAll(List.copyOf(seen), asOf).stream()
                .sorted(Comparator.comparing(
                                InstitutionSummary::validFrom, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
                        .thenComparing(InstitutionSummary::id))
                .toList();
    }

    @Transactional
    public long add(NewInstitution institution) {
        permissions.requireManage();
        if (institution.kind() == null || !ADDABLE_KINDS.contains(institution.kind())) {
            throw UserFacingException.badInput("institution.kind.manualOnly");
        }
        // Without a start date the institution exists "since before the records": its code must be free on every date.
        validate(institution, institution.validFrom() == null ? LocalDate.MIN : institution.validFrom());
        long id = store.insert(institution, "MANUAL", null);
        events.publishEvent(new InstitutionAdded(id, institution.name(), institution.kind()));
        return id;
    }

    /**
     * Records a change: ends the predecessors the day before {@code effectiveOn} (except 분구), creates the new
     * successors from that day, links every predecessor to every successor, and optionally moves the 기초 of merged
     * 광역. All or nothing. Returns the ids of the successors.
     */
    @Transactional
    public List<Long> reorganize(Reorganization change) {
        permissions.requireManage();
        if (change.type() == null || change.effectiveOn() == null) {
            throw UserFacingException.badInput("reorg.typeAndDateRequired");
        }
        // One change at a time: a double-submitted form or a concurrent import must see this one finished.
        store.lockForChange();
        LocalDate day = change.effectiveOn();
        LocalDate lastDay = day.minusDays(1);
        List<Long> predecessorIds = List.copyOf(new LinkedHashSet<>(change.predecessorIds()));
        List<Long> existingIds = List.copyOf(new LinkedHashSet<>(change.existingSuccessorIds()));
        int successorCount = change.newSuccessors().size() + existingIds.size();
        checkCounts(change.type(), predecessorIds.size(), successorCount);

        List<InstitutionSummary> predecessors = new ArrayList<>();
        for (long id : predecessorIds) {
            InstitutionSummary p = get(id, lastDay);
            // Only an open row can change: one already ended (or recorded to end) was changed before.
            if (!p.validOn(lastDay) || p.validTo() != null) {
                throw UserFacingException.badInput("reorg.predecessor.notValid", p.displayName(), lastDay);
            }
            predecessors.add(p);
        }
        for (long id : existingIds) {
            InstitutionSummary s = get(id, day);
            if (!s.validOn(day)) {
                throw UserFacingException.badInput("reorg.successor.notValid", s.displayName(), day);
            }
            if (change.predecessorIds().contains(id)) {
                throw UserFacingException.badInput("reorg.sameOnBothSides", s.displayName());
            }
        }
        boolean carry = change.carryMembers();
        if (carry && !(predecessors.stream().allMatch(p -> p.level() == InstitutionLevel.METROPOLITAN)
                && successorCount == 1)) {
            throw UserFacingException.badInput("reorg.carryMembers.invalid");
        }

        if (change.type().endsPredecessors()) {
            predecessors.forEach(p -> store.end(p.id(), lastDay));
        }
        List<Long> successorIds = new ArrayList<>(existingIds);
        for (NewInstitution n : change.newSuccessors()) {
            NewInstitution dated = new NewInstitution(
                    n.name(), n.nameEn(), n.kind(), n.orgCode(), n.regionCode(), n.parentId(), day, n.note());
            validate(dated, day);
            if (dated.kind().level() == InstitutionLevel.METROPOLITAN
                    && provinces(day).stream().anyMatch(p -> dated.regionCode().equals(p.regionCode()))) {
                throw UserFacingException.badInput("institution.region.inUse", dated.regionCode(), day);
            }
            successorIds.add(store.insert(dated, "MANUAL", null));
        }
        for (InstitutionSummary p : predecessors) {
            for (long s : successorIds) {
                store.link(p.id(), s, change.type(), day, change.note());
            }
        }
        if (carry) {
            InstitutionSummary target = get(successorIds.getFirst(), day);
            for (InstitutionSummary p : predecessors) {
                var query = new InstitutionQuery(lastDay, InstitutionLevel.BASIC, null, p.regionCode(), null, false);
                for (InstitutionSummary member : store.search(query, 0, MAX_PAGE_SIZE)) {
                    if (member.validTo() != null) {
                        continue; // already ends on its own
                    }
                    store.end(member.id(), lastDay);
                    long moved = store.insert(
                            new NewInstitution(member.name(), member.nameEn(), member.kind(), member.orgCode(),
                                    target.regionCode(), null, day, change.note()),
                            "MANUAL",
                            member.sgisCode());
                    store.link(member.id(), moved, ChangeType.MOVED, day, change.note());
                }
            }
        }
        events.publishEvent(new InstitutionsReorganized(
                change.type(), day, predecessors.stream().map(InstitutionSummary::id).toList(), successorIds));
        return successorIds;
    }

    private static void checkCounts(ChangeType type, int predecessors, int successors) {
        boolean ok = switch (type) {
            case RENAMED, MOVED -> predecessors == 1 && successors == 1;
            case MERGED -> predecessors >= 2 && successors == 1;
            case SPLIT -> predecessors == 1 && successors >= 2;
            case SPLIT_OFF -> predecessors == 1 && successors >= 1;
            case REORGANIZED -> predecessors >= 1 && successors >= 1;
        };
        if (!ok) {
            throw UserFacingException.badInput("reorg.count." + type.name());
        }
    }

    private void validate(NewInstitution n, LocalDate from) {
        if (n.kind() == null) {
            throw UserFacingException.badInput("institution.kind.required");
        }
        if (n.name() == null || n.name().isBlank()) {
            throw UserFacingException.badInput("institution.name.required");
        }
        if (n.name().strip().length() > 100) {
            throw UserFacingException.badInput("institution.name.tooLong", 100);
        }
        if (n.orgCode() != null) {
            if (!n.orgCode().matches("[0-9A-Z]{7}")) {
                throw UserFacingException.badInput("institution.orgCode.format", n.orgCode());
            }
            if (store.orgCodeInUse(n.orgCode(), from)) {
                throw UserFacingException.conflict("institution.orgCode.inUse", n.orgCode());
            }
        }
        switch (n.kind().level()) {
            case METROPOLITAN -> {
                if (n.regionCode() == null || !n.regionCode().matches("[0-9]{2}")) {
                    throw UserFacingException.badInput("institution.region.required");
                }
            }
            case BASIC -> {
                boolean known = n.regionCode() != null
                        && provinces(from).stream().anyMatch(p -> n.regionCode().equals(p.regionCode()));
                if (!known) {
                    throw UserFacingException.badInput("institution.region.unknown", from);
                }
            }
            default -> {
                if (n.regionCode() != null && !n.regionCode().isBlank() && !n.regionCode().matches("[0-9]{2}")) {
                    throw UserFacingException.badInput("institution.region.format", n.regionCode());
                }
            }
        }
        if (n.parentId() != null) {
            get(n.parentId(), from);
        }
    }

    private static LocalDate clamp(LocalDate date, InstitutionSummary institution) {
        LocalDate d = date;
        if (institution.validFrom() != null && d.isBefore(institution.validFrom())) {
            d = institution.validFrom();
        }
        if (institution.validTo() != null && d.isAfter(institution.validTo())) {
            d = institution.validTo();
        }
        return d;
    }
}
