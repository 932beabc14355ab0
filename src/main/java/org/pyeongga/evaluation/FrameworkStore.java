package org.pyeongga.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the framework editor: full indicator definitions, the cycle's framework state, published versions. */
@Repository
class FrameworkStore {

    private final JdbcClient jdbc;

    FrameworkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ProgramRow(long id, String code, String name, @Nullable String nameEn, String cadence) {}

    record CycleState(long id, long programId, String programName, String label, int evaluationYear, int performanceYear,
            int version, @Nullable Instant publishedAt, int indicators, String gradeRuleJson) {

        boolean published() {
            return publishedAt != null;
        }
    }

    record VersionRow(int version, String action, @Nullable String reason, String snapshotJson, String actedBy,
            Instant actedAt) {}

    List<ProgramRow> programs() {
        return jdbc.sql("select id, code, name, name_en, cadence from evaluation_program order by name, id")
                .query((rs, n) -> new ProgramRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    private static final String CYCLE_STATE = """
            select c.id, c.program_id, p.name as program_name, c.label, c.evaluation_year, c.performance_year,
                   c.framework_version, c.framework_published_at, c.grade_rule::text as grade_rule,
                   (select count(*) from evaluation_indicator i where i.cycle_id = c.id) as indicators
              from evaluation_cycle c join evaluation_program p on p.id = c.program_id
            """;

    List<CycleState> cycles() {
        return jdbc.sql(CYCLE_STATE + " order by c.evaluation_year desc, c.half desc nulls last, c.label")
                .query((rs, n) -> cycleState(rs)).list();
    }

    Optional<CycleState> cycle(long cycleId) {
        return jdbc.sql(CYCLE_STATE + " where c.id = :c").param("c", cycleId).query((rs, n) -> cycleState(rs)).optional();
    }

    private static CycleState cycleState(ResultSet rs) throws SQLException {
        var published = rs.getTimestamp("framework_published_at");
        return new CycleState(rs.getLong("id"), rs.getLong("program_id"), rs.getString("program_name"), rs.getString("label"),
                rs.getInt("evaluation_year"), rs.getInt("performance_year"), rs.getInt("framework_version"),
                published == null ? null : published.toInstant(), rs.getInt("indicators"), rs.getString("grade_rule"));
    }

    List<String> groups(long cycleId) {
        return jdbc.sql("select distinct group_name from evaluation_target where cycle_id = :c").param("c", cycleId)
                .query(String.class).list();
    }

    List<FrameworkIndicator> indicators(long cycleId) {
        return jdbc.sql("select * from evaluation_indicator where cycle_id = :c order by position, id").param("c", cycleId)
                .query((rs, n) -> new FrameworkIndicator(rs.getString("code"), rs.getString("area"), rs.getString("item"),
                        rs.getString("name"), rs.getString("kind"), rs.getBigDecimal("points"), rs.getString("polarity"),
                        rs.getString("normalization"), rs.getBigDecimal("low"), rs.getBigDecimal("high"),
                        rs.getString("formula"), rs.getString("input_a"), rs.getString("input_b"), rs.getBigDecimal("target"),
                        rs.getBigDecimal("cap"), rs.getBigDecimal("multiplier"), rs.getString("panel_kind"),
                        rs.getBoolean("item_graded"), rs.getString("evidence"), rs.getBoolean("evidence_required"),
                        rs.getString("rubric")))
                .list();
    }

    void insert(long cycleId, FrameworkIndicator i) {
        jdbc.sql("""
                        insert into evaluation_indicator (cycle_id, code, position, area, item, name, kind, points, polarity,
                               normalization, low, high, formula, input_a, input_b, target, cap, multiplier, panel_kind,
                               item_graded, evidence, evidence_required, rubric)
                        select :c, :code, coalesce(max(position), -1) + 1, :area, :item, :name, :kind, :points, :pol, :norm,
                               :low, :high, :formula, :a, :b, :target, :cap, :mult, :panel, :graded, :evidence, :required,
                               :rubric
                          from evaluation_indicator where cycle_id = :c
                        """)
                .param("c", cycleId).param("code", i.code()).params(columns(i)).update();
    }

    /** Replaces an indicator's definition (its code stays; its values and position stay with it). */
    void update(long cycleId, FrameworkIndicator i) {
        jdbc.sql("""
                        update evaluation_indicator set area = :area, item = :item, name = :name, kind = :kind, points = :points,
                               polarity = :pol, normalization = :norm, low = :low, high = :high, formula = :formula,
                               input_a = :a, input_b = :b, target = :target, cap = :cap, multiplier = :mult,
                               panel_kind = :panel, item_graded = :graded, evidence = :evidence,
                               evidence_required = :required, rubric = :rubric
                         where cycle_id = :c and code = :code
                        """)
                .param("c", cycleId).param("code", i.code()).params(columns(i)).update();
    }

    private static java.util.Map<String, Object> columns(FrameworkIndicator i) {
        var m = new java.util.HashMap<String, Object>();
        m.put("area", i.area());
        m.put("item", i.item());
        m.put("name", i.name());
        m.put("kind", i.kind());
        m.put("points", i.points());
        m.put("pol", i.polarity());
        m.put("norm", i.normalization());
        m.put("low", i.low());
        m.put("high", i.high());
        m.put("formula", i.formula());
        m.put("a", i.inputA());
        m.put("b", i.inputB());
        m.put("target", i.target());
        m.put("cap", i.cap());
        m.put("mult", i.multiplier());
        m.put("panel", i.panelKind());
        m.put("graded", i.itemGraded());
        m.put("evidence", i.evidence());
        m.put("required", i.evidenceRequired());
        m.put("rubric", i.rubric());
        return m;
    }

    int delete(long cycleId, List<String> codes) {
        return jdbc.sql("delete from evaluation_indicator where cycle_id = :c and code in (:codes)")
                .param("c", cycleId).param("codes", codes).update();
    }

    void deleteAll(long cycleId) {
        jdbc.sql("delete from evaluation_indicator where cycle_id = :c").param("c", cycleId).update();
    }

    void setGradeRule(long cycleId, String json) {
        jdbc.sql("update evaluation_cycle set grade_rule = cast(:g as jsonb) where id = :c").param("c", cycleId)
                .param("g", json).update();
    }

    /** Whether anything was entered against the framework: values, panel scores, case summaries or evidence. */
    boolean anythingEntered(long cycleId) {
        return jdbc.sql("""
                        select exists (select 1 from evaluation_value where cycle_id = :c)
                            or exists (select 1 from evaluation_panel_score where cycle_id = :c)
                            or exists (select 1 from evaluation_case_summary where cycle_id = :c)
                            or exists (select 1 from evaluation_evidence where cycle_id = :c)
                        """)
                .param("c", cycleId).query(Boolean.class).single();
    }

    void publish(long cycleId) {
        jdbc.sql("update evaluation_cycle set framework_published_at = now() where id = :c and framework_published_at is null")
                .param("c", cycleId).update();
    }

    /** Unpublishes and moves to the next version; returns it. */
    int reopen(long cycleId) {
        return jdbc.sql("""
                        update evaluation_cycle set framework_published_at = null, framework_version = framework_version + 1
                         where id = :c and framework_published_at is not null returning framework_version
                        """)
                .param("c", cycleId).query(Integer.class).single();
    }

    void insertVersion(long cycleId, int version, String action, @Nullable String reason, String snapshotJson, String by) {
        jdbc.sql("""
                        insert into evaluation_framework_version (cycle_id, version, action, reason, snapshot, acted_by)
                        values (:c, :v, :a, :r, cast(:s as jsonb), :by)
                        """)
                .param("c", cycleId).param("v", version).param("a", action).param("r", reason).param("s", snapshotJson)
                .param("by", by).update();
    }

    List<VersionRow> versions(long cycleId) {
        return jdbc.sql("""
                        select version, action, reason, snapshot::text, acted_by, acted_at from evaluation_framework_version
                         where cycle_id = :c order by version, acted_at
                        """)
                .param("c", cycleId)
                .query((rs, n) -> new VersionRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }
}
