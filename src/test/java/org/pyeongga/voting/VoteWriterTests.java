package org.pyeongga.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Group commit without a database: batches, acknowledgement only after the write, a full queue refuses at once. */
class VoteWriterTests {

    static PendingVote vote(int n) {
        return new PendingVote(1, String.format("%064x", n), Channel.WEB, Instant.now(), null, null, null, null,
                "{}", "hash" + n, "tag" + n);
    }

    static VotingProperties properties(int batch, int queue, int writers) {
        return new VotingProperties(batch, Duration.ofMillis(5), queue, writers, null, null, Duration.ofSeconds(3));
    }

    @Test
    void aFullQueueAnswersOverloadedWithRetryAfterAndNothingIsLost() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<PendingVote>> batches = new CopyOnWriteArrayList<>();
        VoteWriter writer = new VoteWriter(votes -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            batches.add(List.copyOf(votes));
            boolean[] accepted = new boolean[votes.size()];
            java.util.Arrays.fill(accepted, true);
            return accepted;
        }, properties(10, 2, 1));
        writer.start();
        try {
            List<CompletableFuture<Boolean>> waiting = new ArrayList<>();
            waiting.add(CompletableFuture.supplyAsync(() -> writer.write(vote(0))));
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue(); // the writer holds vote 0 in its batch
            waiting.add(CompletableFuture.supplyAsync(() -> writer.write(vote(1))));
            waiting.add(CompletableFuture.supplyAsync(() -> writer.write(vote(2))));
            while (writer.queued() < 2) {
                Thread.onSpinWait();
            }
            assertThat(waiting).noneMatch(CompletableFuture::isDone); // nobody is acknowledged before the commit
            assertThatThrownBy(() -> writer.write(vote(3))).isInstanceOfSatisfying(Overloaded.class, e -> {
                assertThat(e.retryAfterSeconds()).isEqualTo(3);
                assertThat(e.messageKey()).isEqualTo("voting.overloaded");
                assertThat(e.status().value()).isEqualTo(503);
            });
            release.countDown();
            for (CompletableFuture<Boolean> future : waiting) {
                assertThat(future.get(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(batches).hasSize(2);
            assertThat(batches.get(1)).hasSize(2); // what waited went in one batch
        } finally {
            release.countDown();
            writer.stop();
        }
    }

    @Test
    void aFailedBatchFailsEachOfItsCallers() {
        VoteWriter writer = new VoteWriter(votes -> {
            throw new IllegalStateException("database down");
        }, properties(10, 10, 1));
        writer.start();
        try {
            assertThatThrownBy(() -> writer.write(vote(1))).hasMessage("database down");
        } finally {
            writer.stop();
        }
        assertThatThrownBy(() -> writer.write(vote(2))).isInstanceOf(Overloaded.class); // stopped: takes nothing
    }
}
