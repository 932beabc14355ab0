package org.pyeongga.voting;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Voting settings ({@code pyeongga.voting.*}): group commit (votes per transaction, the longest a vote waits for its
 * batch, queue size, writer threads, the Retry-After given when the queue is full), the proxy header that carries the client's country code (e.g.
 * {@code CF-IPCountry}; none by default), and how often tallies are recomputed.
 */
@ConfigurationProperties("pyeongga.voting")
public record VotingProperties(@Nullable Integer batchSize, @Nullable Duration batchWait, @Nullable Integer queueCapacity,
        @Nullable Integer writers, @Nullable String countryHeader, @Nullable Duration tallyInterval, @Nullable Duration retryAfter) {

    public VotingProperties {
        batchSize = batchSize == null ? 500 : batchSize;
        batchWait = batchWait == null ? Duration.ofMillis(1) : batchWait;
        queueCapacity = queueCapacity == null ? 20_000 : queueCapacity;
        writers = writers == null ? 3 : writers;
        tallyInterval = tallyInterval == null ? Duration.ofSeconds(30) : tallyInterval;
        retryAfter = retryAfter == null ? Duration.ofSeconds(2) : retryAfter;
    }
}
