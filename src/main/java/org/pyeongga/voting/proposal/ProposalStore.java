package org.pyeongga.voting.proposal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pyeongga.voting.proposal.ProposalModel.AnswerKind;
import org.pyeongga.voting.proposal.ProposalModel.AnswerVersion;
import org.pyeongga.voting.proposal.ProposalModel.Category;
import org.pyeongga.voting.proposal.ProposalModel.Eligibility;
import org.pyeongga.voting.proposal.ProposalModel.Proposal;
import org.pyeongga.voting.proposal.ProposalModel.Query;
import org.pyeongga.voting.proposal.ProposalModel.Status;
import org.pyeongga.voting.proposal.ProposalModel.StatusCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for boards, proposals and supports. Supports are only ever inserted, deleted and counted, never listed. */
@Repository
class ProposalStore {

    private final JdbcClient jdbc;

    ProposalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A board row before the institution's name is added. */
    record BoardRow(long id, long institutionId, String title, String description, int supportThreshold, int answerDays,
            Eligibility eligibility, @Nullable String regionPrefix, boolean open, long proposals) {}

    // boards

    long insertBoard(ProposalModel.NewBoard board, String title, String description, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into voting_proposal_board (institution_id, title, description, support_threshold, answer_days,
                    eligibility, region_prefix, created_by) values (:i, :t, :d, :s, :a, :e, :r, :b)""")
                .param("i", board.institutionId()).param("t", title).param("d", description)
                .param("s", board.supportThreshold()).param("a", board.answerDays()).param("e", board.eligibility().name())
                .param("r", board.regionPrefix()).param("b", by)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    private static final String BOARD_SELECT = """
            select b.*, (select count(*) from voting_proposal p where p.board_id = b.id and not p.hidden) as proposals
            from voting_proposal_board b""";

    Optional<BoardRow> board(long id) {
        return jdbc.sql(BOARD_SELECT + " where b.id = :id").param("id", id).query(ProposalStore::boardRow).optional();
    }

    List<BoardRow> boards() {
        return jdbc.sql(BOARD_SELECT + " order by b.open desc, b.id").query(ProposalStore::boardRow).list();
    }

    List<BoardRow> boardsOf(Collection<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(BOARD_SELECT + " where b.institution_id in (:ids) order by b.open desc, b.id").param("ids", institutionIds)
                .query(ProposalStore::boardRow).list();
    }

    void setOpen(long boardId, boolean open) {
        jdbc.sql("update voting_proposal_board set open = :o where id = :id").param("o", open).param("id", boardId).update();
    }

    private static BoardRow boardRow(ResultSet rs, int row) throws SQLException {
        return new BoardRow(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("title"), rs.getString("description"),
                rs.getInt("support_threshold"), rs.getInt("answer_days"), Eligibility.valueOf(rs.getString("eligibility")),
                rs.getString("region_prefix"), rs.getBoolean("open"), rs.getLong("proposals"));
    }

    // proposals

    long insertProposal(long boardId, String authorKey, String nickname, String title, String body, Category category,
            Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into voting_proposal (board_id, author_key, nickname, title, body, category, submitted_at)
                values (:b, :k, :n, :t, :body, :c, :at)""")
                .param("b", boardId).param("k", authorKey).param("n", nickname).param("t", title).param("body", body)
                .param("c", category.name()).param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    int proposalsSince(long boardId, String authorKey, Instant since) {
        return jdbc.sql("select count(*) from voting_proposal where board_id = :b and author_key = :k and submitted_at > :s")
                .param("b", boardId).param("k", authorKey).param("s", Timestamp.from(since)).query(Integer.class).single();
    }

    /**
     * A proposal with its board's threshold and how often its answer was revised: the count is a subquery on the
     * version table's primary key, so a page of proposals is still one query.
     */
    private static final String PROPOSAL_SELECT = """
            select p.*, b.support_threshold,
                   (select greatest(count(*) - 1, 0) from voting_proposal_answer_version v where v.proposal_id = p.id)
                       as answer_revisions
            from voting_proposal p join voting_proposal_board b on b.id = p.board_id""";

    Optional<Proposal> proposal(long id) {
        return jdbc.sql(PROPOSAL_SELECT + " where p.id = :id").param("id", id).query(ProposalStore::proposal).optional();
    }

