package org.pyeongga.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The peak's last line of defence over real HTTP: when the group-commit queue is full, a vote is answered at once with
 * 503, {@code Retry-After} and a message in Korean and English — never an error page, never half-stored — and once
 * the database keeps up again the same vote is accepted. The database is held up for real: another transaction locks
 * the participation table, so the only writer waits in its insert with one vote while a second fills the queue.
 */
@IntegrationTest
@TestPropertySource(properties = {
    "pyeongga.voting.writers=1",
    "pyeongga.voting.queue-capacity=1",
    "pyeongga.voting.batch-size=1",
    "pyeongga.voting.retry-after=3s"
})
@DirtiesContext
class VoteOverloadHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Ballots ballots;

    @Autowired
    VoterTokens tokens;

    @Autowired
    VoteWriter writer;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFullQueueAnswers503WithRetryAfterAndTheVoteIsAcceptedLater() throws Exception {
        long id = ballots.create(VotingFixture.single(VotingFixture.institution(registry, "보령시"), "몰리는 투표"));
        ballots.open(id);
        long option = ballots.ballot(id).options().getFirst().id();
        List<String> voters = List.of(token(), token(), token());
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table voting_participation in share row exclusive mode");

            // the one writer takes the first vote and waits for the lock; the second vote fills the queue of one
            CompletableFuture<ResponseEntity<Map<String, Object>>> first =
                    CompletableFuture.supplyAsync(() -> vote(id, voters.get(0), option), executor);
            await(() -> waitingInserts() == 1);
            CompletableFuture<ResponseEntity<Map<String, Object>>> second =
                    CompletableFuture.supplyAsync(() -> vote(id, voters.get(1), option), executor);
            await(() -> writer.queued() == 1);

            var refused = vote(id, voters.get(2), option);
            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("3");
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(String.valueOf(refused.getBody().get("detail"))).contains("3초");
            assertThat(refused.getBody()).containsKey("detailEn").doesNotContainKey("trace");
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();

            lock.commit();
            assertThat(first.get(30, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(201);
            assertThat(second.get(30, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(201);
        } finally {
            executor.shutdown();
        }
        // the refused vote left nothing behind, and the same voter is accepted now
        assertThat(count(id)).isEqualTo(2);
        var later = vote(id, voters.get(2), option);
        assertThat(later.getStatusCode().value()).isEqualTo(201);
        assertThat(later.getBody()).containsKey("receipt");
        assertThat(count(id)).isEqualTo(3);
    }

    String token() {
        return tokens.issue(VotingFixture.citizen("4418000000"), Instant.now());
    }

    ResponseEntity<Map<String, Object>> vote(long ballot, String token, long option) {
        return new Http(port).raw().post().uri("/api/v1/voting/ballots/{id}/votes", ballot)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .headers(h -> h.set(VoterTokens.HEADER, token)).body(Map.of("options", List.of(option)))
                .retrieve().toEntity(new ParameterizedTypeReference<>() { });
    }

    long waitingInserts() {
        return jdbc.sql("""
                select count(*) from pg_stat_activity
                where wait_event_type = 'Lock' and query like '%insert into voting_participation%'""")
                .query(Long.class).single();
    }

    /** Participations of the ballot, after checking that the ballot box holds as many ballots (nothing half-stored). */
    long count(long ballot) {
        long participations = jdbc.sql("select count(*) from voting_participation where ballot_id = :b").param("b", ballot)
                .query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from voting_ballot_box where ballot_id = :b").param("b", ballot)
                .query(Long.class).single()).isEqualTo(participations);
        return participations;
    }

    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not hold within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
