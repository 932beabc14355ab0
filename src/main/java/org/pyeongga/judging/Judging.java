package org.pyeongga.judging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.StaffCards;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.judging.JudgingEvents.JudgingAssignmentOverridden;
import org.pyeongga.judging.JudgingEvents.JudgingAssignmentsMade;
import org.pyeongga.judging.JudgingEvents.JudgingConflictDeclared;
import org.pyeongga.judging.JudgingEvents.JudgingEvaluatorProfileChanged;
import org.pyeongga.judging.JudgingEvents.JudgingPanelChanged;
import org.pyeongga.judging.JudgingEvents.JudgingRemindersSent;
import org.pyeongga.judging.JudgingEvents.JudgingRoundOpened;
import org.pyeongga.judging.JudgingEvents.JudgingRoundSettingsChanged;
import org.pyeongga.judging.JudgingEvents.JudgingSheetReopened;
import org.pyeongga.judging.JudgingEvents.JudgingSheetSubmitted;
import org.pyeongga.judging.JudgingModel.Assignment;
import org.pyeongga.judging.JudgingModel.AssignmentRun;
import org.pyeongga.judging.JudgingModel.Conflict;
import org.pyeongga.judging.JudgingModel.Member;
import org.pyeongga.judging.JudgingModel.NewRound;
import org.pyeongga.judging.JudgingModel.NewSubject;
import org.pyeongga.judging.JudgingModel.Panel;
import org.pyeongga.judging.JudgingModel.Progress;
import org.pyeongga.judging.JudgingModel.ReminderReport;
import org.pyeongga.judging.JudgingModel.RubricLevel;
import org.pyeongga.judging.JudgingModel.RoundSummary;
import org.pyeongga.judging.JudgingModel.Sheet;
import org.pyeongga.judging.JudgingModel.SubmittedScore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The judging module's API: rounds of subjects, panels and their members, conflicts of interest, automatic and manual
 * assignment, rubric score sheets, progress and reminders. Administrators run everything; an evaluator sees and scores
 * only their own assignments, never one with a conflict.
 */
@Service
public class Judging {

    private static final TypeReference<List<RubricLevel>> RUBRIC = new TypeReference<>() {};
    private static final int MAX_COMMENT = 2000;
    private static final int MAX_REASON = 500;

