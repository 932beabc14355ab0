package org.pyeongga.contest;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.StageModel.Criterion;
import org.pyeongga.contest.StageModel.NewStage;
import org.pyeongga.contest.StageModel.PassRule;
import org.pyeongga.contest.StageModel.StageEntry;
import org.pyeongga.contest.StageModel.StageKind;
import org.pyeongga.contest.StageModel.StageView;
import org.pyeongga.contest.StageModel.Status;
import org.pyeongga.contest.StageModel.VoteScaling;
import org.pyeongga.judging.PanelKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for contest stages, their criteria, entries and results, and the contest rows stages read (owner, phase, tiers). */
@Repository
class StageStore {

    private static final TypeReference<List<StageModel.Level>> LEVELS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StageStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // the contest (owned by centry's Contests; read here for scoping and phase)

    record ContestRow(long id, long ownerInstitutionId, String titleKo, String titleEn, String phase, @Nullable String template) {}

    Optional<ContestRow> contest(long id) {
        return jdbc.sql("select id, owner_institution_id, title_ko, title_en, phase, template from contest where id = :id")
                .param("id", id)
                .query((rs, n) -> new ContestRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)))
                .optional();
    }

    record TierRow(int rank, String code, String nameKo, String nameEn, int count) {}

    List<TierRow> tiers(long contestId) {
        return jdbc.sql("select rank, code, name_ko, name_en, award_count from contest_tier where contest_id = :c order by rank")
                .param("c", contestId)
                .query((rs, n) -> new TierRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5))).list();
    }

    record EntryRow(long id, String title, String summary, @Nullable Long departmentId, @Nullable String departmentKo,
            @Nullable String departmentEn, List<Long> people) {}

    private static final String ENTRY_SELECT = """
            select e.id, e.title, e.summary, e.department_id, d.name_ko, d.name_en,
                   array(select p.user_id from contest_entry_person p where p.entry_id = e.id and p.user_id is not null
                          order by p.position) as people
              from contest_entry e left join organization_department d on d.id = e.department_id
            """;

    /** The contest's entries accepted by the fact and exclusion check (not marked duplicates), oldest first. */
    List<EntryRow> acceptedEntries(long contestId) {
        return jdbc.sql(ENTRY_SELECT + " where e.contest_id = :c and e.status = 'ACCEPTED' and e.duplicate_of is null order by e.id")
                .param("c", contestId).query(StageStore::entry).list();
    }

    Optional<EntryRow> entry(long entryId) {
        return jdbc.sql(ENTRY_SELECT + " where e.id = :e").param("e", entryId).query(StageStore::entry).optional();
    }

    private static EntryRow entry(ResultSet rs, int n) throws SQLException {
        Long[] people = (Long[]) rs.getArray("people").getArray();
        return new EntryRow(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4, Long.class), rs.getString(5),
                rs.getString(6), List.of(people));
    }

    // stages

    long insertStage(long contestId, NewStage s, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into contest_stage (contest_id, position, kind, name_ko, name_en, panel_kind, pass_rule, pass_count,
                                                   pass_min_score, panel_weight, vote_weight, vote_scaling, vote_max_choices,
                                                   vote_eligibility, vote_region, created_by)
                        values (:c, (select coalesce(max(position), 0) + 1 from contest_stage where contest_id = :c), :k, :nk, :ne,
                                :pk, :pr, :pc, :pm, :pw, :vw, :vs, :vm, :ve, :vr, :b)
                        """)
                .param("c", contestId).param("k", s.kind().name()).param("nk", s.nameKo().strip()).param("ne", s.nameEn().strip())
                .param("pk", s.panelKind() == null ? null : s.panelKind().name()).param("pr", s.passRule().name())
                .param("pc", s.passCount()).param("pm", s.passMinScore()).param("pw", s.panelWeight()).param("vw", s.voteWeight())
                .param("vs", s.vote() == null ? VoteScaling.VOTE_SHARE.name() : s.vote().scaling().name())
                .param("vm", s.vote() == null ? null : s.vote().maxChoices())
                .param("ve", s.vote() == null ? null : s.vote().eligibility().name())
                .param("vr", s.vote() == null ? null : s.vote().region()).param("b", by)
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        int position = 1;
        for (Criterion c : s.criteria()) {
            jdbc.sql("""
                            insert into contest_stage_criterion (stage_id, position, code, name_ko, name_en, weight, rubric)
                            values (:s, :p, :c, :nk, :ne, :w, cast(:r as jsonb))
                            """)
                    .param("s", id).param("p", position++).param("c", c.code()).param("nk", c.nameKo().strip())
                    .param("ne", c.nameEn().strip()).param("w", c.weight()).param("r", json.writeValueAsString(c.levels())).update();
        }
        return id;
    }

    Optional<StageView> stage(long id) {
        return jdbc.sql("select * from contest_stage where id = :id").param("id", id).query(this::stageRow).optional();
    }

    List<StageView> stages(long contestId) {
        return jdbc.sql("select * from contest_stage where contest_id = :c order by position").param("c", contestId)
                .query(this::stageRow).list();
    }

    /** The stage whose judging round is this one (source "contest", reference the stage id). */
    Optional<Long> contestOfStage(long stageId) {
        return jdbc.sql("select contest_id from contest_stage where id = :id").param("id", stageId).query(Long.class).optional();
    }

    private StageView stageRow(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        String panelKind = rs.getString("panel_kind");
        return new StageView(id, rs.getLong("contest_id"), rs.getInt("position"), StageKind.valueOf(rs.getString("kind")),
                rs.getString("name_ko"), rs.getString("name_en"), panelKind == null ? null : PanelKind.valueOf(panelKind),
                criteria(id), PassRule.valueOf(rs.getString("pass_rule")), (Integer) rs.getObject("pass_count", Integer.class),
                rs.getBigDecimal("pass_min_score"), rs.getBigDecimal("panel_weight"), rs.getBigDecimal("vote_weight"),
                VoteScaling.valueOf(rs.getString("vote_scaling")), (Integer) rs.getObject("vote_max_choices", Integer.class),
                rs.getString("vote_eligibility"), (Long) rs.getObject("ballot_id", Long.class),
                (Long) rs.getObject("judging_round_id", Long.class), Status.valueOf(rs.getString("status")),
                instant(rs, "opened_at"), instant(rs, "closed_at"));
    }

    List<Criterion> criteria(long stageId) {
        return jdbc.sql("select code, name_ko, name_en, weight, rubric from contest_stage_criterion where stage_id = :s order by position")
                .param("s", stageId)
                .query((rs, n) -> new Criterion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        json.readValue(rs.getString(5), LEVELS)))
                .list();
    }

    @Nullable String region(long stageId) {
        return jdbc.sql("select vote_region from contest_stage where id = :s").param("s", stageId).query(String.class).optional()
                .orElse(null);
    }

    void markOpened(long stageId, @Nullable Long roundId, @Nullable Long ballotId) {
        jdbc.sql("update contest_stage set status = 'OPEN', opened_at = now(), judging_round_id = :r, ballot_id = :b where id = :s")
                .param("r", roundId).param("b", ballotId).param("s", stageId).update();
    }

    void markClosed(long stageId, String by) {
        jdbc.sql("update contest_stage set status = 'CLOSED', closed_at = now(), closed_by = :b where id = :s")
                .param("b", by).param("s", stageId).update();
    }

    /** The stages judged in these judging rounds, newest first. */
    List<StageView> stagesOfRounds(java.util.Collection<Long> roundIds) {
        if (roundIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from contest_stage where judging_round_id in (:r) order by id desc").param("r", List.copyOf(roundIds))
                .query(this::stageRow).list();
    }

    /** The entry a judging subject of a stage's round stands for (its reference is the entry id). */
    long entryOfSubject(long subjectId) {
        return jdbc.sql("select cast(subject_ref as bigint) from judging_subject where id = :s").param("s", subjectId)
                .query(Long.class).single();
    }

    // entries of a stage

    void insertStageEntry(long stageId, long entryId, int order) {
        jdbc.sql("insert into contest_stage_entry (stage_id, entry_id, presentation_order) values (:s, :e, :o)")
                .param("s", stageId).param("e", entryId).param("o", order).update();
    }

    List<StageEntry> stageEntries(long stageId) {
        return jdbc.sql("""
                        select se.entry_id, se.presentation_order, e.title, d.name_ko, d.name_en
                          from contest_stage_entry se join contest_entry e on e.id = se.entry_id
                          left join organization_department d on d.id = e.department_id
                         where se.stage_id = :s order by se.presentation_order
                        """).param("s", stageId)
                .query((rs, n) -> new StageEntry(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    // results

    void insertResult(long stageId, StageModel.Result r) {
        jdbc.sql("""
                        insert into contest_stage_result (stage_id, entry_id, panel_score, judges, votes, vote_scaled, score, rank,
                                                          passed, explanation)
                        values (:s, :e, :ps, :j, :v, :vs, :sc, :r, :p, cast(:x as jsonb))
                        """)
                .param("s", stageId).param("e", r.entryId()).param("ps", r.panelScore()).param("j", r.judges())
                .param("v", r.votes()).param("vs", r.voteScaled()).param("sc", r.score()).param("r", r.rank()).param("p", r.passed())
                .param("x", json.writeValueAsString(java.util.Map.of("criterionMeans", r.criterionMeans(), "judgeTotals", r.judgeTotals())))
                .update();
    }

    private static final TypeReference<java.util.Map<String, java.util.Map<String, BigDecimal>>> EXPLANATION = new TypeReference<>() {};

    List<StageModel.Result> results(long stageId) {
        return jdbc.sql("""
                        select r.*, e.title from contest_stage_result r join contest_entry e on e.id = r.entry_id
                         where r.stage_id = :s order by r.rank
                        """).param("s", stageId)
                .query((rs, n) -> {
                    var x = json.readValue(rs.getString("explanation"), EXPLANATION);
                    return new StageModel.Result(rs.getLong("entry_id"), rs.getString("title"), rs.getBigDecimal("panel_score"),
                            rs.getInt("judges"), (Long) rs.getObject("votes", Long.class), rs.getBigDecimal("vote_scaled"),
                            rs.getBigDecimal("score"), rs.getInt("rank"), rs.getBoolean("passed"),
                            x.getOrDefault("criterionMeans", java.util.Map.of()), x.getOrDefault("judgeTotals", java.util.Map.of()));
                })
                .list();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
