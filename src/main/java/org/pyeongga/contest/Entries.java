package org.pyeongga.contest;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.StaffCards;
import org.pyeongga.contest.ContestEntryEvents.ContestEntryChecked;
import org.pyeongga.contest.ContestEntryEvents.ContestEntryEdited;
import org.pyeongga.contest.ContestEntryEvents.ContestEntryMarkedDuplicate;
import org.pyeongga.contest.ContestEntryEvents.ContestEntrySubmitted;
import org.pyeongga.core.Actor;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.Department;
import org.pyeongga.organization.Departments;
import org.pyeongga.voting.Voter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entries and nominations: a department's case (부서추천), a staff member's application (직원신청), a verified citizen's
 * nomination (국민추천, stored with the pseudonymous voter key only); taken only while the contest is OPEN and inside
 * its window (to the second). Then the fact and exclusion check (사실 및 제외대상 검증) with a recorded reason, and
 * duplicates flagged for the manager to confirm. Entries are seen by the contest's managers and, each, by whoever
 * submitted it; to anyone else they do not exist.
 */
@Service
@Transactional(readOnly = true)
public class Entries {

    public static final int MAX_FILES = 5;
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    public static final int MAX_PEOPLE = 20;
    private static final BigDecimal HUNDRED = new BigDecimal(100);
    /** Titles at least this alike (Dice coefficient of character pairs, in %) are flagged. */
    static final int SIMILAR_TITLE = 80;

    private final JdbcClient jdbc;
    private final Contests contests;
    private final ContestPermissions permissions;
    private final StaffCards staff;
    private final Departments departments;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;