    /** Locks the proposal row (supports of one proposal queue here) and tells whether {@code key} wrote it. */
    Optional<Boolean> lockAndIsAuthor(long id, String key) {
        return jdbc.sql("select author_key = :k from voting_proposal where id = :id for update").param("k", key).param("id", id)
                .query(Boolean.class).optional();
    }

    boolean isAuthor(long id, String key) {
        return jdbc.sql("select count(*) from voting_proposal where id = :id and author_key = :k").param("id", id).param("k", key)
                .query(Integer.class).single() > 0;
    }

    /** Visible proposals of a board, filtered, sorted and paged. */
    List<Proposal> list(Query query, int offset) {
        String order = query.sort() == ProposalModel.Sort.NEWEST ? "p.submitted_at desc, p.id desc"
                : "p.support_count desc, p.submitted_at desc, p.id desc";
        return jdbc.sql(PROPOSAL_SELECT + where(query) + " order by " + order + " limit :limit offset :offset")
                .params(whereParams(query)).param("limit", query.size()).param("offset", offset)
                .query(ProposalStore::proposal).list();
    }

    long count(Query query) {
        return jdbc.sql("select count(*) from voting_proposal p" + where(query)).params(whereParams(query))
                .query(Long.class).single();
    }

    /** Every proposal of a board, hidden ones included (staff), newest first. */
    List<Proposal> all(long boardId, @Nullable Status status, boolean hiddenOnly) {
        return jdbc.sql(PROPOSAL_SELECT + " where p.board_id = :b" + (status == null ? "" : " and p.status = :s")
                        + (hiddenOnly ? " and p.hidden" : "") + " order by p.submitted_at desc, p.id desc")
                .param("b", boardId).param("s", status == null ? "" : status.name()).query(ProposalStore::proposal).list();
    }

    /** One citizen's own proposals on a board, hidden ones included, newest first. */
    List<Proposal> byAuthor(long boardId, String key) {
        return jdbc.sql(PROPOSAL_SELECT + " where p.board_id = :b and p.author_key = :k order by p.submitted_at desc, p.id desc")
                .param("b", boardId).param("k", key).query(ProposalStore::proposal).list();
    }

    StatusCounts statusCounts(long boardId) {
        return jdbc.sql("""
                select count(*) filter (where status = 'OPEN') as open,
                       count(*) filter (where status = 'AWAITING_ANSWER') as awaiting,
                       count(*) filter (where status = 'ANSWERED') as answered
                from voting_proposal where board_id = :b and not hidden""").param("b", boardId)
                .query((rs, n) -> new StatusCounts(rs.getLong("open"), rs.getLong("awaiting"), rs.getLong("answered"))).single();
    }

    private static String where(Query query) {
        return " where p.board_id = :b and not p.hidden" + (query.status() == null ? "" : " and p.status = :s")
                + (query.category() == null ? "" : " and p.category = :c");
    }

    private static java.util.Map<String, Object> whereParams(Query query) {
        var params = new java.util.HashMap<String, Object>();
        params.put("b", query.boardId());
        if (query.status() != null) {
            params.put("s", query.status().name());
        }
        if (query.category() != null) {
            params.put("c", query.category().name());
        }
        return params;
    }

    // supports: the primary key (proposal_id, voter_key) makes a second support by the same key impossible

    boolean insertSupport(long proposalId, String key) {
        return jdbc.sql("insert into voting_proposal_support (proposal_id, voter_key) values (:p, :k) on conflict do nothing")
                .param("p", proposalId).param("k", key).update() == 1;
    }

    boolean deleteSupport(long proposalId, String key) {
        return jdbc.sql("delete from voting_proposal_support where proposal_id = :p and voter_key = :k")
                .param("p", proposalId).param("k", key).update() == 1;
    }

    boolean supports(long proposalId, String key) {
        return jdbc.sql("select count(*) from voting_proposal_support where proposal_id = :p and voter_key = :k")
                .param("p", proposalId).param("k", key).query(Integer.class).single() > 0;
    }

    /** Adds {@code delta} to the kept count and returns the new count. */
    int addToCount(long proposalId, int delta) {
        return jdbc.sql("update voting_proposal set support_count = support_count + :d where id = :id returning support_count")
                .param("d", delta).param("id", proposalId).query(Integer.class).single();
    }

