package org.pyeongga.judging;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.pyeongga.judging.JudgingModel.RoundSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for rounds, panels, evaluators, conflicts, subjects, assignments, sheets and reminders. */
@Repository
class JudgingStore {

    /** Separates tags on their way into a text[] (a character no tag contains). */
    private static final String UNIT = "\u001f";

    private final JdbcClient jdbc;

    JudgingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // rounds

    long insertRound(String source, String ref, String title, LocalDate asOf, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into judging_round (source, source_ref, title, as_of, created_by) values (:s, :r, :t, :a, :b)")
                .param("s", source).param("r", ref).param("t", title).param("a", Date.valueOf(asOf)).param("b", by)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<Long> roundId(String source, String ref) {
        return jdbc.sql("select id from judging_round where source = :s and source_ref = :r").param("s", source).param("r", ref)
                .query(Long.class).optional();
    }

    private static final String ROUND_SELECT = """
            select r.*, (select count(*) from judging_subject s where s.round_id = r.id) as subjects from judging_round r
            """;

    Optional<RoundSummary> round(long id) {
        return jdbc.sql(ROUND_SELECT + " where r.id = :id").param("id", id).query(JudgingStore::round).optional();
    }

    List<RoundSummary> rounds() {
        return jdbc.sql(ROUND_SELECT + " order by r.id desc").query(JudgingStore::round).list();
    }

    private static RoundSummary round(ResultSet rs, int n) throws SQLException {
        return new RoundSummary(rs.getLong("id"), rs.getString("source"), rs.getString("source_ref"), rs.getString("title"),
                rs.getDate("as_of").toLocalDate(), rs.getBigDecimal("comment_below"), rs.getInt("former_employer_years"),
                instant(rs, "closes_at"), rs.getInt("subjects"));
    }

    void updateRoundSettings(long id, BigDecimal commentBelow, int formerYears, @Nullable Instant closesAt) {
        jdbc.sql("update judging_round set comment_below = :c, former_employer_years = :y, closes_at = :a where id = :id")
                .param("c", commentBelow).param("y", formerYears).param("a", closesAt == null ? null : Timestamp.from(closesAt))
                .param("id", id).update();
    }

    // panels

    record PanelRow(long id, long roundId, PanelKind kind, String name, int required) {}

    long insertPanel(long roundId, PanelKind kind, String name, int required) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into judging_panel (round_id, kind, name, required_per_subject) values (:r, :k, :n, :q)")
                .param("r", roundId).param("k", kind.name()).param("n", name).param("q", required).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    boolean panelNameTaken(long roundId, String name) {
        return jdbc.sql("select exists (select 1 from judging_panel where round_id = :r and name = :n)").param("r", roundId)
                .param("n", name).query(Boolean.class).single();
    }

    Optional<PanelRow> panel(long id) {
        return jdbc.sql("select * from judging_panel where id = :id").param("id", id).query(JudgingStore::panel).optional();
    }

    List<PanelRow> panels(long roundId) {
        return jdbc.sql("select * from judging_panel where round_id = :r order by id").param("r", roundId)
                .query(JudgingStore::panel).list();
    }

    private static PanelRow panel(ResultSet rs, int n) throws SQLException {
        return new PanelRow(rs.getLong("id"), rs.getLong("round_id"), PanelKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getInt("required_per_subject"));
    }

    record MemberRow(long userId, int maxLoad) {}

    List<MemberRow> members(long panelId) {
        return jdbc.sql("select user_id, max_load from judging_panel_member where panel_id = :p order by added_at, user_id")
                .param("p", panelId).query((rs, n) -> new MemberRow(rs.getLong(1), rs.getInt(2))).list();
    }

    boolean addMember(long panelId, long userId, int maxLoad, String by) {
        return jdbc.sql("""
                        insert into judging_panel_member (panel_id, user_id, max_load, added_by) values (:p, :u, :m, :b)
                        on conflict (panel_id, user_id) do update set max_load = excluded.max_load
                        """)
                .param("p", panelId).param("u", userId).param("m", maxLoad).param("b", by).update() == 1;
    }

    boolean isMember(long roundId, long userId) {
        return jdbc.sql("""
                        select exists (select 1 from judging_panel_member m join judging_panel p on p.id = m.panel_id
                                        where p.round_id = :r and m.user_id = :u)
                        """).param("r", roundId).param("u", userId).query(Boolean.class).single();
    }

    List<String> criteria(long panelId) {
        return jdbc.sql("select distinct criterion from judging_subject where panel_id = :p order by criterion").param("p", panelId)
                .query(String.class).list();
    }

    int moveCriterion(long roundId, String criterion, long panelId) {
        return jdbc.sql("update judging_subject set panel_id = :p where round_id = :r and criterion = :c")
                .param("p", panelId).param("r", roundId).param("c", criterion).update();
    }

    int assignmentsForCriterion(long roundId, String criterion) {
        return jdbc.sql("""
                        select count(*) from judging_assignment a join judging_subject s on s.id = a.subject_id
                         where s.round_id = :r and s.criterion = :c
                        """).param("r", roundId).param("c", criterion).query(Integer.class).single();
    }

    // evaluators

    List<String> expertise(long userId) {
        return jdbc.sql("select expertise from judging_evaluator where user_id = :u").param("u", userId)
                .query((rs, n) -> strings(rs.getArray(1))).optional().orElse(List.of());
    }

    void setExpertise(long userId, Set<String> tags) {
        jdbc.sql("""
                        insert into judging_evaluator (user_id, expertise) values (:u, string_to_array(:t, :sep))
                        on conflict (user_id) do update set expertise = excluded.expertise, updated_at = now()
                        """)
                .param("u", userId).param("t", String.join(UNIT, new TreeSet<>(tags))).param("sep", UNIT).update();
    }

    record FormerRow(long institutionId, LocalDate until) {}

    List<FormerRow> formerEmployers(long userId) {
        return jdbc.sql("select institution_id, until from judging_former_employer where user_id = :u").param("u", userId)
                .query((rs, n) -> new FormerRow(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
    }

    void upsertFormerEmployer(long userId, long institutionId, LocalDate until, String by) {
        jdbc.sql("""
                        insert into judging_former_employer (user_id, institution_id, until, recorded_by) values (:u, :i, :d, :b)
                        on conflict (user_id, institution_id) do update set until = excluded.until, recorded_by = excluded.recorded_by
                        """)
                .param("u", userId).param("i", institutionId).param("d", Date.valueOf(until)).param("b", by).update();
    }

    record DeclaredRow(long userId, long institutionId, String reason) {}

    List<DeclaredRow> declared(long roundId) {
        return jdbc.sql("select user_id, institution_id, reason from judging_declared_conflict where round_id = :r order by id")
                .param("r", roundId).query((rs, n) -> new DeclaredRow(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
    }

    void insertDeclared(long roundId, long userId, long institutionId, String reason, String by) {
        jdbc.sql("""
                        insert into judging_declared_conflict (round_id, user_id, institution_id, reason, declared_by)
                        values (:r, :u, :i, :why, :b)
                        on conflict (round_id, user_id, institution_id) do update set reason = excluded.reason
                        """)
                .param("r", roundId).param("u", userId).param("i", institutionId).param("why", reason).param("b", by).update();
    }

    // subjects

    record SubjectRow(long id, long roundId, long panelId, String subjectRef, @Nullable Long institutionId, String name,
            String grouping, String criterion, String criterionName, List<String> tags, BigDecimal maxPoints, String rubricJson,
            @Nullable Long departmentId, Set<Long> people) {}

    void insertSubject(long roundId, long panelId, JudgingModel.NewSubject s, String rubricJson) {
        jdbc.sql("""
                        insert into judging_subject (round_id, panel_id, subject_ref, institution_id, name, grouping, criterion,
                                                     criterion_name, tags, max_points, rubric, department_id, people)
                        values (:r, :p, :ref, :i, :n, :g, :c, :cn, string_to_array(:t, :sep), :m, cast(:rubric as jsonb), :d,
                                cast(string_to_array(:people, ',') as bigint[]))
                        """)
                .param("r", roundId).param("p", panelId).param("ref", s.subjectRef()).param("i", s.institutionId())
                .param("n", s.name()).param("g", s.grouping()).param("c", s.criterion()).param("cn", s.criterionName())
                .param("t", String.join(UNIT, new TreeSet<>(s.tags()))).param("sep", UNIT).param("m", s.maxPoints())
                .param("rubric", rubricJson).param("d", s.departmentId())
                .param("people", s.people().stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")))
                .update();
    }

    Optional<SubjectRow> subject(long id) {
        return jdbc.sql("select * from judging_subject where id = :id").param("id", id).query(JudgingStore::subject).optional();
    }

    List<SubjectRow> subjectsOfPanel(long panelId) {
        return jdbc.sql("select * from judging_subject where panel_id = :p order by criterion, grouping, name").param("p", panelId)
                .query(JudgingStore::subject).list();
    }

    List<SubjectRow> subjectsOfRound(long roundId) {
        return jdbc.sql("select * from judging_subject where round_id = :r order by criterion, grouping, name").param("r", roundId)
                .query(JudgingStore::subject).list();
    }

    private static SubjectRow subject(ResultSet rs, int n) throws SQLException {
        return new SubjectRow(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("panel_id"), rs.getString("subject_ref"),
                (Long) rs.getObject("institution_id", Long.class), rs.getString("name"), rs.getString("grouping"),
                rs.getString("criterion"), rs.getString("criterion_name"), strings(rs.getArray("tags")),
                rs.getBigDecimal("max_points"), rs.getString("rubric"), (Long) rs.getObject("department_id", Long.class),
                longs(rs.getArray("people")));
    }

    record PreferenceRow(long subjectId, long userId, int level) {}

    List<PreferenceRow> preferences(long panelId) {
        return jdbc.sql("""
                        select p.subject_id, p.user_id, p.level from judging_preference p
                          join judging_subject s on s.id = p.subject_id where s.panel_id = :p
                        """).param("p", panelId).query((rs, n) -> new PreferenceRow(rs.getLong(1), rs.getLong(2), rs.getInt(3))).list();
    }

    void upsertPreference(long subjectId, long userId, int level) {
        jdbc.sql("""
                        insert into judging_preference (subject_id, user_id, level) values (:s, :u, :l)
                        on conflict (subject_id, user_id) do update set level = excluded.level
                        """).param("s", subjectId).param("u", userId).param("l", level).update();
    }

    // assignments

    record AssignmentRow(long id, long subjectId, long userId, String origin, @Nullable String reason) {}

    private static final String ASSIGNMENT_VIEW = """
            select a.id, s.round_id, r.title, a.subject_id, s.institution_id, s.name, s.grouping, s.criterion, s.criterion_name, a.user_id, u.display_name,
                   a.origin, a.reason, coalesce(h.status, 'NONE') as status, h.score
              from judging_assignment a
              join judging_subject s on s.id = a.subject_id
              join judging_round r on r.id = s.round_id
              join account_user u on u.id = a.user_id
              left join judging_sheet h on h.assignment_id = a.id
            """;

    List<JudgingModel.Assignment> assignmentsOfPanel(long panelId) {
        return jdbc.sql(ASSIGNMENT_VIEW + " where s.panel_id = :p order by s.criterion, s.grouping, s.name, u.display_name")
                .param("p", panelId).query(JudgingStore::assignment).list();
    }

    List<JudgingModel.Assignment> assignmentsOfUser(long userId) {
        return jdbc.sql(ASSIGNMENT_VIEW + " where a.user_id = :u order by s.round_id desc, s.criterion, s.grouping, s.name")
                .param("u", userId).query(JudgingStore::assignment).list();
    }

    private static JudgingModel.Assignment assignment(ResultSet rs, int n) throws SQLException {
        return new JudgingModel.Assignment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                (Long) rs.getObject(5, Long.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getLong(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getBigDecimal(15));
    }

    List<AssignmentRow> assignmentRowsOfPanel(long panelId) {
        return jdbc.sql("""
                        select a.id, a.subject_id, a.user_id, a.origin, a.reason from judging_assignment a
                          join judging_subject s on s.id = a.subject_id where s.panel_id = :p
                        """).param("p", panelId).query(JudgingStore::assignmentRow).list();
    }

    Optional<AssignmentRow> assignment(long id) {
        return jdbc.sql("select id, subject_id, user_id, origin, reason from judging_assignment where id = :id").param("id", id)
                .query(JudgingStore::assignmentRow).optional();
    }

    private static AssignmentRow assignmentRow(ResultSet rs, int n) throws SQLException {
        return new AssignmentRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5));
    }

    boolean insertAssignment(long subjectId, long userId, String origin, @Nullable String reason, String by) {
        return jdbc.sql("""
                        insert into judging_assignment (subject_id, user_id, origin, reason, created_by) values (:s, :u, :o, :r, :b)
                        on conflict (subject_id, user_id) do nothing
                        """)
                .param("s", subjectId).param("u", userId).param("o", origin).param("r", reason).param("b", by).update() == 1;
    }

    void deleteAssignment(long id) {
        jdbc.sql("delete from judging_assignment where id = :id").param("id", id).update();
    }

    /** Removes a user's assignments for subjects of one institution in a round; returns how many. */
    int deleteAssignments(long roundId, long userId, long institutionId) {
        return jdbc.sql("""
                        delete from judging_assignment a using judging_subject s
                         where s.id = a.subject_id and s.round_id = :r and a.user_id = :u and s.institution_id = :i
                        """).param("r", roundId).param("u", userId).param("i", institutionId).update();
    }

    void exclude(long subjectId, long userId, String reason, String by) {
        jdbc.sql("""
                        insert into judging_exclusion (subject_id, user_id, reason, excluded_by) values (:s, :u, :r, :b)
                        on conflict (subject_id, user_id) do update set reason = excluded.reason
                        """).param("s", subjectId).param("u", userId).param("r", reason).param("b", by).update();
    }

    void unexclude(long subjectId, long userId) {
        jdbc.sql("delete from judging_exclusion where subject_id = :s and user_id = :u").param("s", subjectId).param("u", userId).update();
    }

    List<long[]> exclusions(long panelId) {
        return jdbc.sql("""
                        select e.subject_id, e.user_id from judging_exclusion e join judging_subject s on s.id = e.subject_id
                         where s.panel_id = :p
                        """).param("p", panelId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    // sheets

    record SheetRow(@Nullable Integer level, @Nullable BigDecimal score, @Nullable String comment, String status,
            @Nullable String reopenReason) {}

    Optional<SheetRow> sheet(long assignmentId) {
        return jdbc.sql("select level, score, comment, status, reopen_reason from judging_sheet where assignment_id = :a")
                .param("a", assignmentId)
                .query((rs, n) -> new SheetRow((Integer) rs.getObject(1, Integer.class), rs.getBigDecimal(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .optional();
    }

    void saveSheet(long assignmentId, @Nullable Integer level, @Nullable BigDecimal score, @Nullable String comment, boolean submit) {
        jdbc.sql("""
                        insert into judging_sheet (assignment_id, level, score, comment, status, submitted_at)
                        values (:a, :l, :s, :c, :st, case when :sub then now() end)
                        on conflict (assignment_id) do update set level = excluded.level, score = excluded.score,
                               comment = excluded.comment, status = excluded.status, submitted_at = excluded.submitted_at,
                               saved_at = now()
                        """)
                .param("a", assignmentId).param("l", level).param("s", score).param("c", comment)
                .param("st", submit ? "SUBMITTED" : "DRAFT").param("sub", submit).update();
    }

    void reopenSheet(long assignmentId, String reason, String by) {
        jdbc.sql("""
                        update judging_sheet set status = 'DRAFT', submitted_at = null, reopen_reason = :r, reopened_by = :b,
                               reopened_at = now() where assignment_id = :a
                        """).param("r", reason).param("b", by).param("a", assignmentId).update();
    }

    record ProgressRow(long panelId, String panel, long userId, String name, int assigned, int drafted, int submitted) {}

    List<ProgressRow> progress(long roundId) {
        return jdbc.sql("""
                        select p.id, p.name, m.user_id, u.display_name,
                               count(a.id) as assigned,
                               count(a.id) filter (where h.status = 'DRAFT') as drafted,
                               count(a.id) filter (where h.status = 'SUBMITTED') as submitted
                          from judging_panel p
                          join judging_panel_member m on m.panel_id = p.id
                          join account_user u on u.id = m.user_id
                          left join judging_subject s on s.panel_id = p.id
                          left join judging_assignment a on a.subject_id = s.id and a.user_id = m.user_id
                          left join judging_sheet h on h.assignment_id = a.id
                         where p.round_id = :r
                         group by p.id, p.name, m.user_id, u.display_name
                         order by p.id, u.display_name
                        """).param("r", roundId)
                .query((rs, n) -> new ProgressRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7)))
                .list();
    }

    record ScoreRow(String criterion, String subjectRef, long userId, BigDecimal score) {}

    List<ScoreRow> submittedScores(long roundId) {
        return jdbc.sql("""
                        select s.criterion, s.subject_ref, a.user_id, h.score from judging_sheet h
                          join judging_assignment a on a.id = h.assignment_id
                          join judging_subject s on s.id = a.subject_id
                         where s.round_id = :r and h.status = 'SUBMITTED'
                         order by s.criterion, a.user_id, s.subject_ref
                        """).param("r", roundId)
                .query((rs, n) -> new ScoreRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4))).list();
    }

    // reminders

    void insertReminder(long roundId, long userId, int unsubmitted, String status, @Nullable String error, String by) {
        jdbc.sql("""
                        insert into judging_reminder (round_id, user_id, unsubmitted, status, error, requested_by)
                        values (:r, :u, :n, :s, :e, :b)
                        """).param("r", roundId).param("u", userId).param("n", unsubmitted).param("s", status).param("e", error)
                .param("b", by).update();
    }

    List<JudgingModel.Reminder> reminders(long roundId) {
        return jdbc.sql("""
                        select r.user_id, u.display_name, r.unsubmitted, r.status, r.error, r.requested_at
                          from judging_reminder r join account_user u on u.id = r.user_id
                         where r.round_id = :r order by r.id desc limit 200
                        """).param("r", roundId)
                .query((rs, n) -> new JudgingModel.Reminder(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    private static Set<Long> longs(@Nullable Array array) throws SQLException {
        return array == null ? Set.of() : Set.of((Long[]) array.getArray());
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
