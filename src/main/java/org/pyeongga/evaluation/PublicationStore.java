package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for result runs as a list, the chosen run, publications and the anonymized panel scores they show. */
@Repository
class PublicationStore {

    private final JdbcClient jdbc;

    PublicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record RunRow(int runNo, @Nullable String note, String method, boolean chosen, String createdBy, Instant createdAt) {}

    record PublicationRow(long cycleId, int runNo, String publishedBy, String publishedByName, Instant publishedAt,
            LocalDate postingFrom, LocalDate postingTo, String legalBasis, String methodText) {}

    record PublishedCycleRow(long cycleId, long programId, String programName, @Nullable String programNameEn,
            String label, int evaluationYear, int performanceYear, @Nullable Integer half, Instant publishedAt,
            LocalDate postingFrom, LocalDate postingTo) {}

    record GradeRow(long institutionId, @Nullable String grade) {}

    record PanelMark(String indicatorCode, String mark, BigDecimal score) {}

    List<RunRow> runs(long cycleId) {
        return jdbc.sql("""
                        select run_no, note, evaluator_method, chosen, created_by, created_at from evaluation_run
                         where cycle_id = :c order by run_no
                        """)
                .param("c", cycleId)
                .query((rs, n) -> new RunRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Marks one run as chosen (and no other); false when the run does not exist. */
    boolean choose(long cycleId, int runNo) {
        if (!jdbc.sql("select exists (select 1 from evaluation_run where cycle_id = :c and run_no = :n)")
                .param("c", cycleId).param("n", runNo).query(Boolean.class).single()) {
            return false;
        }
        // two statements: the partial unique index allows one chosen run per cycle at every moment
        jdbc.sql("update evaluation_run set chosen = false where cycle_id = :c and chosen").param("c", cycleId).update();
        jdbc.sql("update evaluation_run set chosen = true where cycle_id = :c and run_no = :n")
                .param("c", cycleId).param("n", runNo).update();
        return true;
    }

    Optional<Integer> chosenRun(long cycleId) {
        return jdbc.sql("select run_no from evaluation_run where cycle_id = :c and chosen").param("c", cycleId)
                .query(Integer.class).optional();
    }

    /** Locks the cycle's row, so two administrators cannot publish (or re-run) it at the same moment. */
    void lockCycle(long cycleId) {
        jdbc.sql("select id from evaluation_cycle where id = :c for update").param("c", cycleId).query(Long.class).optional();
    }

    /** Records the publication; the database stamps the time. */
    void insertPublication(long cycleId, int runNo, String by, String byName, LocalDate postingFrom, LocalDate postingTo,
            String legalBasis, String methodText) {
        jdbc.sql("""
                        insert into evaluation_publication (cycle_id, run_no, published_by, published_by_name, posting_from,
                                                            posting_to, legal_basis, method_text)
                        values (:c, :n, :by, :name, :from, :to, :legal, :method)
                        """)
                .param("c", cycleId).param("n", runNo).param("by", by).param("name", byName)
                .param("from", Date.valueOf(postingFrom)).param("to", Date.valueOf(postingTo))
                .param("legal", legalBasis).param("method", methodText)
                .update();
    }

    Optional<PublicationRow> publication(long cycleId) {
        return jdbc.sql("select * from evaluation_publication where cycle_id = :c").param("c", cycleId)
                .query((rs, n) -> new PublicationRow(rs.getLong("cycle_id"), rs.getInt("run_no"), rs.getString("published_by"),
                        rs.getString("published_by_name"), rs.getTimestamp("published_at").toInstant(),
                        rs.getDate("posting_from").toLocalDate(), rs.getDate("posting_to").toLocalDate(),
                        rs.getString("legal_basis"), rs.getString("method_text")))
                .optional();
    }

    private static final String PUBLISHED = """
            select c.id, c.program_id, p.name, p.name_en, c.label, c.evaluation_year, c.performance_year, c.half,
                   x.published_at, x.posting_from, x.posting_to
              from evaluation_publication x
              join evaluation_cycle c on c.id = x.cycle_id
              join evaluation_program p on p.id = c.program_id
            """;

    private static PublishedCycleRow published(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PublishedCycleRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), (Integer) rs.getObject(8), rs.getTimestamp(9).toInstant(),
                rs.getDate(10).toLocalDate(), rs.getDate(11).toLocalDate());
    }

