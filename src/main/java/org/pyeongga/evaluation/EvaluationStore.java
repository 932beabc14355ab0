package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for programs, cycles, targets, indicators, values and result runs. */
@Repository
class EvaluationStore {

    private final JdbcClient jdbc;

    EvaluationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record CycleRow(long id, long programId, String label, int evaluationYear, int performanceYear, @Nullable Integer half,
            java.time.LocalDate from, java.time.LocalDate to, String gradeRuleJson, boolean published) {}

    record Target(long institutionId, String group, String name) {}

    record ValueRow(long institutionId, String indicatorCode, BigDecimal value) {}

    long insertProgram(String code, String name, @Nullable String nameEn, String cadence) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into evaluation_program (code, name, name_en, cadence) values (:c, :n, :e, :k)")
                .param("c", code).param("n", name).param("e", nameEn).param("k", cadence).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    boolean programExists(long id) {
        return jdbc.sql("select exists (select 1 from evaluation_program where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    long insertCycle(long programId, NewCycle cycle, String gradeRuleJson) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into evaluation_cycle (program_id, label, evaluation_year, performance_year, half, period_from,
                                                      period_to, grade_rule)
                        values (:p, :l, :ey, :py, :h, :f, :t, cast(:g as jsonb))
                        """)
                .param("p", programId).param("l", cycle.label()).param("ey", cycle.evaluationYear())
                .param("py", cycle.performanceYear()).param("h", cycle.half()).param("f", Date.valueOf(cycle.periodFrom()))
                .param("t", Date.valueOf(cycle.periodTo())).param("g", gradeRuleJson)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void insertTarget(long cycleId, long institutionId, String group, String name) {
        jdbc.sql("""
                        insert into evaluation_target (cycle_id, institution_id, group_name, institution_name)
                        values (:c, :i, :g, :n) on conflict do nothing
                        """)
                .param("c", cycleId).param("i", institutionId).param("g", group).param("n", name).update();
    }

    Optional<CycleRow> cycle(long id) {
        return jdbc.sql("select * from evaluation_cycle where id = :id").param("id", id)
                .query((rs, n) -> new CycleRow(rs.getLong("id"), rs.getLong("program_id"), rs.getString("label"),
                        rs.getInt("evaluation_year"), rs.getInt("performance_year"), (Integer) rs.getObject("half"),
                        rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
                        rs.getString("grade_rule"), rs.getTimestamp("framework_published_at") != null))
                .optional();
    }

    List<Target> targets(long cycleId) {
        return jdbc.sql("""
                        select institution_id, group_name, institution_name from evaluation_target
                         where cycle_id = :c order by group_name, institution_name
                        """)
                .param("c", cycleId)
                .query((rs, n) -> new Target(rs.getLong("institution_id"), rs.getString("group_name"),
                        rs.getString("institution_name")))
                .list();
    }

    boolean isTarget(long cycleId, long institutionId) {
        return jdbc.sql("select exists (select 1 from evaluation_target where cycle_id = :c and institution_id = :i)")
                .param("c", cycleId).param("i", institutionId).query(Boolean.class).single();
    }

    void replaceIndicators(long cycleId, List<IndicatorSpec> indicators) {
        jdbc.sql("delete from evaluation_indicator where cycle_id = :c").param("c", cycleId).update();
        int position = 0;
        for (IndicatorSpec i : indicators) {
            jdbc.sql("""
                            insert into evaluation_indicator (cycle_id, code, position, area, item, name, kind, points, polarity,
                                                              normalization, low, high)
                            values (:c, :code, :pos, :area, :item, :name, :kind, :points, :pol, :norm, :low, :high)
                            """)
                    .param("c", cycleId).param("code", i.code()).param("pos", position++).param("area", i.area())
                    .param("item", i.item()).param("name", i.name()).param("kind", i.kind()).param("points", i.points())
                    .param("pol", i.polarity()).param("norm", i.normalization()).param("low", i.low()).param("high", i.high())
                    .update();
        }
    }

    List<IndicatorSpec> indicators(long cycleId) {
        return jdbc.sql("select * from evaluation_indicator where cycle_id = :c order by position").param("c", cycleId)
                .query((rs, n) -> new IndicatorSpec(rs.getString("code"), rs.getString("area"), rs.getString("item"),
                        rs.getString("name"), rs.getString("kind"), rs.getBigDecimal("points"), rs.getString("polarity"),
                        rs.getString("normalization"), rs.getBigDecimal("low"), rs.getBigDecimal("high"), rs.getString("formula")))
                .list();
    }

    void publish(long cycleId) {
        jdbc.sql("update evaluation_cycle set framework_published_at = now() where id = :c and framework_published_at is null")
                .param("c", cycleId).update();
    }

    /** Stores a value; false when the indicator code is not in the cycle's framework. */
    boolean upsertValue(long cycleId, long institutionId, String indicatorCode, BigDecimal value, String by) {
        return jdbc.sql("""
                        insert into evaluation_value (cycle_id, institution_id, indicator_id, value, entered_by)
                        select :c, :i, id, :v, :by from evaluation_indicator where cycle_id = :c and code = :code
                        on conflict (cycle_id, institution_id, indicator_id)
                        do update set value = excluded.value, entered_by = excluded.entered_by, entered_at = now()
                        """)
                .param("c", cycleId).param("i", institutionId).param("code", indicatorCode).param("v", value).param("by", by)
                .update() == 1;
    }

    List<ValueRow> values(long cycleId) {
        return jdbc.sql("""
                        select v.institution_id, i.code, v.value from evaluation_value v
                          join evaluation_indicator i on i.id = v.indicator_id
                         where v.cycle_id = :c
                        """)
                .param("c", cycleId)
                .query((rs, n) -> new ValueRow(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }

    record CycleSummary(long id, String programName, String label, int evaluationYear, int performanceYear,
            int targets, @Nullable Integer latestRun) {}

    List<CycleSummary> cycles() {
        return jdbc.sql("""
                        select c.id, p.name, c.label, c.evaluation_year, c.performance_year,
                               (select count(*) from evaluation_target t where t.cycle_id = c.id) as targets,
                               (select max(run_no) from evaluation_run r where r.cycle_id = c.id) as latest
                          from evaluation_cycle c join evaluation_program p on p.id = c.program_id
                         order by c.evaluation_year desc, p.name, c.label
                        """)
                .query((rs, n) -> new CycleSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), (Integer) rs.getObject(7)))
                .list();
    }

    record PanelScoreRow(String indicatorCode, String evaluator, long institutionId, BigDecimal score) {}

    boolean upsertPanelScore(long cycleId, String indicatorCode, String evaluator, long institutionId, BigDecimal score) {
        return jdbc.sql("""
                        insert into evaluation_panel_score (cycle_id, indicator_id, evaluator, institution_id, score)
                        select :c, id, :e, :i, :s from evaluation_indicator where cycle_id = :c and code = :code
                        on conflict (cycle_id, indicator_id, evaluator, institution_id)
                        do update set score = excluded.score, entered_at = now()
                        """)
                .param("c", cycleId).param("code", indicatorCode).param("e", evaluator).param("i", institutionId)
                .param("s", score).update() == 1;
    }

    List<PanelScoreRow> panelScores(long cycleId) {
        return jdbc.sql("""
                        select i.code, p.evaluator, p.institution_id, p.score from evaluation_panel_score p
                          join evaluation_indicator i on i.id = p.indicator_id
                         where p.cycle_id = :c order by i.code, p.evaluator
                        """)
                .param("c", cycleId)
                .query((rs, n) -> new PanelScoreRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)))
                .list();
    }

    int insertRun(long cycleId, @Nullable String note, String method, String resultJson, String by) {
        return jdbc.sql("""
                        insert into evaluation_run (cycle_id, run_no, note, evaluator_method, result, created_by)
                        select :c, coalesce(max(run_no), 0) + 1, :note, :m, cast(:r as jsonb), :by
                          from evaluation_run where cycle_id = :c
                        returning run_no
                        """)
                .param("c", cycleId).param("note", note).param("m", method).param("r", resultJson).param("by", by)
                .query(Integer.class).single();
    }

    Optional<String> run(long cycleId, int runNo) {
        return jdbc.sql("select result::text from evaluation_run where cycle_id = :c and run_no = :n")
                .param("c", cycleId).param("n", runNo).query(String.class).optional();
    }

    /** Has the cycle's chosen run been published (its results are then frozen)? */
    boolean resultsPublished(long cycleId) {
        return jdbc.sql("select exists (select 1 from evaluation_publication where cycle_id = :c)").param("c", cycleId)
                .query(Boolean.class).single();
    }

    Optional<Integer> latestRun(long cycleId) {
        return jdbc.sql("select max(run_no) from evaluation_run where cycle_id = :c").param("c", cycleId)
                .query(Integer.class).optional();
    }

    void upsertStage(long cycleId, StageWindow window) {
        jdbc.sql("""
                        insert into evaluation_stage (cycle_id, stage, opens_at, closes_at) values (:c, :s, :o, :e)
                        on conflict (cycle_id, stage) do update set opens_at = excluded.opens_at, closes_at = excluded.closes_at
                        """)
                .param("c", cycleId).param("s", window.stage().name())
                .param("o", java.sql.Timestamp.from(window.opensAt())).param("e", java.sql.Timestamp.from(window.closesAt()))
                .update();
    }

    List<StageWindow> stages(long cycleId) {
        return jdbc.sql("select stage, opens_at, closes_at from evaluation_stage where cycle_id = :c").param("c", cycleId)
                .query((rs, n) -> new StageWindow(CycleStage.valueOf(rs.getString("stage")),
                        rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant()))
                .list();
    }
}
