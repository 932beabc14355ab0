package org.pyeongga.contest;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.AwardModel.Affiliation;
import org.pyeongga.contest.AwardModel.Attendee;
import org.pyeongga.contest.AwardModel.Awardee;
import org.pyeongga.contest.AwardModel.Candidate;
import org.pyeongga.contest.AwardModel.ContestFacts;
import org.pyeongga.contest.AwardModel.IncentiveKind;
import org.pyeongga.contest.AwardModel.NewDecision;
import org.pyeongga.contest.AwardModel.Offer;
import org.pyeongga.contest.AwardModel.Outcome;
import org.pyeongga.contest.AwardModel.Tier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for decisions, awards, the incentive catalogue and offers, and awardees' incentives (V22). */
@Repository
class AwardStore {

    private final JdbcClient jdbc;

    AwardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the contest (read only: centry owns it)

    Optional<ContestFacts> contest(long id) {
        var tiers = jdbc.sql("""
                select rank, code, name_ko, name_en, award_count from contest_tier where contest_id = :id order by rank""")
                .param("id", id)
                .query((rs, n) -> new Tier(rs.getInt("rank"), rs.getString("code"), rs.getString("name_ko"),
                        rs.getString("name_en"), rs.getInt("award_count")))
                .list();
        return jdbc.sql("""
                select c.id, c.owner_institution_id, i.name as owner_ko, coalesce(i.name_en, i.name) as owner_en, c.kind,
                       c.title_ko, c.title_en, c.year, c.half, c.period_ko, c.period_en, c.phase, c.description_ko,
                       c.description_en
                  from contest c join organization_institution i on i.id = c.owner_institution_id
                 where c.id = :id""")
                .param("id", id)
                .query((rs, n) -> new ContestFacts(rs.getLong("id"), rs.getLong("owner_institution_id"),
                        rs.getString("owner_ko"), rs.getString("owner_en"), rs.getString("kind"), rs.getString("title_ko"),
                        rs.getString("title_en"), rs.getInt("year"), (Integer) rs.getObject("half"),
                        rs.getString("period_ko"), rs.getString("period_en"), rs.getString("phase"),
                        rs.getString("description_ko"), rs.getString("description_en"), tiers))
                .optional();
    }

    /** An entry of the contest that may be awarded: id, status. */
    Optional<String> entryStatus(long contestId, long entryId) {
        return jdbc.sql("select status from contest_entry where id = :e and contest_id = :c")
                .param("e", entryId).param("c", contestId).query(String.class).optional();
    }

    record EntryFacts(long id, String title, String summary, @Nullable String departmentKo, @Nullable String departmentEn) {}

    EntryFacts entry(long entryId) {
        return jdbc.sql("""
                select e.id, e.title, e.summary, d.name_ko, d.name_en
                  from contest_entry e left join organization_department d on d.id = e.department_id where e.id = :id""")
                .param("id", entryId)
                .query((rs, n) -> new EntryFacts(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                        rs.getString("name_ko"), rs.getString("name_en")))
                .single();
    }

    /** The people of an entry, in order (the nominee first for a selection). */
    List<Awardee> people(long entryId) {
        return jdbc.sql("""
                select p.entry_id, p.position, p.user_id, p.name, d.name_ko, p.job_title, p.share_percent
                  from contest_entry_person p left join organization_department d on d.id = p.department_id
                 where p.entry_id = :id order by p.position""")
                .param("id", entryId)
                .query((rs, n) -> new Awardee(rs.getLong("entry_id"), rs.getInt("position"), (Long) rs.getObject("user_id"),
                        rs.getString("name"), rs.getString("name_ko"), rs.getString("job_title"),
                        rs.getBigDecimal("share_percent")))
                .list();
    }