    /** Marks an open proposal as awaiting its answer; false if it was not open. */
    boolean markThresholdReached(long proposalId, Instant at, Instant due) {
        return jdbc.sql("""
                update voting_proposal set status = 'AWAITING_ANSWER', threshold_reached_at = :at, answer_due = :due
                where id = :id and status = 'OPEN'""")
                .param("at", Timestamp.from(at)).param("due", Timestamp.from(due)).param("id", proposalId).update() == 1;
    }

    // moderation and answers

    boolean hide(long proposalId, String reason, String by, Instant at) {
        return jdbc.sql("""
                update voting_proposal set hidden = true, hidden_reason = :r, hidden_by = :by, hidden_at = :at
                where id = :id and not hidden""")
                .param("r", reason).param("by", by).param("at", Timestamp.from(at)).param("id", proposalId).update() == 1;
    }

    boolean restore(long proposalId) {
        return jdbc.sql("""
                update voting_proposal set hidden = false, hidden_reason = null, hidden_by = null, hidden_at = null
                where id = :id and hidden""").param("id", proposalId).update() == 1;
    }

    boolean answer(long proposalId, AnswerKind kind, String text, String by, Instant at) {
        return jdbc.sql("""
                update voting_proposal set status = 'ANSWERED', answer_kind = :k, answer_text = :t, answered_by = :by,
                    answered_at = :at
                where id = :id and status <> 'ANSWERED' and not hidden""")
                .param("k", kind.name()).param("t", text).param("by", by).param("at", Timestamp.from(at))
                .param("id", proposalId).update() == 1;
    }

    /** Locks the proposal row: revisions of one answer queue here, so version numbers never collide. */
    void lock(long proposalId) {
        jdbc.sql("select id from voting_proposal where id = :id for update").param("id", proposalId).query(Long.class)
                .optional();
    }

    /** Replaces the current verdict and text of an answered proposal; the first answer's time and author stay. */
    boolean reviseAnswer(long proposalId, AnswerKind kind, String text) {
        return jdbc.sql("""
                update voting_proposal set answer_kind = :k, answer_text = :t
                where id = :id and status = 'ANSWERED' and not hidden""")
                .param("k", kind.name()).param("t", text).param("id", proposalId).update() == 1;
    }

    void insertAnswerVersion(long proposalId, int version, AnswerKind kind, String text, @Nullable String reason, String by,
            String byName, Instant at) {
        jdbc.sql("""
                insert into voting_proposal_answer_version (proposal_id, version, answer_kind, answer_text, reason,
                    answered_by, answered_by_name, answered_at) values (:p, :v, :k, :t, :r, :by, :name, :at)""")
                .param("p", proposalId).param("v", version).param("k", kind.name()).param("t", text).param("r", reason)
                .param("by", by).param("name", byName).param("at", Timestamp.from(at)).update();
    }

    int lastAnswerVersion(long proposalId) {
        return jdbc.sql("select coalesce(max(version), 0) from voting_proposal_answer_version where proposal_id = :p")
                .param("p", proposalId).query(Integer.class).single();
    }

    /** Every version of a proposal's answer, newest first, with who wrote it (callers drop that for the public). */
    List<AnswerVersion> answerVersions(long proposalId) {
        return jdbc.sql("""
                select version, answer_kind, answer_text, reason, answered_at,
                       coalesce(answered_by_name, answered_by) as answered_by
                from voting_proposal_answer_version where proposal_id = :p order by version desc""")
                .param("p", proposalId)
                .query((rs, n) -> new AnswerVersion(rs.getInt("version"), AnswerKind.valueOf(rs.getString("answer_kind")),
                        rs.getString("answer_text"), rs.getString("reason"), rs.getTimestamp("answered_at").toInstant(),
                        rs.getString("answered_by")))
                .list();
    }

    private static Proposal proposal(ResultSet rs, int row) throws SQLException {
        String answer = rs.getString("answer_kind");
        return new Proposal(rs.getLong("id"), rs.getLong("board_id"), rs.getString("nickname"), rs.getString("title"),
                rs.getString("body"), Category.valueOf(rs.getString("category")), Status.valueOf(rs.getString("status")),
                rs.getInt("support_count"), rs.getInt("support_threshold"), instant(rs, "submitted_at"),
                instant(rs, "threshold_reached_at"), instant(rs, "answer_due"), rs.getBoolean("hidden"),
                rs.getString("hidden_reason"), answer == null ? null : AnswerKind.valueOf(answer), rs.getString("answer_text"),
                instant(rs, "answered_at"), rs.getInt("answer_revisions"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
