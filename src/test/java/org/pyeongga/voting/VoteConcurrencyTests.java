package org.pyeongga.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One vote per key under concurrency, through group commit on the real database: 64 threads casting with the same key
 * on the web and through staff entry at once — exactly one stored, every other told {@code voting.duplicate} and
 * recorded as a rejected attempt; many distinct keys from many threads, each stored exactly once; two batches with
 * the same keys in opposite orders at once (no deadlock: each key stored once); and a ballot with votes is never deleted.
 */
@IntegrationTest
class VoteConcurrencyTests {

    static final int THREADS = 64;

    @Autowired
    Ballots ballots;

    @Autowired
    VoteCasting casting;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VoteStore store;

    @Test
    void sixtyFourThreadsWithOneKeyAcrossWebAndStaffStoreOneVote() throws Exception {
        long id = ballots.create(VotingFixture.single(VotingFixture.institution(registry, "보령시"), "동시 중복 투표"));
        ballots.open(id);
        long option = ballots.ballot(id).options().getFirst().id();
        Voter voter = VotingFixture.citizen("4418000000");
        List<String> outcomes = race(THREADS, i -> {
            try {
                casting.cast(id, voter, Choice.of(List.of(option)), i % 2 == 0 ? Channel.WEB : Channel.staff(1000 + i),
                        CastContext.at(Instant.now()));
                return "accepted";
            } catch (UserFacingException e) {
                return e.messageKey();
            }
        });
        assertThat(outcomes).filteredOn("accepted"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("voting.duplicate"::equals).hasSize(THREADS - 1);
        assertThat(count("voting_participation", id)).isEqualTo(1);
        assertThat(count("voting_ballot_box", id)).isEqualTo(1);
        assertThat(count("voting_rejected_attempt", id)).isEqualTo(THREADS - 1);
        assertThat(jdbc.sql("select count(distinct channel) from voting_rejected_attempt where ballot_id = :b").param("b", id)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void manyDistinctKeysAreEachStoredExactlyOnce() throws Exception {
        long id = ballots.create(VotingFixture.single(VotingFixture.institution(registry, "보령시"), "동시 다른 투표자"));
        ballots.open(id);
        List<Long> options = ballots.ballot(id).options().stream().map(Ballot.Option::id).toList();
        int perThread = 25;
        Set<String> receipts = ConcurrentHashMap.newKeySet();
        List<String> outcomes = race(THREADS, i -> {
            for (int n = 0; n < perThread; n++) {
                Receipt receipt = casting.cast(id, VotingFixture.citizen(null), Choice.of(List.of(options.get(n % 3))),
                        Channel.WEB, CastContext.at(Instant.now()));
                receipts.add(receipt.code());
            }
            return "done";
        });
        assertThat(outcomes).containsOnly("done");
        int votes = THREADS * perThread;
        assertThat(receipts).hasSize(votes);
        assertThat(count("voting_participation", id)).isEqualTo(votes);
        assertThat(count("voting_ballot_box", id)).isEqualTo(votes);
        assertThat(count("voting_rejected_attempt", id)).isZero();
        assertThat(jdbc.sql("select count(distinct link_tag) from voting_ballot_box where ballot_id = :b").param("b", id)
                .query(Long.class).single()).isEqualTo(votes);
    }

    @Test
    void batchesSharingKeysInOppositeOrderNeitherDeadlockNorStoreTwice() throws Exception {
        long id = ballots.create(VotingFixture.single(VotingFixture.institution(registry, "보령시"), "엇갈린 묶음"));
        ballots.open(id);
        for (int round = 0; round < 20; round++) {
            // the same 60 keys in two batches, one in the reverse order of the other, written at the same moment
            List<PendingVote> forward = new ArrayList<>();
            for (int n = 0; n < 60; n++) {
                forward.add(pending(id, String.format("%08x%056x", round, n)));
            }
            List<PendingVote> backward = new ArrayList<>(forward.reversed());
            List<String> outcomes = race(2, i -> {
                boolean[] accepted = store.write(i == 0 ? forward : backward);
                int stored = 0;
                for (boolean a : accepted) {
                    stored += a ? 1 : 0;
                }
                return Integer.toString(stored);
            });
            assertThat(outcomes.stream().mapToInt(Integer::parseInt).sum()).as("round %d", round).isEqualTo(60);
        }
        assertThat(count("voting_participation", id)).isEqualTo(20 * 60);
        assertThat(count("voting_ballot_box", id)).isEqualTo(20 * 60);
        assertThat(count("voting_rejected_attempt", id)).isEqualTo(20 * 60);
    }

    @Test
    void aBallotWithVotesCannotBeDeleted() {
        long id = ballots.create(VotingFixture.single(VotingFixture.institution(registry, "보령시"), "지울 수 없는 투표"));
        ballots.open(id);
        store.write(List.of(pending(id, "f".repeat(64))));
        assertThatThrownBy(() -> jdbc.sql("delete from voting_ballot where id = :b").param("b", id).update())
                .hasMessageContaining("cannot be deleted");
        assertThat(count("voting_participation", id)).isEqualTo(1);
    }

    private static PendingVote pending(long ballot, String key) {
        return new PendingVote(ballot, key, Channel.WEB, Instant.now(), null, null, null, null, "{\"o\":[]}",
                key + "-receipt", key + "-tag");
    }

    interface Attempt {
        String run(int thread) throws Exception;
    }

    /** Starts {@code threads} attempts at the same moment and collects their outcomes. */
    static List<String> race(int threads, Attempt attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                int thread = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt.run(thread);
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) {
                outcomes.add(future.get(2, TimeUnit.MINUTES));
            }
            return outcomes;
        }
    }

    private long count(String table, long ballot) {
        return jdbc.sql("select count(*) from " + table + " where ballot_id = :b").param("b", ballot).query(Long.class).single();
    }
}
