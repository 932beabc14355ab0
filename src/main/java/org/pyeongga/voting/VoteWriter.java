package org.pyeongga.voting;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit. Callers put checked votes on a bounded queue and wait; a few writer threads each take what has
 * arrived — up to {@code pyeongga.voting.batch-size} votes, waiting at most {@code batch-wait} for more — write them in
 * one transaction ({@link VoteStore#write}), and only after the commit complete each caller's future. A full queue
 * refuses at once with {@link Overloaded} (nothing stored). One commit (one WAL flush) then serves hundreds of votes,
 * which is how the server outruns one-commit-per-row inserts.
 */
@Component
class VoteWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VoteWriter.class);

    private record Queued(PendingVote vote, CompletableFuture<Boolean> accepted) {}

    private final Function<List<PendingVote>, boolean[]> store;
    private final BlockingQueue<Queued> queue;
    private final int batchSize;
    private final long batchWaitNanos;
    private final int writers;
    private final int retryAfterSeconds;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    @Autowired
    VoteWriter(VoteStore store, VotingProperties properties) {
        this(store::write, properties);
    }

    VoteWriter(Function<List<PendingVote>, boolean[]> store, VotingProperties properties) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, properties.queueCapacity()));
        this.batchSize = Math.max(1, properties.batchSize());
        this.batchWaitNanos = properties.batchWait().toNanos();
        this.writers = Math.max(1, properties.writers());
        this.retryAfterSeconds = (int) Math.max(1, properties.retryAfter().toSeconds());
    }

    /**
     * Queues a vote and waits until its batch is committed: true if stored, false if the key had voted on that ballot.
     * Throws {@link Overloaded} when the queue is full (nothing queued), or the batch's database error (nothing stored).
     */
    boolean write(PendingVote vote) {
        if (!running) {
            throw new Overloaded(retryAfterSeconds);
        }
        Queued queued = new Queued(vote, new CompletableFuture<>());
        if (!queue.offer(queued)) {
            throw new Overloaded(retryAfterSeconds);
        }
        try {
            return queued.accepted().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    int queued() {
        return queue.size();
    }

    private void drain() {
        List<Queued> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Queued first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + batchWaitNanos;
                while (batch.size() < batchSize) {
                    // take what is there; wait (up to the deadline) only while the batch is small
                    if (queue.drainTo(batch, batchSize - batch.size()) > 0) {
                        continue;
                    }
                    long left = deadline - System.nanoTime();
                    Queued next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Queued> batch) {
        List<PendingVote> votes = new ArrayList<>(batch.size());
        for (Queued queued : batch) {
            votes.add(queued.vote());
        }
        boolean[] accepted;
        try {
            accepted = store.apply(votes);
        } catch (RuntimeException e) {
            log.error("A batch of {} votes could not be stored (rolled back; the voters were told)", votes.size(), e);
            batch.forEach(q -> q.accepted().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).accepted().complete(accepted[i]);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < writers; i++) {
            Thread thread = Thread.ofPlatform().daemon().name("vote-writer-" + i).start(this::drain);
            threads.add(thread);
        }
    }

    /** Stops taking votes; what is queued is still written before the writers end. */
    @Override
    public synchronized void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        // a caller that queued just as the writers ended is told to come back (nothing of it was stored)
        for (Queued left = queue.poll(); left != null; left = queue.poll()) {
            left.accepted().completeExceptionally(new Overloaded(retryAfterSeconds));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