    /** Entries that may be awarded: not excluded or withdrawn, in entry order. */
    List<Candidate> candidates(long contestId) {
        return jdbc.sql("""
                select e.id, e.title, d.name_ko, e.status from contest_entry e
                  left join organization_department d on d.id = e.department_id
                 where e.contest_id = :c and e.status not in ('EXCLUDED', 'WITHDRAWN') order by e.id""")
                .param("c", contestId)
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("title"), rs.getString("name_ko"),
                        rs.getString("status")))
                .list();
    }

    /** Contests past their entry period, newest first: (id, owner institution). */
    List<long[]> judgedContests() {
        return jdbc.sql("""
                select id, owner_institution_id from contest where phase in ('JUDGING', 'DECIDED', 'PUBLISHED')
                 order by year desc, half desc nulls last, id desc""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    // ---- decisions

    record DecisionRow(long id, long contestId, int version, LocalDate meetingDate, Outcome outcome, String quorumRule,
            int membersTotal, int membersPresent, boolean quorumMet, boolean proposalUsed, @Nullable String deviationReason,
            @Nullable String overCountReason, @Nullable String correctionReason, String note, String recordedBy,
            java.time.Instant recordedAt) {}

    record AwardRow(long entryId, int tierRank, @Nullable Integer proposedTierRank) {}

    Optional<DecisionRow> latest(long contestId) {
        return jdbc.sql("select * from contest_decision where contest_id = :c order by version desc limit 1")
                .param("c", contestId).query(AwardStore::decision).optional();
    }

    List<DecisionRow> versions(long contestId) {
        return jdbc.sql("select * from contest_decision where contest_id = :c order by version")
                .param("c", contestId).query(AwardStore::decision).list();
    }

    /** Serialises decisions on one contest (the version number is read, then written). */
    void lockContest(long contestId) {
        jdbc.sql("select id from contest where id = :id for update").param("id", contestId).query(Long.class).optional();
    }

    long insertDecision(long contestId, int version, NewDecision d, String quorumRule, int total, int present,
            boolean quorumMet, boolean proposalUsed, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into contest_decision (contest_id, version, meeting_date, outcome, quorum_rule, members_total,
                    members_present, quorum_met, proposal_used, deviation_reason, over_count_reason, correction_reason, note,
                    recorded_by)
                values (:c, :v, :m, :o, :q, :t, :p, :qm, :pu, :dr, :ocr, :cr, :note, :by)""")
                .param("c", contestId).param("v", version).param("m", Date.valueOf(d.meetingDate()))
                .param("o", d.outcome().name()).param("q", quorumRule).param("t", total).param("p", present)
                .param("qm", quorumMet).param("pu", proposalUsed).param("dr", blankToNull(d.deviationReason()))
                .param("ocr", blankToNull(d.overCountReason())).param("cr", blankToNull(d.correctionReason()))
                .param("note", d.note() == null ? "" : d.note().strip()).param("by", by)
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        int position = 0;
        for (Attendee a : d.attendees()) {
            jdbc.sql("""
                    insert into contest_decision_attendee (decision_id, position, name, affiliation, role_ko, present)
                    values (:d, :p, :n, :a, :r, :pr)""")
                    .param("d", id).param("p", ++position).param("n", a.name().strip()).param("a", a.affiliation().name())
                    .param("r", a.roleKo() == null ? "" : a.roleKo().strip()).param("pr", a.present()).update();
        }
        return id;
    }

    void insertAward(long decisionId, long entryId, int tierRank, @Nullable Integer proposed) {
        jdbc.sql("""
                insert into contest_decision_award (decision_id, entry_id, tier_rank, proposed_tier_rank)
                values (:d, :e, :t, :p)""")
                .param("d", decisionId).param("e", entryId).param("t", tierRank).param("p", proposed).update();
    }

    List<Attendee> attendees(long decisionId) {
        return jdbc.sql("select * from contest_decision_attendee where decision_id = :d order by position")
                .param("d", decisionId)
                .query((rs, n) -> new Attendee(rs.getString("name"), Affiliation.valueOf(rs.getString("affiliation")),
                        rs.getString("role_ko"), rs.getBoolean("present")))
                .list();
    }

    List<AwardRow> awards(long decisionId) {
        return jdbc.sql("""
                select entry_id, tier_rank, proposed_tier_rank from contest_decision_award where decision_id = :d
                 order by tier_rank, entry_id""")
                .param("d", decisionId)
                .query((rs, n) -> new AwardRow(rs.getLong("entry_id"), rs.getInt("tier_rank"),
                        (Integer) rs.getObject("proposed_tier_rank")))
                .list();
    }

    private static DecisionRow decision(ResultSet rs, int n) throws SQLException {
        return new DecisionRow(rs.getLong("id"), rs.getLong("contest_id"), rs.getInt("version"),
                rs.getDate("meeting_date").toLocalDate(), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("quorum_rule"), rs.getInt("members_total"), rs.getInt("members_present"),
                rs.getBoolean("quorum_met"), rs.getBoolean("proposal_used"), rs.getString("deviation_reason"),
                rs.getString("over_count_reason"), rs.getString("correction_reason"), rs.getString("note"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }

    // ---- incentives

    List<IncentiveKind> catalogue() {
        return jdbc.sql("select * from contest_incentive_kind order by position")
                .query((rs, n) -> new IncentiveKind(rs.getString("code"), rs.getString("name_ko"), rs.getString("name_en"),
                        rs.getBoolean("substantial"), rs.getBigDecimal("points")))
                .list();
    }

    List<Offer> offers(long contestId) {
        return jdbc.sql("""
                select o.tier_rank, k.code, k.name_ko, k.name_en, k.substantial, o.points
                  from contest_tier_incentive o join contest_incentive_kind k on k.code = o.incentive_code
                 where o.contest_id = :c order by o.tier_rank, k.position""")
                .param("c", contestId)
                .query((rs, n) -> new Offer(rs.getInt("tier_rank"), rs.getString("code"), rs.getString("name_ko"),
                        rs.getString("name_en"), rs.getBoolean("substantial"), rs.getBigDecimal("points")))
                .list();
    }

    void replaceOffers(long contestId, int tierRank, java.util.Map<String, @Nullable BigDecimal> codesWithPoints) {
        jdbc.sql("delete from contest_tier_incentive where contest_id = :c and tier_rank = :t")
                .param("c", contestId).param("t", tierRank).update();
        codesWithPoints.forEach((code, points) -> jdbc.sql("""
                insert into contest_tier_incentive (contest_id, tier_rank, incentive_code, points) values (:c, :t, :k, :p)""")
                .param("c", contestId).param("t", tierRank).param("k", code).param("p", points).update());
    }

    record IncentiveRow(long id, long entryId, int position, @Nullable String wishCode, @Nullable Boolean eligible,
            @Nullable String basis, @Nullable String note, @Nullable LocalDate appliedOn) {}

    List<IncentiveRow> incentives(long contestId) {
        return jdbc.sql("select * from contest_awardee_incentive where contest_id = :c order by entry_id, person_position")
                .param("c", contestId).query(AwardStore::incentive).list();
    }

    Optional<IncentiveRow> incentive(long contestId, long entryId, int position) {
        return jdbc.sql("""
                select * from contest_awardee_incentive where contest_id = :c and entry_id = :e and person_position = :p""")
                .param("c", contestId).param("e", entryId).param("p", position).query(AwardStore::incentive).optional();
    }

    private static IncentiveRow incentive(ResultSet rs, int n) throws SQLException {
        Date applied = rs.getDate("applied_on");
        return new IncentiveRow(rs.getLong("id"), rs.getLong("entry_id"), rs.getInt("person_position"),
                rs.getString("wish_code"), (Boolean) rs.getObject("eligible"), rs.getString("eligibility_basis"),
                rs.getString("eligibility_note"), applied == null ? null : applied.toLocalDate());
    }

    /** Records the wish; a changed wish clears an earlier eligibility check (it was about another incentive). */
    void wish(long contestId, long entryId, int position, String code, String by) {
        jdbc.sql("""
                insert into contest_awardee_incentive (contest_id, entry_id, person_position, wish_code, wished_by, wished_at)
                values (:c, :e, :p, :k, :by, now())
                on conflict (contest_id, entry_id, person_position) do update
                   set wish_code = excluded.wish_code, wished_by = excluded.wished_by, wished_at = excluded.wished_at,
                       eligible = case when contest_awardee_incentive.wish_code = excluded.wish_code
                                       then contest_awardee_incentive.eligible end,
                       eligibility_basis = case when contest_awardee_incentive.wish_code = excluded.wish_code
                                       then contest_awardee_incentive.eligibility_basis end,
                       eligibility_note = case when contest_awardee_incentive.wish_code = excluded.wish_code
                                       then contest_awardee_incentive.eligibility_note end""")
                .param("c", contestId).param("e", entryId).param("p", position).param("k", code).param("by", by).update();
    }

    void check(long id, boolean eligible, String basis, @Nullable String note, String by) {
        jdbc.sql("""
                update contest_awardee_incentive set eligible = :el, eligibility_basis = :b, eligibility_note = :n,
                       checked_by = :by, checked_at = now() where id = :id""")
                .param("el", eligible).param("b", basis).param("n", note).param("by", by).param("id", id).update();
    }

    void apply(long id, LocalDate on, String by) {
        jdbc.sql("update contest_awardee_incentive set applied_on = :d, applied_by = :by, applied_at = now() where id = :id")
                .param("d", Date.valueOf(on)).param("by", by).param("id", id).update();
    }

    // ---- statistics

    /** Decided contests of an institution (latest version 의결) with their year and half. */
    record DecidedContest(long contestId, int year, @Nullable Integer half, String kind) {}

    List<DecidedContest> decidedContests(long institutionId) {
        return jdbc.sql("""
                select c.id, c.year, c.half, c.kind from contest c
                 where c.owner_institution_id = :i
                   and (select d.outcome from contest_decision d where d.contest_id = c.id order by d.version desc limit 1)
                       = 'DECIDED'
                 order by c.year, c.half nulls last, c.id""")
                .param("i", institutionId)
                .query((rs, n) -> new DecidedContest(rs.getLong("id"), rs.getInt("year"), (Integer) rs.getObject("half"),
                        rs.getString("kind")))
                .list();
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
