package org.pyeongga.voting;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes votes, many per transaction: one multi-row insert of participations ({@code ON CONFLICT (ballot_id, voter_key)
 * DO NOTHING RETURNING} — the primary key decides who already voted), then the ballot-box rows of the accepted ones in
 * shuffled order, then a rejected attempt for each duplicate; one commit. Never reads a choice together with a voter.
 *
 * <p>Participations are offered in (ballot, voter key) order. Two batches that share keys (the same person voting twice
 * at once through two batches) then wait for each other in one direction only, never in a cycle: without the order,
 * two such batches could deadlock and both fail. Only a clash on the primary key counts as "voted already"; any other
 * constraint failing fails the batch (nothing stored; the voters are told to try again).
 */
@Repository
class VoteStore {

    private static final String PARTICIPATION = """
            insert into voting_participation (ballot_id, voter_key, channel, staff_user_id, cast_at, device_hash,
                network_hash, region_code, country)
            select * from unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::text[], ?::text[],
                ?::text[], ?::text[])
            on conflict (ballot_id, voter_key) do nothing
            returning ballot_id, voter_key
            """;
    private static final String BOX = """
            insert into voting_ballot_box (ballot_id, choice, receipt_hash, link_tag)
            select * from unnest(?::bigint[], ?::jsonb[], ?::text[], ?::text[])
            """;
    private static final String REJECTED = """
            insert into voting_rejected_attempt (ballot_id, voter_key, channel, reason, attempted_at, device_hash,
                network_hash, country)
            select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])
            """;

    /** The primary key's order: the order in which a batch takes its participation rows' locks. */
    private static final Comparator<PendingVote> LOCK_ORDER =
            Comparator.comparingLong(PendingVote::ballotId).thenComparing(PendingVote::voterKey);

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    VoteStore(JdbcTemplate jdbcTemplate, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Stores a batch in one transaction and answers, per vote in the order given, whether it was accepted (false: the
     * key had voted on that ballot already, in the database or earlier in this batch). When this returns, it is
     * committed.
     */
    boolean[] write(List<PendingVote> votes) {
        boolean[] accepted = new boolean[votes.size()];
        // Within the batch only the first vote per (ballot, key) is offered; the database decides about that one.
        Set<String> offered = new HashSet<>();
        List<PendingVote> candidates = new ArrayList<>();
        for (PendingVote vote : votes) {
            if (offered.add(vote.ballotId() + "|" + vote.voterKey())) {
                candidates.add(vote);
            }
        }
        candidates.sort(LOCK_ORDER);
        transactions.executeWithoutResult(status -> jdbcTemplate.execute((Connection connection) -> {
            Set<String> inserted = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(PARTICIPATION)) {
                insert.setArray(1, array(connection, candidates, v -> String.valueOf(v.ballotId())));
                insert.setArray(2, array(connection, candidates, PendingVote::voterKey));
                insert.setArray(3, array(connection, candidates, v -> v.channel().kind().name()));
                insert.setArray(4, array(connection, candidates,
                        v -> v.channel().staffUserId() == null ? null : String.valueOf(v.channel().staffUserId())));
                insert.setArray(5, array(connection, candidates, v -> v.castAt().toString()));
                insert.setArray(6, array(connection, candidates, PendingVote::deviceHash));
                insert.setArray(7, array(connection, candidates, PendingVote::networkHash));
                insert.setArray(8, array(connection, candidates, PendingVote::regionCode));
                insert.setArray(9, array(connection, candidates, PendingVote::country));
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getLong(1) + "|" + rs.getString(2));
                    }
                }
            }
            List<PendingVote> box = new ArrayList<>();
            List<PendingVote> rejected = new ArrayList<>();
            for (int i = 0; i < votes.size(); i++) {
                PendingVote vote = votes.get(i);
                // remove(): a second vote of the same key in this batch finds the key gone and is a duplicate
                if (inserted.remove(vote.ballotId() + "|" + vote.voterKey())) {
                    accepted[i] = true;
                    box.add(vote);
                } else {
                    rejected.add(vote);
                }
            }
            Collections.shuffle(box, new java.security.SecureRandom());
            if (!box.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(BOX)) {
                    insert.setArray(1, array(connection, box, v -> String.valueOf(v.ballotId())));
                    insert.setArray(2, array(connection, box, PendingVote::choiceJson));
                    insert.setArray(3, array(connection, box, PendingVote::receiptHash));
                    insert.setArray(4, array(connection, box, PendingVote::linkTag));
                    insert.executeUpdate();
                }
            }
            if (!rejected.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(REJECTED)) {
                    insert.setArray(1, array(connection, rejected, v -> String.valueOf(v.ballotId())));
                    insert.setArray(2, array(connection, rejected, PendingVote::voterKey));
                    insert.setArray(3, array(connection, rejected, v -> v.channel().kind().name()));
                    insert.setArray(4, array(connection, rejected, v -> "DUPLICATE"));
                    insert.setArray(5, array(connection, rejected, v -> v.castAt().toString()));
                    insert.setArray(6, array(connection, rejected, PendingVote::deviceHash));
                    insert.setArray(7, array(connection, rejected, PendingVote::networkHash));
                    insert.setArray(8, array(connection, rejected, PendingVote::country));
                    insert.executeUpdate();
                }
            }
            return null;
        }));
        return accepted;
    }

    private static Array array(Connection connection, List<PendingVote> votes, Function<PendingVote, String> value)
            throws SQLException {
        String[] values = new String[votes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(votes.get(i));
        }
        return connection.createArrayOf("text", values);
    }

    /** The ballot and voided flag of a receipt (by the SHA-256 of its code). */
    Optional<Object[]> receipt(String receiptHash) {
        return jdbc.sql("select ballot_id, voided from voting_ballot_box where receipt_hash = :h").param("h", receiptHash)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBoolean(2)}).optional();
    }
}
