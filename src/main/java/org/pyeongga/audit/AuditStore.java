package org.pyeongga.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.pyeongga.core.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the audit trail. Inserts only; reads stream in sequence order. */
@Repository
class AuditStore {

    /** Any constant: the key of the transaction-scoped advisory lock that serialises appends to the chain. */
    private static final long CHAIN_LOCK = 0x5079_656f_6e67_6761L; // "Pyeongga"

    private final JdbcClient jdbc;
    /** Our own template: it streams (fetch size), which must not change the application's shared one. */
    private final JdbcTemplate streaming;

    AuditStore(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1_000);
    }

    /** Takes the chain lock for the rest of the current transaction. */
    void lockChain() {
        jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", CHAIN_LOCK).query(Object.class).single();
    }

    Optional<AuditEntry> last() {
        return jdbc.sql("select * from audit_entry order by seq desc limit 1").query(AuditStore::entry).optional();
    }

    void insert(AuditEntry e) {
        jdbc.sql("""
                        insert into audit_entry (seq, occurred_at, actor_kind, actor_id, actor_name, module, action,
                                                 institution_ids, payload, prev_hash, hash)
                        values (:seq, :at, :kind, :actor_id, :actor_name, :module, :action, :ids, :payload, :prev, :hash)
                        """)
                .param("seq", e.seq())
                .param("at", Timestamp.from(e.occurredAt()))
                .param("kind", e.actor().kind().name())
                .param("actor_id", e.actor().id())
                .param("actor_name", e.actor().name())
                .param("module", e.module())
                .param("action", e.action())
                .param("ids", e.institutionIds().toArray(Long[]::new))
                .param("payload", e.payload())
                .param("prev", e.prevHash())
                .param("hash", e.hash())
                .update();
    }

    /** Streams every record in sequence order (the chain can be long: no list in memory). */
    void forEachInOrder(Consumer<AuditEntry> consumer) {
        streaming.query("select * from audit_entry order by seq", rs -> {
            consumer.accept(entry(rs, 0));
        });
    }

    List<AuditEntry> recent(int limit) {
        return jdbc.sql("select * from audit_entry order by seq desc limit :n").param("n", limit)
                .query(AuditStore::entry).list();
    }

    List<AuditEntry> aboutInstitution(long institutionId, int limit) {
        return jdbc.sql("select * from audit_entry where institution_ids @> array[cast(:id as bigint)] order by seq desc limit :n")
                .param("id", institutionId)
                .param("n", limit)
                .query(AuditStore::entry)
                .list();
    }

    /** A filtered page, newest first; {@code scope} (when present) limits to records about those institutions. */
    List<AuditEntry> search(AuditQuery q, java.util.Optional<List<Long>> scope, int offset, int limit) {
        var where = where(q, scope);
        return jdbc.sql("select * from audit_entry" + where.sql() + " order by seq desc offset :offset limit :limit")
                .params(where.params()).param("offset", offset).param("limit", limit).query(AuditStore::entry).list();
    }

    long count(AuditQuery q, java.util.Optional<List<Long>> scope) {
        var where = where(q, scope);
        return jdbc.sql("select count(*) from audit_entry" + where.sql()).params(where.params()).query(Long.class).single();
    }

    private record Where(String sql, java.util.Map<String, Object> params) {}

    private static Where where(AuditQuery q, java.util.Optional<List<Long>> scope) {
        List<String> clauses = new java.util.ArrayList<>();
        var params = new java.util.HashMap<String, Object>();
        scope.ifPresent(ids -> {
            clauses.add("institution_ids && cast(:scope as bigint[])");
            params.put("scope", ids.toArray(Long[]::new));
        });
        if (q.actorId() != null && !q.actorId().isBlank()) {
            clauses.add("actor_id = :actor");
            params.put("actor", q.actorId().strip());
        }
        if (q.institutionId() != null) {
            clauses.add("institution_ids @> array[cast(:inst as bigint)]");
            params.put("inst", q.institutionId());
        }
        if (q.action() != null && !q.action().isBlank()) {
            clauses.add("action = :action");
            params.put("action", q.action().strip());
        }
        if (q.from() != null) {
            clauses.add("occurred_at >= cast(:from as date) at time zone 'Asia/Seoul'");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            clauses.add("occurred_at < (cast(:to as date) + 1) at time zone 'Asia/Seoul'");
            params.put("to", q.to());
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        Array ids = rs.getArray("institution_ids");
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(),
                new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), rs.getString("actor_id"),
                        rs.getString("actor_name")),
                rs.getString("module"),
                rs.getString("action"),
                Arrays.stream((Long[]) ids.getArray()).toList(),
                rs.getString("payload"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    static Instant toMicros(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