    private final JudgingStore store;
    private final JudgingPermissions permissions;
    private final Conflicts conflicts;
    private final StaffCards staff;
    private final JudgingMail mail;
    private final List<SubjectMaterial> materials;
    private final CurrentActor actors;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    Judging(JudgingStore store, JudgingPermissions permissions, Conflicts conflicts, StaffCards staff, JudgingMail mail,
            List<SubjectMaterial> materials, CurrentActor actors, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.store = store;
        this.permissions = permissions;
        this.conflicts = conflicts;
        this.staff = staff;
        this.mail = mail;
        this.materials = List.copyOf(materials);
        this.actors = actors;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    // ---- rounds and panels (administrators)

    /** Opens a round with its subjects and a first panel that scores them all. */
    @Transactional
    public long openRound(NewRound round) {
        permissions.requireManage(round.source(), round.sourceRef());
        if (store.roundId(round.source(), round.sourceRef()).isPresent()) {
            throw UserFacingException.conflict("judging.round.exists");
        }
        if (round.subjects().isEmpty()) {
            throw UserFacingException.badInput("judging.round.noSubjects");
        }
        validatePanel(round.panelName(), round.requiredPerSubject());
        if (round.title() == null || round.title().isBlank()) {
            throw UserFacingException.badInput("judging.round.title");
        }
        var asOf = round.asOf() != null ? round.asOf() : java.time.LocalDate.now(clock);
        long id = store.insertRound(round.source(), round.sourceRef(), round.title().strip(), asOf, actors.current().id());
        long panel = store.insertPanel(id, round.panelKind(), round.panelName().strip(), round.requiredPerSubject());
        for (NewSubject subject : round.subjects()) {
            if (subject.rubric().isEmpty() || subject.maxPoints().signum() <= 0) {
                throw UserFacingException.badInput("judging.round.rubric", subject.criterion());
            }
            store.insertSubject(id, panel, subject, json.writeValueAsString(subject.rubric()));
        }
        events.publishEvent(new JudgingRoundOpened(id, round.source(), round.sourceRef(), round.subjects().size()));
        return id;
    }

    public Optional<Long> roundFor(String source, String sourceRef) {
        return store.roundId(source, sourceRef);
    }

    public List<RoundSummary> rounds() {
        permissions.requireManage();
        return store.rounds();
    }

    public RoundSummary round(long roundId) {
        permissions.requireManage(roundId);
        return roundRow(roundId);
    }

    /** Sets the comment threshold (a fraction of the maximum), the former-employer window and the closing time. */
    @Transactional
    public void configureRound(long roundId, BigDecimal commentBelow, int formerEmployerYears, @Nullable Instant closesAt) {
        permissions.requireManage(roundId);
        var round = roundRow(roundId);
        if (!permissions.canManage(actors.current()) && round.closesAt() != null && !clock.instant().isBefore(round.closesAt())) {
            throw UserFacingException.conflict("judging.round.closed"); // a steward closes a round for good
        }
        if (commentBelow == null || commentBelow.signum() < 0 || commentBelow.compareTo(BigDecimal.ONE) > 0) {
            throw UserFacingException.badInput("judging.settings.commentBelow");
        }
        if (formerEmployerYears < 0 || formerEmployerYears > 20) {
            throw UserFacingException.badInput("judging.settings.formerYears");
        }
        store.updateRoundSettings(roundId, commentBelow, formerEmployerYears, closesAt);
        events.publishEvent(new JudgingRoundSettingsChanged(roundId, commentBelow, formerEmployerYears,
                closesAt == null ? null : closesAt.toString()));
    }

    @Transactional
    public long createPanel(long roundId, PanelKind kind, String name, int requiredPerSubject) {
        permissions.requireManage();
        roundRow(roundId);
        validatePanel(name, requiredPerSubject);
        if (store.panelNameTaken(roundId, name.strip())) {
            throw UserFacingException.conflict("judging.panel.nameTaken", name.strip());
        }
        long id = store.insertPanel(roundId, kind, name.strip(), requiredPerSubject);
        events.publishEvent(new JudgingPanelChanged(roundId, id, "CREATED", null, kind.name()));
        return id;
    }

    private static void validatePanel(@Nullable String name, int required) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw UserFacingException.badInput("judging.panel.name");
        }
        if (required < 1 || required > 20) {
            throw UserFacingException.badInput("judging.panel.required");
        }
    }

    /** Moves every subject of one criterion to another panel of the round (only before anyone is assigned to them). */
    @Transactional
    public void moveCriterion(long panelId, String criterion) {
        permissions.requireManage();
        var panel = panelRow(panelId);
        if (store.assignmentsForCriterion(panel.roundId(), criterion) > 0) {
            throw UserFacingException.conflict("judging.criterion.assigned", criterion);
        }
        if (store.moveCriterion(panel.roundId(), criterion, panelId) == 0) {
            throw UserFacingException.badInput("judging.criterion.notFound", criterion);
        }
        events.publishEvent(new JudgingPanelChanged(panel.roundId(), panelId, "CRITERION_MOVED", null, criterion));
    }

    public List<Panel> panels(long roundId) {
        permissions.requireManage(roundId);
        roundRow(roundId);
        List<Panel> panels = new ArrayList<>();
        for (var p : store.panels(roundId)) {
            List<Member> members = new ArrayList<>();
            for (var m : store.members(p.id())) {
                var card = staff.byId(m.userId()).orElseThrow();
                String institution = card.memberships().stream().map(Membership::institutionId).filter(java.util.Objects::nonNull)
                        .findFirst().map(String::valueOf).orElse(null);
                members.add(new Member(m.userId(), card.name(), card.email(), store.expertise(m.userId()), m.maxLoad(), institution));
            }
            panels.add(new Panel(p.id(), p.roundId(), p.kind(), p.name(), p.required(), store.criteria(p.id()),
                    store.subjectsOfPanel(p.id()).size(), members));
        }
        return panels;
    }

    /** Adds an evaluator (an account holding the EVALUATOR role) to a panel; a cross panel takes officials only. */
    @Transactional
    public long addMember(long panelId, String email, int maxLoad) {
        permissions.requireManagePanel(panelId);
        var panel = panelRow(panelId);
        var card = staff.byEmail(email == null ? "" : email.strip())
                .orElseThrow(() -> UserFacingException.notFound("judging.member.notFound", email));
        if (!card.enabled() || !card.holds(Role.EVALUATOR)) {
            throw UserFacingException.badInput("judging.member.notEvaluator", card.email());
        }
        if (panel.kind() == PanelKind.CROSS && card.memberships().stream().allMatch(m -> m.institutionId() == null)) {
            throw UserFacingException.badInput("judging.member.crossNeedsInstitution", card.email());
        }
        if (maxLoad < 0 || maxLoad > 10_000) {
            throw UserFacingException.badInput("judging.member.maxLoad");
        }
        store.addMember(panelId, card.id(), maxLoad, actors.current().id());
        events.publishEvent(new JudgingPanelChanged(panel.roundId(), panelId, "MEMBER_ADDED", card.id(), null));
        return card.id();
    }

    /** Sets an evaluator's expertise tags (comma-separated text accepted); administrators or the evaluator themselves. */
    @Transactional
    public void setExpertise(long userId, Set<String> tags) {
        Long self = permissions.userId();
        if (!permissions.canManage(actors.current()) && (self == null || self != userId)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.length() > 30 || t.contains("\u001f")) {
                throw UserFacingException.badInput("judging.expertise.invalid", t);
            }
            clean.add(t);
        }
        if (clean.size() > 10) {
            throw UserFacingException.badInput("judging.expertise.invalid", clean.size());
        }
        store.setExpertise(userId, clean);
        events.publishEvent(new JudgingEvaluatorProfileChanged(userId, "EXPERTISE", null, String.join(",", clean)));
    }

    /** Records that an evaluator worked for an institution until a date (a conflict for the round's N years after). */
    @Transactional
    public void recordFormerEmployer(long userId, long institutionId, java.time.LocalDate until) {
        permissions.requireManage();
        staff.byId(userId).orElseThrow(() -> UserFacingException.notFound("judging.member.notFound", userId));
        if (until == null || until.isAfter(java.time.LocalDate.now(clock))) {
            throw UserFacingException.badInput("judging.formerEmployer.until");
        }
        store.upsertFormerEmployer(userId, institutionId, until, actors.current().id());
        events.publishEvent(new JudgingEvaluatorProfileChanged(userId, "FORMER_EMPLOYER", institutionId, until.toString()));
    }

    // ---- conflicts

    /**
     * Declares a personal conflict (with its reason) between an evaluator and an institution of the round: by an
     * administrator, or by the evaluator. Any assignment of that evaluator to that institution is removed at once.
     */
    @Transactional
    public int declareConflict(long roundId, long userId, long institutionId, String reason) {
        Long self = permissions.userId();
        boolean manager = permissions.canManage(actors.current());
        if (!manager && (self == null || self != userId || !store.isMember(roundId, userId))) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        roundRow(roundId);
        String why = reason(reason, "judging.conflict.reason");
        if (store.subjectsOfRound(roundId).stream().noneMatch(s -> s.institutionId() != null && s.institutionId() == institutionId)) {
            throw UserFacingException.badInput("judging.conflict.institution");
        }
        store.insertDeclared(roundId, userId, institutionId, why, actors.current().id());
        int removed = store.deleteAssignments(roundId, userId, institutionId);
        events.publishEvent(new JudgingConflictDeclared(roundId, userId, institutionId, why, removed));
        return removed;
    }

    /**
     * The signed-in evaluator declares a conflict with the institution of one of their assignments (found while
     * reading its material): every assignment of theirs to that institution in the round goes at once.
     */
    @Transactional
    public int declareOwnConflict(long assignmentId, String reason) {
        long me = permissions.requireEvaluator();
        var assignment = store.assignment(assignmentId).orElseThrow(() -> UserFacingException.notFound("judging.assignment.notFound"));
        var subject = store.subject(assignment.subjectId()).orElseThrow();
        if (assignment.userId() != me || subject.institutionId() == null) {
            throw UserFacingException.notFound("judging.assignment.notFound");
        }
        return declareConflict(subject.roundId(), me, subject.institutionId(), reason);
    }

    /** Every conflict between the round's panel members and its institutions, computed now. */
    public List<Conflict> conflicts(long roundId) {
        permissions.requireManage(roundId);
        roundRow(roundId);
        Set<Long> users = new LinkedHashSet<>();
        store.panels(roundId).forEach(p -> store.members(p.id()).forEach(m -> users.add(m.userId())));
        Set<Long> institutions = new LinkedHashSet<>();
        store.subjectsOfRound(roundId).forEach(s -> {
            if (s.institutionId() != null) {
                institutions.add(s.institutionId());
            }
        });
        var lookup = conflicts.lookup(roundId, users, institutions);
        Map<Long, Map<Long, String>> reasons = new HashMap<>();
        store.declared(roundId).forEach(d -> reasons.computeIfAbsent(d.userId(), k -> new HashMap<>()).put(d.institutionId(), d.reason()));
        List<Conflict> found = new ArrayList<>();
        for (long user : users) {
            String name = staff.byId(user).map(StaffCards.StaffCard::name).orElse("?");
            for (long institution : institutions) {
                var kind = lookup.between(user, institution);
                if (kind.isPresent()) {
                    found.add(new Conflict(user, name, institution, lookup.names().getOrDefault(institution, "?"), kind.get(),
                            kind.get() == ConflictKind.DECLARED ? reasons.get(user).get(institution) : null));
                }
            }
        }
        return found;
    }

    /**
     * Every conflict between the round's panel members and its subjects through a subject's department or people (one
     * per member and subject, whatever the criteria), each with its reason in Korean and English.
     */
    public List<JudgingModel.SubjectConflict> subjectConflicts(long roundId) {
        permissions.requireManage(roundId);
        roundRow(roundId);
        Map<Long, String> users = new LinkedHashMap<>();
        store.panels(roundId).forEach(p -> store.members(p.id()).forEach(m ->
                users.computeIfAbsent(m.userId(), u -> staff.byId(u).map(StaffCards.StaffCard::name).orElse("?"))));
        Map<String, JudgingStore.SubjectRow> subjects = new LinkedHashMap<>();
        store.subjectsOfRound(roundId).forEach(s -> subjects.putIfAbsent(s.subjectRef(), s));
        List<JudgingModel.SubjectConflict> found = new ArrayList<>();
        for (var user : users.entrySet()) {
            for (var subject : subjects.values()) {
                conflicts.ofSubject(subject, user.getKey()).ifPresent(kind -> {
                    String[] why = conflicts.reason(kind, subject);
                    found.add(new JudgingModel.SubjectConflict(user.getKey(), user.getValue(), subject.subjectRef(),
                            subject.name(), kind, why[0], why[1]));
                });
            }
        }
        return found;
    }

    // ---- assignment

    /** Assigns the panel's members to its subjects that still need evaluators (existing assignments are kept). */
    @Transactional
    public AssignmentRun assignAutomatically(long panelId) {
        permissions.requireManagePanel(panelId);
        var panel = panelRow(panelId);
        var members = store.members(panelId);
        if (members.isEmpty()) {
            throw UserFacingException.badInput("judging.assign.noMembers");
        }
        var subjects = store.subjectsOfPanel(panelId);
        var lookup = conflicts.lookup(panel.roundId(), members.stream().map(JudgingStore.MemberRow::userId).toList(),
                subjects.stream().map(JudgingStore.SubjectRow::institutionId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        List<AutomaticAssignment.Evaluator> evaluators = members.stream()
                .map(m -> new AutomaticAssignment.Evaluator(String.valueOf(m.userId()), Set.copyOf(store.expertise(m.userId())), m.maxLoad()))
                .toList();
        List<AutomaticAssignment.Subject> problemSubjects = new ArrayList<>();
        Set<AutomaticAssignment.Pairing> forbidden = new HashSet<>();
        for (var s : subjects) {
            problemSubjects.add(new AutomaticAssignment.Subject(String.valueOf(s.id()), s.criterion(), Set.copyOf(s.tags()), panel.required()));
            for (var m : members) {
                if (s.institutionId() != null && lookup.between(m.userId(), s.institutionId()).isPresent()
                        || conflicts.ofSubject(s, m.userId()).isPresent()) {
                    forbidden.add(new AutomaticAssignment.Pairing(String.valueOf(m.userId()), String.valueOf(s.id())));
                }
            }
        }
        store.exclusions(panelId).forEach(e -> forbidden.add(new AutomaticAssignment.Pairing(String.valueOf(e[1]), String.valueOf(e[0]))));
        Set<String> memberIds = members.stream().map(m -> String.valueOf(m.userId())).collect(Collectors.toSet());
        Set<AutomaticAssignment.Pairing> fixed = store.assignmentRowsOfPanel(panelId).stream()
                .map(a -> new AutomaticAssignment.Pairing(String.valueOf(a.userId()), String.valueOf(a.subjectId())))
                .filter(p -> memberIds.contains(p.evaluator()))
                .collect(Collectors.toSet());
        Map<AutomaticAssignment.Pairing, Integer> preferences = new HashMap<>();
        store.preferences(panelId).forEach(p -> preferences.put(
                new AutomaticAssignment.Pairing(String.valueOf(p.userId()), String.valueOf(p.subjectId())), p.level()));
        var result = AutomaticAssignment.solve(new AutomaticAssignment.Problem(evaluators, problemSubjects, forbidden, fixed, preferences));
        String by = actors.current().id();
        int added = 0;
        for (var pairing : result.pairings()) {
            if (store.insertAssignment(Long.parseLong(pairing.subject()), Long.parseLong(pairing.evaluator()), "AUTO", null, by)) {
                added++;
            }
        }
        int missing = result.shortfall().values().stream().mapToInt(Integer::intValue).sum();
        events.publishEvent(new JudgingAssignmentsMade(panel.roundId(), panelId, added, result.shortfall().size()));
        return new AssignmentRun(added, result.shortfall().size(), missing, result.maxSpreadWithinCriterion());
    }

    /**
     * A panel's assignments with their sheets' state. In a round run for another module ({@link RoundStewardship}: a
     * contest stage) scores stay hidden until the round closes — running results are for nobody, administrators
     * included; the opening module reads them through {@link #submittedScores} when it closes its stage.
     */
    public List<Assignment> assignments(long panelId) {
        permissions.requireManagePanel(panelId);
        var round = roundRow(panelRow(panelId).roundId());
        List<Assignment> all = store.assignmentsOfPanel(panelId);
        if (!hidesRunningScores(round)) {
            return all;
        }
        return all.stream().map(a -> new Assignment(a.id(), a.roundId(), a.roundTitle(), a.subjectId(), a.institutionId(), a.subject(),
                a.grouping(), a.criterion(), a.criterionName(), a.userId(), a.evaluator(), a.origin(), a.reason(), a.status(), null))
                .toList();
    }

    private boolean hidesRunningScores(RoundSummary round) {
        return permissions.stewarded(round.source()) && (round.closesAt() == null || clock.instant().isBefore(round.closesAt()));
    }

    /** The subjects a panel scores (for choosing one in a manual assignment). */
    public List<Map.Entry<Long, String>> subjects(long panelId) {
        permissions.requireManage();
        panelRow(panelId);
        return store.subjectsOfPanel(panelId).stream()
                .map(s -> Map.entry(s.id(), s.criterion() + " · " + s.name())).toList();
    }

    /** The round a panel belongs to. */
    public long roundOfPanel(long panelId) {
        permissions.requireManagePanel(panelId);
        return panelRow(panelId).roundId();
    }

    /** The institutions a round judges, by name (for declaring a conflict). */
    public List<Map.Entry<Long, String>> institutions(long roundId) {
        permissions.requireManage();
        roundRow(roundId);
        Map<Long, String> names = new java.util.TreeMap<>();
        store.subjectsOfRound(roundId).forEach(s -> {
            if (s.institutionId() != null) {
                names.putIfAbsent(s.institutionId(), s.name());
            }
        });
        return names.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
    }

    /** Adds a pairing by hand, with a reason; refused if it would create a conflict of interest. */
    @Transactional
    public long addAssignment(long subjectId, long userId, String reason) {
        permissions.requireManage();
        String why = reason(reason, "judging.assignment.reason");
        var subject = store.subject(subjectId).orElseThrow(() -> UserFacingException.notFound("judging.subject.notFound", subjectId));
        if (store.members(subject.panelId()).stream().noneMatch(m -> m.userId() == userId)) {
            throw UserFacingException.badInput("judging.assignment.notMember");
        }
        if (subject.institutionId() != null) {
            var kind = conflicts.lookup(subject.roundId(), List.of(userId), List.of(subject.institutionId()))
                    .between(userId, subject.institutionId());
            if (kind.isPresent()) {
                throw UserFacingException.conflict("judging.assignment.conflict", kind.get().name());
            }
        }
        var own = conflicts.ofSubject(subject, userId);
        if (own.isPresent()) {
            throw UserFacingException.conflict("judging.assignment.subjectConflict", conflicts.reason(own.get(), subject)[0],
                    conflicts.reason(own.get(), subject)[1]);
        }
        store.unexclude(subjectId, userId);
        if (!store.insertAssignment(subjectId, userId, "MANUAL", why, actors.current().id())) {
            throw UserFacingException.conflict("judging.assignment.exists");
        }
        events.publishEvent(new JudgingAssignmentOverridden(subject.roundId(), subjectId, userId, "ADDED", why));
        return store.assignmentRowsOfPanel(subject.panelId()).stream()
                .filter(a -> a.subjectId() == subjectId && a.userId() == userId).findFirst().orElseThrow().id();
    }

    /** Removes a pairing by hand, with a reason; automatic assignment will not make it again. */
    @Transactional
    public void removeAssignment(long assignmentId, String reason) {
        permissions.requireManage();
        String why = reason(reason, "judging.assignment.reason");
        var assignment = store.assignment(assignmentId).orElseThrow(() -> UserFacingException.notFound("judging.assignment.notFound"));
        var subject = store.subject(assignment.subjectId()).orElseThrow();
        store.deleteAssignment(assignmentId);
        store.exclude(subject.id(), assignment.userId(), why, actors.current().id());
        events.publishEvent(new JudgingAssignmentOverridden(subject.roundId(), subject.id(), assignment.userId(), "REMOVED", why));
    }

    // ---- evaluators' side

    /** The signed-in evaluator's assignments (never one with a conflict of interest). */
    public List<Assignment> myAssignments() {
        long me = permissions.requireEvaluator();
        List<Assignment> mine = store.assignmentsOfUser(me);
        Map<Long, Conflicts.Lookup> byRound = new HashMap<>();
        Map<Long, Map<Long, JudgingStore.SubjectRow>> subjects = new HashMap<>();
        return mine.stream().filter(a -> a.institutionId() == null || byRound.computeIfAbsent(a.roundId(), r -> conflicts.lookup(r,
                List.of(me), mine.stream().filter(x -> x.roundId() == r).map(Assignment::institutionId)
                        .filter(java.util.Objects::nonNull).collect(Collectors.toSet())))
                .between(me, a.institutionId()).isEmpty())
                .filter(a -> !conflictedBySubject(a, me, subjects)).toList();
    }

    /** Whether the subject of an assignment conflicts by its department or people (the round's subjects read once). */
    private boolean conflictedBySubject(Assignment a, long me, Map<Long, Map<Long, JudgingStore.SubjectRow>> subjects) {
        var subject = subjects.computeIfAbsent(a.roundId(), r -> store.subjectsOfRound(r).stream()
                .filter(s -> s.departmentId() != null || !s.people().isEmpty())
                .collect(Collectors.toMap(JudgingStore.SubjectRow::id, s -> s))).get(a.subjectId());
        return subject != null && conflicts.ofSubject(subject, me).isPresent();
    }

    /** An evaluator's preference for a subject of a panel they sit on (−2 … +2). */
    @Transactional
    public void setPreference(long subjectId, int level) {
        long me = permissions.requireEvaluator();
        var subject = store.subject(subjectId).orElseThrow(() -> UserFacingException.notFound("judging.subject.notFound", subjectId));
        if (store.members(subject.panelId()).stream().noneMatch(m -> m.userId() == me) || conflicted(subject, me)) {
            throw UserFacingException.notFound("judging.subject.notFound", subjectId);
        }
        if (level < -2 || level > 2) {
            throw UserFacingException.badInput("judging.preference.level");
        }
        store.upsertPreference(subjectId, me, level);
    }

    /** One sheet: its evaluator sees their own; administrators see any (read only). Anyone else: 404. */
    public Sheet sheet(long assignmentId) {
        Actor actor = actors.current();
        var assignment = store.assignment(assignmentId).orElseThrow(() -> UserFacingException.notFound("judging.assignment.notFound"));
        var subject = store.subject(assignment.subjectId()).orElseThrow();
        boolean manager = permissions.canManage(actor);
        Long self = permissions.userId();
        boolean own = permissions.isEvaluator(actor) && self != null && self == assignment.userId();
        if (!manager && !own || own && conflicted(subject, self)) {
            throw UserFacingException.notFound("judging.assignment.notFound");
        }
        var round = roundRow(subject.roundId());
        if (!own && hidesRunningScores(round)) {
            throw UserFacingException.notFound("judging.assignment.notFound");
        }
        var sheet = store.sheet(assignmentId);
        List<RubricLevel> rubric = json.readValue(subject.rubricJson(), RUBRIC);
        Optional<SubjectMaterial.Material> material = materials.stream().filter(m -> m.serves(round.source())).findFirst()
                .flatMap(m -> m.material(round.sourceRef(), subject.subjectRef(), subject.criterion()));
        return new Sheet(assignmentId, round.id(), round.title(), subject.name(), subject.grouping(), subject.criterion(),
                subject.criterionName(), subject.maxPoints(), rubric, sheet.map(JudgingStore.SheetRow::level).orElse(null),
                sheet.map(JudgingStore.SheetRow::score).orElse(null), sheet.map(JudgingStore.SheetRow::comment).orElse(null),
                sheet.map(JudgingStore.SheetRow::status).orElse("NONE"), threshold(round, subject),
                round.closesAt(), sheet.map(JudgingStore.SheetRow::reopenReason).orElse(null), material);
    }

    /**
     * Saves the evaluator's own sheet as a draft ({@code submit} false: anything may still be missing) or submits it
     * (a rubric level is required, and a comment when the score is below the round's threshold). A submitted sheet
     * stays as it is until an administrator reopens it; after the round closes nothing is saved.
     */
    @Transactional
    public void saveSheet(long assignmentId, @Nullable Integer level, @Nullable String comment, boolean submit) {
        long me = permissions.requireEvaluator();
        var assignment = store.assignment(assignmentId).orElseThrow(() -> UserFacingException.notFound("judging.assignment.notFound"));
        var subject = store.subject(assignment.subjectId()).orElseThrow();
        if (assignment.userId() != me || conflicted(subject, me)) {
            throw UserFacingException.notFound("judging.assignment.notFound");
        }
        var round = roundRow(subject.roundId());
        if (round.closesAt() != null && !clock.instant().isBefore(round.closesAt())) {
            throw UserFacingException.conflict("judging.round.closed");
        }
        if (store.sheet(assignmentId).map(s -> s.status().equals("SUBMITTED")).orElse(false)) {
            throw UserFacingException.conflict("judging.sheet.submitted");
        }
        List<RubricLevel> rubric = json.readValue(subject.rubricJson(), RUBRIC);
        if (level != null && (level < 0 || level >= rubric.size())) {
            throw UserFacingException.badInput("judging.sheet.level");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw UserFacingException.badInput("judging.sheet.commentTooLong", MAX_COMMENT);
        }
        BigDecimal score = level == null ? null : rubric.get(level).points();
        if (submit) {
            if (score == null) {
                throw UserFacingException.badInput("judging.sheet.levelRequired");
            }
            BigDecimal threshold = threshold(round, subject);
            if (score.compareTo(threshold) < 0 && text == null) {
                throw UserFacingException.badInput("judging.sheet.commentRequired", threshold.stripTrailingZeros().toPlainString());
            }
        }
        store.saveSheet(assignmentId, level, score, text, submit);
        if (submit) {
            events.publishEvent(new JudgingSheetSubmitted(round.id(), assignmentId, subject.id(), score));
        }
    }

    /** Reopens a submitted sheet for its evaluator, with a reason (administrators). */
    @Transactional
    public void reopen(long assignmentId, String reason) {
        permissions.requireManage();
        String why = reason(reason, "judging.sheet.reopenReason");
        var assignment = store.assignment(assignmentId).orElseThrow(() -> UserFacingException.notFound("judging.assignment.notFound"));
        if (!store.sheet(assignmentId).map(s -> s.status().equals("SUBMITTED")).orElse(false)) {
            throw UserFacingException.conflict("judging.sheet.notSubmitted");
        }
        store.reopenSheet(assignmentId, why, actors.current().id());
        var subject = store.subject(assignment.subjectId()).orElseThrow();
        events.publishEvent(new JudgingSheetReopened(subject.roundId(), assignmentId, why));
    }

    // ---- progress and reminders

    public List<Progress> progress(long roundId) {
        permissions.requireManage(roundId);
        roundRow(roundId);
        return store.progress(roundId).stream().map(p -> new Progress(p.panelId(), p.panel(), p.userId(), p.name(), p.assigned(),
                p.drafted(), p.submitted())).toList();
    }

    /**
     * E-mails every evaluator of the round who has unsubmitted sheets. Each attempt is recorded with what happened
     * (sent, refused by the mail server, no server configured): a failure is reported, never lost, and does not stop
     * the others.
     */
    @Transactional
    public ReminderReport remind(long roundId, String baseUrl) {
        permissions.requireManage();
        var round = roundRow(roundId);
        Map<Long, Integer> unsubmitted = new LinkedHashMap<>();
        store.progress(roundId).forEach(p -> unsubmitted.merge(p.userId(), p.assigned() - p.submitted(), Integer::sum));
        int sent = 0;
        int failed = 0;
        int noServer = 0;
        List<String> failedNames = new ArrayList<>();
        String by = actors.current().id();
        for (var entry : unsubmitted.entrySet()) {
            if (entry.getValue() <= 0) {
                continue;
            }
            var card = staff.byId(entry.getKey()).orElseThrow();
            var outcome = mail.sendReminder(card.email(), card.name(), round.title(), entry.getValue(), baseUrl);
            store.insertReminder(roundId, card.id(), entry.getValue(), outcome.status(), outcome.error(), by);
            switch (outcome.status()) {
                case "SENT" -> sent++;
                case "FAILED" -> {
                    failed++;
                    failedNames.add(card.name());
                }
                default -> noServer++;
            }
        }
        events.publishEvent(new JudgingRemindersSent(roundId, sent, failed, noServer));
        return new ReminderReport(sent, failed, noServer, failedNames);
    }

    public List<JudgingModel.Reminder> reminders(long roundId) {
        permissions.requireManage();
        roundRow(roundId);
        return store.reminders(roundId);
    }

    // ---- scores for the module that opened the round

    /** Submitted scores of a round, for its opening module (administrators, or the system). */
    public List<SubmittedScore> submittedScores(String source, String sourceRef) {
        permissions.requireManage(source, sourceRef);
        return store.roundId(source, sourceRef).map(id -> store.submittedScores(id).stream()
                .map(s -> new SubmittedScore(s.criterion(), s.subjectRef(), "평가위원 J" + s.userId(), s.score())).toList())
                .orElse(List.of());
    }

    // ---- helpers

    private boolean conflicted(JudgingStore.SubjectRow subject, long userId) {
        return subject.institutionId() != null && conflicts.lookup(subject.roundId(), List.of(userId), List.of(subject.institutionId()))
                .between(userId, subject.institutionId()).isPresent() || conflicts.ofSubject(subject, userId).isPresent();
    }

    private static BigDecimal threshold(RoundSummary round, JudgingStore.SubjectRow subject) {
        return subject.maxPoints().multiply(round.commentBelow()).setScale(2, RoundingMode.HALF_UP);
    }

    private static String reason(@Nullable String reason, String key) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw UserFacingException.badInput(key);
        }
        return reason.strip();
    }

    private RoundSummary roundRow(long roundId) {
        return store.round(roundId).orElseThrow(() -> UserFacingException.notFound("judging.round.notFound", roundId));
    }

    private JudgingStore.PanelRow panelRow(long panelId) {
        return store.panel(panelId).orElseThrow(() -> UserFacingException.notFound("judging.panel.notFound", panelId));
    }
}