    /** Every published cycle, newest evaluation first. */
    List<PublishedCycleRow> publishedCycles() {
        return jdbc.sql(PUBLISHED + " order by c.evaluation_year desc, c.half desc nulls last, p.name, c.label")
                .query((rs, n) -> published(rs)).list();
    }

    Optional<PublishedCycleRow> publishedCycle(long cycleId) {
        return jdbc.sql(PUBLISHED + " where c.id = :c").param("c", cycleId).query((rs, n) -> published(rs)).optional();
    }

    /** The program's published cycles up to (and including) the given one, oldest first: the history it is read in. */
    List<PublishedCycleRow> publishedHistory(long programId, int evaluationYear, @Nullable Integer half) {
        return jdbc.sql(PUBLISHED + """
                         where c.program_id = :p
                           and (c.evaluation_year < :y or (c.evaluation_year = :y and coalesce(c.half, 0) <= :h))
                         order by c.evaluation_year, c.half nulls first
                        """)
                .param("p", programId).param("y", evaluationYear).param("h", half == null ? 0 : half)
                .query((rs, n) -> published(rs)).list();
    }

    /** The grades of a published run, read out of its stored JSON without loading the explanations. */
    List<GradeRow> publishedGrades(long cycleId) {
        return jdbc.sql("""
                        select (row->>'institutionId')::bigint, row->>'grade'
                          from evaluation_publication x
                          join evaluation_run r on r.cycle_id = x.cycle_id and r.run_no = x.run_no
                          cross join lateral jsonb_array_elements(r.result->'rows') row
                         where x.cycle_id = :c
                        """)
                .param("c", cycleId).query((rs, n) -> new GradeRow(rs.getLong(1), rs.getString(2))).list();
    }

    /** Copies the cycle's panel scores, anonymized: per institution and indicator, A, B, … from the highest score. */
    void snapshotPanelScores(long cycleId) {
        jdbc.sql("""
                        insert into evaluation_published_panel_score (cycle_id, institution_id, indicator_code, evaluator_mark, score)
                        select cycle_id, institution_id, code, mark, score from (
                            select s.cycle_id, s.institution_id, i.code, s.score,
                                   row_number() over (partition by s.institution_id, i.code
                                                      order by s.score desc, md5(s.evaluator)) as k
                              from evaluation_panel_score s join evaluation_indicator i on i.id = s.indicator_id
                             where s.cycle_id = :c) ranked
                          cross join lateral (select case when k <= 26 then chr(64 + k::int)
                                                          else chr(64 + ((k::int - 1) / 26)) || chr(65 + ((k::int - 1) % 26)) end as mark) m
                        """)
                .param("c", cycleId).update();
    }

    List<PanelMark> publishedPanelScores(long cycleId, long institutionId) {
        return jdbc.sql("""
                        select indicator_code, evaluator_mark, score from evaluation_published_panel_score
                         where cycle_id = :c and institution_id = :i
                         order by indicator_code, length(evaluator_mark), evaluator_mark
                        """)
                .param("c", cycleId).param("i", institutionId)
                .query((rs, n) -> new PanelMark(rs.getString(1), rs.getString(2), rs.getBigDecimal(3))).list();
    }

    /** A program's cycle by the program's code and the cycle's label. */
    Optional<Long> cycleId(String programCode, String label) {
        return jdbc.sql("""
                        select c.id from evaluation_cycle c join evaluation_program p on p.id = c.program_id
                         where p.code = :code and c.label = :label
                        """)
                .param("code", programCode).param("label", label).query(Long.class).optional();
    }
}