    Entries(JdbcClient jdbc, Contests contests, ContestPermissions permissions, StaffCards staff, Departments departments,
            ApplicationEventPublisher events, Clock clock, JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.contests = contests;
        this.permissions = permissions;
        this.staff = staff;
        this.departments = departments;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A signed-in staff member of the owner institution submits a case for their department ({@code DEPARTMENT}) or
     * applies themselves ({@code STAFF}: they become the first person involved). The entry's department is theirs.
     */
    @Transactional
    public long submit(long contestId, EntryChannel channel, NewEntry entry) {
        if (channel == EntryChannel.CITIZEN) {
            throw UserFacingException.badInput("contest.error.channel");
        }
        ContestView contest = contests.contest(contestId);
        Actor actor = permissions.current();
        Long userId = permissions.userId(actor);
        if (userId == null || !permissions.isStaffOf(actor, contest.ownerInstitutionId())) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "contest.error.notEligible");
        }
        requireTakingEntries(contest, channel);
        Department own = staff.departmentOf(userId).flatMap(departments::find)
                .filter(d -> d.institutionId() == contest.ownerInstitutionId())
                .orElseThrow(() -> UserFacingException.conflict("contest.error.noDepartment"));
        String title = text(entry.title(), 200, "contest.error.title");
        String summary = text(entry.summary(), 20000, "contest.error.summary");
        String field = field(contest, entry.fieldCode());
        List<NewEntry.Person> people = channel == EntryChannel.STAFF ? withApplicant(userId, own.id(), entry.people())
                : new ArrayList<>(entry.people());
        checkPeople(contest, people);
        checkEvidence(entry.evidence());
        long id = jdbc.sql("""
                insert into contest_entry (contest_id, channel, field_code, title, summary, department_id, submitted_by_user_id,
                    submitted_at)
                values (:c, :ch, :f, :t, :s, :d, :u, :at) returning id""")
                .param("c", contestId).param("ch", channel.name()).param("f", field).param("t", title).param("s", summary)
                .param("d", own.id()).param("u", userId).param("at", Contests.ts(clock.instant())).query(Long.class).single();
        insertPeople(id, people);
        insertEvidence(id, 1, entry.evidence());
        events.publishEvent(new ContestEntrySubmitted(id, contestId, contest.ownerInstitutionId(), channel, own.id()));
        return id;
    }

    /**
     * A verified citizen nominates an official (국민추천). Without a verified voter: 401; a staff voter: 403. Stored: the
     * nominee's name, department and job title, the title and reason, and the voter key — nothing else about the
     * citizen. The same citizen nominating the same person twice in one contest is refused.
     */
    @Transactional
    public long nominate(long contestId, @Nullable Voter voter, NewNomination nomination) {
        if (voter == null) {
            throw new UserFacingException(HttpStatus.UNAUTHORIZED, "contest.error.verify");
        }
        if (!voter.citizen()) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "contest.error.citizenOnly");
        }
        ContestView contest = contests.contest(contestId);
        requireTakingEntries(contest, EntryChannel.CITIZEN);
        String name = text(nomination.nomineeName(), 100, "contest.error.nominee");
        Department department = departments.find(nomination.nomineeDepartmentId())
                .filter(d -> d.institutionId() == contest.ownerInstitutionId())
                .orElseThrow(() -> UserFacingException.badInput("contest.error.department"));
        String jobTitle = nomination.nomineeJobTitle() == null ? "" : nomination.nomineeJobTitle().strip();
        if (jobTitle.length() > 100) {
            throw UserFacingException.badInput("contest.error.jobTitle");
        }
        String title = text(nomination.title(), 200, "contest.error.title");
        String reason = text(nomination.reason(), 4000, "contest.error.reason");
        String field = field(contest, nomination.fieldCode());
        boolean again = jdbc.sql("""
                select e.name from contest_entry c join contest_entry_person e on e.entry_id = c.id and e.position = 1
                where c.contest_id = :c and c.nominator_voter_key = :k and e.department_id = :d""")
                .param("c", contestId).param("k", voter.key().value()).param("d", department.id()).query(String.class).list()
                .stream().anyMatch(n -> normalized(n).equals(normalized(name)));
        if (again) {
            throw UserFacingException.conflict("contest.error.nominatedAlready");
        }
        long id = jdbc.sql("""
                insert into contest_entry (contest_id, channel, field_code, title, summary, department_id, nominator_voter_key,
                    nomination_reason, submitted_at)
                values (:c, 'CITIZEN', :f, :t, '', :d, :k, :r, :at) returning id""")
                .param("c", contestId).param("f", field).param("t", title).param("d", department.id())
                .param("k", voter.key().value()).param("r", reason).param("at", Contests.ts(clock.instant()))
                .query(Long.class).single();
        insertPeople(id, List.of(new NewEntry.Person(null, name, department.id(), jobTitle, HUNDRED)));
        events.publishEvent(new ContestEntrySubmitted(id, contestId, contest.ownerInstitutionId(), EntryChannel.CITIZEN,
                department.id()));
        return id;
    }

    /**
     * Records an entry of a past round as it was (demo data and imports by the system only): no window or eligibility
     * check, the submission time given.
     */
    @Transactional
    long record(long contestId, EntryChannel channel, NewEntry entry, long departmentId, @Nullable Long submittedBy,
            @Nullable String voterKey, @Nullable String reason, Instant submittedAt) {
        if (permissions.current().kind() != Actor.Kind.SYSTEM) {
            throw ContestPermissions.forbidden();
        }
        ContestView contest = contests.contest(contestId);
        checkPeople(contest, entry.people());
        long id = jdbc.sql("""
                insert into contest_entry (contest_id, channel, field_code, title, summary, department_id, submitted_by_user_id,
                    nominator_voter_key, nomination_reason, submitted_at)
                values (:c, :ch, :f, :t, :s, :d, :u, :k, :r, :at) returning id""")
                .param("c", contestId).param("ch", channel.name()).param("f", field(contest, entry.fieldCode()))
                .param("t", entry.title()).param("s", entry.summary()).param("d", departmentId).param("u", submittedBy)
                .param("k", voterKey).param("r", reason).param("at", Contests.ts(submittedAt)).query(Long.class).single();
        insertPeople(id, entry.people());
        events.publishEvent(new ContestEntrySubmitted(id, contestId, contest.ownerInstitutionId(), channel, departmentId));
        return id;
    }

    /**
     * The fact and exclusion check by a manager: accept, or exclude with a reason from the rules; a note saying why is
     * required either way. Possible while the contest is open or being judged.
     */
    @Transactional
    public void check(long entryId, boolean accept, @Nullable ExclusionReason reason, String note) {
        EntryView entry = managed(entryId);
        ContestView contest = contests.contest(entry.contestId());
        if (contest.phase() != Phase.OPEN && contest.phase() != Phase.JUDGING) {
            throw UserFacingException.conflict("contest.error.phase");
        }
        if (entry.status() == EntryStatus.WITHDRAWN) {
            throw UserFacingException.conflict("contest.error.withdrawn");
        }
        String why = text(note, 2000, "contest.error.checkNote");
        if (!accept && reason == null) {
            throw UserFacingException.badInput("contest.error.exclusionReason");
        }
        EntryStatus status = accept ? EntryStatus.ACCEPTED : EntryStatus.EXCLUDED;
        ExclusionReason exclusion = accept ? null : reason;
        jdbc.sql("""
                update contest_entry set status = :s, exclusion_reason = :x, check_reason = :n, checked_by = :by, checked_at = :at,
                    duplicate_of = case when :s = 'ACCEPTED' then null else duplicate_of end
                where id = :id""").param("s", status.name()).param("x", exclusion == null ? null : exclusion.name())
                .param("n", why).param("by", permissions.current().id()).param("at", Contests.ts(clock.instant()))
                .param("id", entryId).update();
        events.publishEvent(new ContestEntryChecked(entryId, entry.contestId(), entry.ownerInstitutionId(), status, exclusion, why));
    }

    /** The submitter withdraws their entry while the contest is open and before it was checked. */
    @Transactional
    public void withdraw(long entryId) {
        EntryView entry = entry(entryId);
        Long me = permissions.userId(permissions.current());
        if (me == null || !me.equals(entry.submittedByUserId())) {
            throw UserFacingException.notFound("contest.error.entryNotFound");
        }
        if (contests.contest(entry.contestId()).phase() != Phase.OPEN || entry.status() != EntryStatus.SUBMITTED) {
            throw UserFacingException.conflict("contest.error.notWithdrawable");
        }
        jdbc.sql("update contest_entry set status = 'WITHDRAWN' where id = :id and status = 'SUBMITTED'").param("id", entryId)
                .update();
        events.publishEvent(new ContestEntryEvents.ContestEntryWithdrawn(entryId, entry.contestId(), entry.ownerInstitutionId()));
    }

    /** A staff application's people: the applicant first (their account, name and department), as typed otherwise. */
    private List<NewEntry.Person> withApplicant(long userId, long departmentId, List<NewEntry.Person> typed) {
        List<NewEntry.Person> people = new ArrayList<>(typed);
        StaffCards.StaffCard me = staff.byId(userId).orElseThrow();
        NewEntry.Person first = people.isEmpty() ? null : people.getFirst();
        NewEntry.Person applicant = new NewEntry.Person(userId, me.name(), departmentId,
                first == null ? "" : first.jobTitle(), first == null ? HUNDRED : first.sharePercent());
        if (first != null && (Long.valueOf(userId).equals(first.userId())
                || first.userId() == null && me.name().equals(first.name().strip()))) {
            people.set(0, applicant);
        } else {
            people.addFirst(applicant);
        }
        return people;
    }

    /**
     * The submitter edits their entry while the contest is open, inside its window, and before the check: the same
     * rules as submitting (fields, shares adding up to 100, evidence limits). Evidence files listed in
     * {@code removeFiles} (positions) are removed, new ones added after the rest. The previous version is kept in the
     * revision trail. A citizen's nomination is not editable; to anyone but the submitter the entry does not exist.
     */
    @Transactional
    public int edit(long entryId, NewEntry entry, Set<Integer> removeFiles) {
        // two edits (or an edit and the check) of one entry queue on its row instead of colliding on the revision number
        jdbc.sql("select id from contest_entry where id = :id for update").param("id", entryId).query(Long.class).optional();
        EntryView before = load("c.id = :p", entryId).stream().findFirst()
                .orElseThrow(() -> UserFacingException.notFound("contest.error.entryNotFound"));
        Actor actor = permissions.current();
        Long me = permissions.userId(actor);
        if (me == null || before.channel() == EntryChannel.CITIZEN || !me.equals(before.submittedByUserId())
                || !permissions.isStaffOf(actor, before.ownerInstitutionId())) {
            throw UserFacingException.notFound("contest.error.entryNotFound");
        }
        ContestView contest = contests.contest(before.contestId());
        if (before.status() != EntryStatus.SUBMITTED) {
            throw UserFacingException.conflict("contest.error.editChecked");
        }
        if (contest.phase() != Phase.OPEN || !contest.takingEntries(clock.instant())) {
            throw UserFacingException.conflict("contest.error.editClosed");
        }
        String title = text(entry.title(), 200, "contest.error.title");
        String summary = text(entry.summary(), 20000, "contest.error.summary");
        String field = field(contest, entry.fieldCode());
        long departmentId = before.departmentId() == null ? 0 : before.departmentId();
        List<NewEntry.Person> people = before.channel() == EntryChannel.STAFF ? withApplicant(me, departmentId, entry.people())
                : new ArrayList<>(entry.people());
        checkPeople(contest, people);
        checkEvidence(entry.evidence());
        List<EntryView.Attachment> kept = before.attachments().stream().filter(a -> !removeFiles.contains(a.position())).toList();
        if (kept.size() + entry.evidence().size() > MAX_FILES) {
            throw UserFacingException.badInput("contest.error.files", MAX_FILES);
        }
        List<EntryRevision.Change> changed = new ArrayList<>();
        if (!java.util.Objects.equals(field, before.fieldCode())) {
            changed.add(EntryRevision.Change.FIELD);
        }
        if (!title.equals(before.title())) {
            changed.add(EntryRevision.Change.TITLE);
        }
        if (!summary.equals(before.summary())) {
            changed.add(EntryRevision.Change.SUMMARY);
        }
        if (!samePeople(before.people(), people)) {
            changed.add(EntryRevision.Change.PEOPLE);
        }
        if (kept.size() != before.attachments().size() || !entry.evidence().isEmpty()) {
            changed.add(EntryRevision.Change.FILES);
        }
        if (changed.isEmpty()) {
            throw UserFacingException.badInput("contest.error.editNoChange");
        }
        int revision = jdbc.sql("select coalesce(max(revision), 0) + 1 from contest_entry_revision where entry_id = :e")
                .param("e", entryId).query(Integer.class).single();
        Map<String, Object> previous = new java.util.LinkedHashMap<>();
        previous.put("fieldCode", before.fieldCode());
        previous.put("title", before.title());
        previous.put("summary", before.summary());
        previous.put("people", before.people().stream().map(p -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("userId", p.userId());
            m.put("name", p.name());
            m.put("departmentId", p.departmentId());
            m.put("jobTitle", p.jobTitle());
            m.put("sharePercent", p.sharePercent().toPlainString());
            return m;
        }).toList());
        previous.put("files", before.attachments().stream().map(EntryView.Attachment::fileName).toList());
        List<String> codes = changed.stream().map(Enum::name).toList();
        jdbc.sql("""
                insert into contest_entry_revision (entry_id, revision, edited_by_user_id, edited_at, changed, previous)
                values (:e, :r, :u, :at, :c, cast(:p as jsonb))""").param("e", entryId).param("r", revision).param("u", me)
                .param("at", Contests.ts(clock.instant())).param("c", String.join(",", codes))
                .param("p", json.writeValueAsString(previous)).update();
        jdbc.sql("update contest_entry set field_code = :f, title = :t, summary = :s where id = :id and status = 'SUBMITTED'")
                .param("f", field).param("t", title).param("s", summary).param("id", entryId).update();
        jdbc.sql("delete from contest_entry_person where entry_id = :e").param("e", entryId).update();
        insertPeople(entryId, people);
        for (EntryView.Attachment a : before.attachments()) {
            if (removeFiles.contains(a.position())) {
                jdbc.sql("delete from contest_entry_attachment where entry_id = :e and position = :p").param("e", entryId)
                        .param("p", a.position()).update();
            }
        }
        int position = 1;
        for (EntryView.Attachment a : kept) {
            if (a.position() != position) {
                jdbc.sql("update contest_entry_attachment set position = :n where entry_id = :e and position = :p")
                        .param("n", position).param("e", entryId).param("p", a.position()).update();
            }
            position++;
        }
        insertEvidence(entryId, position, entry.evidence());
        events.publishEvent(new ContestEntryEdited(entryId, before.contestId(), before.ownerInstitutionId(), revision, codes));
        return revision;
    }

    /** The edits of an entry, newest first (the contest's managers only). */
    public List<EntryRevision> revisions(long entryId) {
        managed(entryId);
        return revisionsWhere("r.entry_id = :p", entryId).getOrDefault(entryId, List.of());
    }

    /** The edits of every edited entry of a contest, by entry, newest first (the contest's managers only). */
    public Map<Long, List<EntryRevision>> revisionsOf(long contestId) {
        permissions.requireManage(contests.contest(contestId));
        return revisionsWhere("r.entry_id in (select id from contest_entry where contest_id = :p)", contestId);
    }

    private Map<Long, List<EntryRevision>> revisionsWhere(String where, long param) {
        Map<Long, List<EntryRevision>> byEntry = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select r.entry_id, r.revision, r.edited_at, r.changed, r.previous ->> 'title' as previous_title, u.display_name
                from contest_entry_revision r left join account_user u on u.id = r.edited_by_user_id
                where """ + " " + where + " order by r.entry_id, r.revision desc").param("p", param)
                .query((rs, n) -> {
                    byEntry.computeIfAbsent(rs.getLong("entry_id"), k -> new ArrayList<>()).add(new EntryRevision(
                            rs.getInt("revision"), rs.getTimestamp("edited_at").toInstant(), rs.getString("display_name"),
                            java.util.Arrays.stream(rs.getString("changed").split(",")).map(EntryRevision.Change::valueOf)
                                    .toList(), rs.getString("previous_title")));
                    return 0;
                }).list();
        return byEntry;
    }

    private static boolean samePeople(List<EntryPerson> before, List<NewEntry.Person> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            EntryPerson b = before.get(i);
            NewEntry.Person a = after.get(i);
            String job = a.jobTitle() == null ? "" : a.jobTitle().strip();
            if (!java.util.Objects.equals(b.userId(), a.userId()) || !b.name().equals(a.name().strip())
                    || !java.util.Objects.equals(b.departmentId(), a.departmentId()) || !b.jobTitle().equals(job)
                    || b.sharePercent().compareTo(a.sharePercent()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A manager confirms that {@code entryId} repeats the earlier {@code duplicateOf}: it is excluded as a duplicate. */
    @Transactional
    public void markDuplicate(long entryId, long duplicateOf) {
        EntryView entry = managed(entryId);
        EntryView earlier = managed(duplicateOf);
        if (entryId == duplicateOf || earlier.contestId() != entry.contestId() || earlier.duplicateOf() != null) {
            throw UserFacingException.badInput("contest.error.duplicateOf");
        }
        ContestView contest = contests.contest(entry.contestId());
        if (contest.phase() != Phase.OPEN && contest.phase() != Phase.JUDGING) {
            throw UserFacingException.conflict("contest.error.phase");
        }
        String note = "#" + duplicateOf + " 중복 (duplicate of #" + duplicateOf + ")";
        jdbc.sql("""
                update contest_entry set status = 'EXCLUDED', exclusion_reason = 'DUPLICATE', duplicate_of = :d, check_reason = :n,
                    checked_by = :by, checked_at = :at where id = :id""").param("d", duplicateOf).param("n", note)
                .param("by", permissions.current().id()).param("at", Contests.ts(clock.instant())).param("id", entryId).update();
        events.publishEvent(new ContestEntryMarkedDuplicate(entryId, duplicateOf, entry.contestId(), entry.ownerInstitutionId()));
        events.publishEvent(new ContestEntryChecked(entryId, entry.contestId(), entry.ownerInstitutionId(), EntryStatus.EXCLUDED,
                ExclusionReason.DUPLICATE, note));
    }

    /** Every entry of a contest, oldest first (its managers only). */
    public List<EntryView> entries(long contestId) {
        ContestView contest = contests.contest(contestId);
        permissions.requireManage(contest);
        return load("c.contest_id = :p", contestId);
    }

    /** The entries the signed-in staff member submitted to a contest. */
    public List<EntryView> mine(long contestId) {
        ContestView contest = contests.contest(contestId);
        Long userId = permissions.userId(permissions.current());
        if (userId == null) {
            return List.of();
        }
        return load("c.contest_id = :p and c.submitted_by_user_id = :q", contest.id(), userId);
    }

    /**
     * The accepted entries of a contest, for this module's stages and decisions (it checks no permission: the caller's
     * own policy decides who may see them). Never carries anything about a nominating citizen.
     */
    public List<EntryView> accepted(long contestId) {
        return load("c.contest_id = :p and c.status = 'ACCEPTED'", contestId);
    }

    /** One entry, for the contest's managers and its submitter (404 for anyone else). */
    public EntryView entry(long id) {
        EntryView entry = load("c.id = :p", id).stream().findFirst()
                .orElseThrow(() -> UserFacingException.notFound("contest.error.entryNotFound"));
        Actor actor = permissions.current();
        Long userId = permissions.userId(actor);
        if (permissions.canManage(actor, entry.ownerInstitutionId())
                || userId != null && userId.equals(entry.submittedByUserId())) {
            return entry;
        }
        throw UserFacingException.notFound("contest.error.entryNotFound");
    }

    /** An evidence file of an entry (those who may see the entry). */
    public Optional<AttachmentContent> attachment(long entryId, int position) {
        entry(entryId);
        return jdbc.sql("select file_name, content_type, content from contest_entry_attachment where entry_id = :e and position = :p")
                .param("e", entryId).param("p", position)
                .query((rs, n) -> new AttachmentContent(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content"))).optional();
    }

    public record AttachmentContent(String fileName, String contentType, byte[] content) {}

    /**
     * Entries that look like duplicates of an earlier one in the same contest (managers): the same nominee (name and
     * department, for nominations and applications) or nearly the same title. Entries already marked, excluded or
     * withdrawn are left out.
     */
    public List<DuplicateHint> duplicates(long contestId) {
        List<EntryView> live = entries(contestId).stream()
                .filter(e -> e.status() == EntryStatus.SUBMITTED || e.status() == EntryStatus.ACCEPTED).toList();
        List<DuplicateHint> hints = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            EntryView later = live.get(i);
            for (int j = 0; j < i; j++) {
                EntryView earlier = live.get(j);
                if (nominee(later) != null && nominee(later).equals(nominee(earlier))) {
                    hints.add(new DuplicateHint(later.id(), earlier.id(), DuplicateHint.Reason.SAME_NOMINEE, 100));
                    continue;
                }
                int similarity = similarity(later.title(), earlier.title());
                if (similarity >= SIMILAR_TITLE) {
                    hints.add(new DuplicateHint(later.id(), earlier.id(), DuplicateHint.Reason.SIMILAR_TITLE, similarity));
                }
            }
        }
        return hints;
    }

    /** The nominee of a nomination or application (name and department), null for a department's case. */
    private static @Nullable String nominee(EntryView e) {
        if (e.channel() == EntryChannel.DEPARTMENT || e.people().isEmpty()) {
            return null;
        }
        EntryPerson p = e.people().getFirst();
        return normalized(p.name()) + "@" + p.departmentId();
    }

    /** Lower case, compatibility-normalised, letters and digits only ("규제 혁신!" and "규제혁신" are the same). */
    static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase().replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** How alike two titles are, 0–100: the Dice coefficient of their normalised character pairs. */
    static int similarity(String a, String b) {
        String x = normalized(a);
        String y = normalized(b);
        if (x.equals(y)) {
            return 100;
        }
        if (x.length() < 2 || y.length() < 2) {
            return 0;
        }
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i + 1 < x.length(); i++) {
            pairs.merge(x.substring(i, i + 2), 1, Integer::sum);
        }
        int common = 0;
        for (int i = 0; i + 1 < y.length(); i++) {
            String pair = y.substring(i, i + 2);
            Integer left = pairs.get(pair);
            if (left != null && left > 0) {
                pairs.put(pair, left - 1);
                common++;
            }
        }
        return (int) Math.round(200.0 * common / (x.length() - 1 + y.length() - 1));
    }

    private EntryView managed(long entryId) {
        EntryView entry = load("c.id = :p", entryId).stream().findFirst()
                .orElseThrow(() -> UserFacingException.notFound("contest.error.entryNotFound"));
        if (!permissions.canManage(permissions.current(), entry.ownerInstitutionId())) {
            throw UserFacingException.notFound("contest.error.entryNotFound");
        }
        return entry;
    }

    private void requireTakingEntries(ContestView contest, EntryChannel channel) {
        if (!contest.accepts(channel)) {
            throw UserFacingException.badInput("contest.error.channel");
        }
        if (!contest.takingEntries(clock.instant())) {
            throw UserFacingException.conflict("contest.error.closed");
        }
    }

    private static @Nullable String field(ContestView contest, @Nullable String code) {
        if (code == null || code.isBlank()) {
            if (!contest.fields().isEmpty()) {
                throw UserFacingException.badInput("contest.error.entryField");
            }
            return null;
        }
        return contest.field(code.strip()).map(ContestField::code)
                .orElseThrow(() -> UserFacingException.badInput("contest.error.entryField"));
    }

    private static String text(@Nullable String value, int max, String key) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw UserFacingException.badInput(key, max);
        }
        return v;
    }

    private void checkPeople(ContestView contest, List<NewEntry.Person> people) {
        if (people.isEmpty() || people.size() > MAX_PEOPLE) {
            throw UserFacingException.badInput("contest.error.people", MAX_PEOPLE);
        }
        BigDecimal total = BigDecimal.ZERO;
        Set<Long> accounts = new HashSet<>();
        for (NewEntry.Person p : people) {
            text(p.name(), 100, "contest.error.personName");
            if (p.jobTitle() != null && p.jobTitle().strip().length() > 100) {
                throw UserFacingException.badInput("contest.error.jobTitle");
            }
            if (p.sharePercent() == null || p.sharePercent().signum() <= 0 || p.sharePercent().compareTo(HUNDRED) > 0
                    || p.sharePercent().scale() > 2 && p.sharePercent().stripTrailingZeros().scale() > 2) {
                throw UserFacingException.badInput("contest.error.share", p.name());
            }
            if (p.departmentId() != null && departments.find(p.departmentId())
                    .filter(d -> d.institutionId() == contest.ownerInstitutionId()).isEmpty()) {
                throw UserFacingException.badInput("contest.error.department");
            }
            if (p.userId() != null && !accounts.add(p.userId())) {
                throw UserFacingException.badInput("contest.error.personTwice", p.name());
            }
            total = total.add(p.sharePercent());
        }
        if (total.compareTo(HUNDRED) != 0) {
            throw UserFacingException.badInput("contest.error.shares", total.stripTrailingZeros().toPlainString());
        }
    }

    private static void checkEvidence(List<NewEntry.Evidence> evidence) {
        if (evidence.size() > MAX_FILES) {
            throw UserFacingException.badInput("contest.error.files", MAX_FILES);
        }
        for (NewEntry.Evidence e : evidence) {
            if (e.content() == null || e.content().length == 0 || e.content().length > MAX_FILE_BYTES) {
                throw UserFacingException.badInput("contest.error.fileSize", MAX_FILE_BYTES / (1024 * 1024));
            }
        }
    }

    private static String fileName(@Nullable String name) {
        String n = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (n.isEmpty()) {
            n = "evidence";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    private static String contentType(@Nullable String type) {
        return type == null || type.isBlank() || type.length() > 100 ? "application/octet-stream" : type.strip();
    }

    /** Stores evidence files after the entry's others, numbered from {@code firstPosition}. */
    private void insertEvidence(long entryId, int firstPosition, List<NewEntry.Evidence> evidence) {
        int position = firstPosition;
        for (NewEntry.Evidence e : evidence) {
            jdbc.sql("""
                    insert into contest_entry_attachment (entry_id, position, file_name, content_type, size_bytes, content)
                    values (:e, :p, :n, :t, :s, :c)""").param("e", entryId).param("p", position++).param("n", fileName(e.fileName()))
                    .param("t", contentType(e.contentType())).param("s", e.content().length).param("c", e.content()).update();
        }
    }

    private void insertPeople(long entryId, List<NewEntry.Person> people) {
        int position = 1;
        for (NewEntry.Person p : people) {
            jdbc.sql("""
                    insert into contest_entry_person (entry_id, position, user_id, name, department_id, job_title, share_percent)
                    values (:e, :p, :u, :n, :d, :j, :s)""").param("e", entryId).param("p", position++).param("u", p.userId())
                    .param("n", p.name().strip()).param("d", p.departmentId())
                    .param("j", p.jobTitle() == null ? "" : p.jobTitle().strip()).param("s", p.sharePercent()).update();
        }
    }

    private List<EntryView> load(String where, long param) {
        return load(where, param, 0);
    }

    /** Entries matching {@code where} (a fixed condition on {@code :p} and {@code :q}), with people and file names. */
    private List<EntryView> load(String where, long param, long second) {
        List<EntryView> entries = jdbc.sql("""
                select c.id, c.contest_id, c.channel, c.field_code, c.title, c.summary, c.department_id, c.submitted_by_user_id,
                       c.nomination_reason, c.status, c.exclusion_reason, c.check_reason, c.checked_by, c.checked_at,
                       c.duplicate_of, c.submitted_at, k.owner_institution_id, d.name_ko as department_name,
                       u.display_name as submitted_by_name
                from contest_entry c join contest k on k.id = c.contest_id
                left join organization_department d on d.id = c.department_id
                left join account_user u on u.id = c.submitted_by_user_id
                where """ + " " + where + " order by c.submitted_at, c.id").param("p", param).param("q", second)
                .query((rs, n) -> row(rs)).list();
        if (entries.isEmpty()) {
            return entries;
        }
        List<Long> ids = entries.stream().map(EntryView::id).toList();
        Map<Long, List<EntryPerson>> people = new HashMap<>();
        jdbc.sql("""
                select p.*, d.name_ko as department_name from contest_entry_person p
                left join organization_department d on d.id = p.department_id
                where p.entry_id in (:ids) order by p.entry_id, p.position""").param("ids", ids)
                .query((rs, n) -> {
                    people.computeIfAbsent(rs.getLong("entry_id"), k -> new ArrayList<>()).add(new EntryPerson(
                            rs.getInt("position"), (Long) rs.getObject("user_id"), rs.getString("name"),
                            (Long) rs.getObject("department_id"), rs.getString("department_name"), rs.getString("job_title"),
                            rs.getBigDecimal("share_percent")));
                    return 0;
                }).list();
        Map<Long, List<EntryView.Attachment>> files = new HashMap<>();
        jdbc.sql("""
                select entry_id, position, file_name, content_type, size_bytes from contest_entry_attachment
                where entry_id in (:ids) order by entry_id, position""").param("ids", ids)
                .query((rs, n) -> {
                    files.computeIfAbsent(rs.getLong("entry_id"), k -> new ArrayList<>()).add(new EntryView.Attachment(
                            rs.getInt("position"), rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes")));
                    return 0;
                }).list();
        return entries.stream().map(e -> new EntryView(e.id(), e.contestId(), e.ownerInstitutionId(), e.channel(), e.fieldCode(),
                e.title(), e.summary(), e.departmentId(), e.departmentName(), e.submittedByUserId(), e.submittedByName(),
                e.nominationReason(), e.status(), e.exclusionReason(), e.checkNote(), e.checkedBy(), e.checkedAt(),
                e.duplicateOf(), e.submittedAt(), people.getOrDefault(e.id(), List.of()), files.getOrDefault(e.id(), List.of())))
                .toList();
    }

    private static EntryView row(ResultSet rs) throws SQLException {
        String exclusion = rs.getString("exclusion_reason");
        return new EntryView(rs.getLong("id"), rs.getLong("contest_id"), rs.getLong("owner_institution_id"),
                EntryChannel.valueOf(rs.getString("channel")), rs.getString("field_code"), rs.getString("title"),
                rs.getString("summary"), (Long) rs.getObject("department_id"), rs.getString("department_name"),
                (Long) rs.getObject("submitted_by_user_id"), rs.getString("submitted_by_name"),
                rs.getString("nomination_reason"), EntryStatus.valueOf(rs.getString("status")),
                exclusion == null ? null : ExclusionReason.valueOf(exclusion), rs.getString("check_reason"),
                rs.getString("checked_by"), Contests.instant(rs, "checked_at"), (Long) rs.getObject("duplicate_of"),
                rs.getTimestamp("submitted_at").toInstant(), List.of(), List.of());
    }
}
