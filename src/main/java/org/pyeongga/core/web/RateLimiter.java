package org.pyeongga.core.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Counts requests per limit and key (e.g. "login-user" × "203.0.113.7|kim@example.go.kr") in memory, on this node only
 * (docs/decisions/0011-rate-limiting.md).
 *
 * <p><b>Sliding window counter.</b> Time is cut into windows of the limit's length, aligned to the epoch. A key keeps
 * two numbers: the requests it made in the current window and in the one before. The requests "in the last window
 * length" are estimated as {@code previous × (share of the previous window still inside the last window length) +
 * current}; a request is allowed while that estimate, counting the request itself, stays within the limit. Unlike a
 * plain fixed window this allows no double burst around a window's edge, and unlike a log of timestamps it needs two
 * counters per key whatever the limit. All arithmetic is exact (whole milliseconds, no floating point).
 *
 * <p><b>Refusals count nowhere.</b> A request may be charged against several limits at once ({@link #tryAcquire});
 * it is counted against all of them or, when any one refuses, against none, so a client that keeps knocking while
 * refused is let in again as soon as its earlier requests have aged out.
 *
 * <p><b>Bounded memory.</b> At most {@code maxKeys} keys are tracked; entries are kept in least-recently-used order,
 * those whose two windows have passed (which would count zero anyway) are dropped as they come up, and when the cap is
 * reached the least recently used key is forgotten. Thread-safe: one lock guards the table (each call does a few
 * arithmetic operations under it).
 */
final class RateLimiter {

    /** A limit: at most {@code limit} requests per {@code window}, under a name used in logs and properties. */
    record Limit(String name, int limit, Duration window) {

        Limit {
            if (limit < 1) {
                throw new IllegalArgumentException("Rate limit " + name + ": the limit must be at least 1");
            }
            if (window.toMillis() < 1000) {
                throw new IllegalArgumentException("Rate limit " + name + ": the window must be at least 1 second");
            }
        }
    }

    /** One request counted against {@code limit} for {@code key} (a client address, address and user name …). */
    record Charge(Limit limit, String key) {}

    /**
     * The answer: allowed, or refused by {@code refusedBy} until {@code retryAfterSeconds} from now (when several
     * limits refuse, the one that lasts longest).
     */
    record Decision(boolean allowed, @Nullable Limit refusedBy, long retryAfterSeconds) {

        static final Decision ALLOWED = new Decision(true, null, 0);
    }

    private final Clock clock;
    private final int maxKeys;
    private final LinkedHashMap<String, Counter> counters;

    RateLimiter(Clock clock, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1");
        }
        this.clock = clock;
        this.maxKeys = maxKeys;
        this.counters = new LinkedHashMap<>(Math.min(maxKeys, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
                return size() > RateLimiter.this.maxKeys;
            }
        };
    }

    /** Counts one request against every charge, or (if any limit is reached) against none. */
    synchronized Decision tryAcquire(List<Charge> charges) {
        long now = clock.millis();
        dropExpired(now);
        Limit refusedBy = null;
        long wait = 0;
        for (Charge charge : charges) {
            Counter counter = counters.get(id(charge));
            if (counter == null) {
                continue; // nothing counted yet: this charge allows
            }
            counter.roll(now);
            long waitMillis = counter.waitMillis(now);
            if (waitMillis > 0 && (refusedBy == null || waitMillis > wait)) {
                refusedBy = charge.limit();
                wait = waitMillis;
            }
        }
        if (refusedBy != null) {
            return new Decision(false, refusedBy, Math.max(1, (wait + 999) / 1000));
        }
        for (Charge charge : charges) {
            counters.computeIfAbsent(id(charge), k -> new Counter(charge.limit(), now)).count(now);
        }
        return Decision.ALLOWED;
    }

    /** How many keys are tracked now (for tests and a sanity check of the bound). */
    synchronized int size() {
        return counters.size();
    }

    private static String id(Charge charge) {
        return charge.limit().name() + '\u0000' + charge.key();
    }

    /**
     * Drops least recently used entries while they have expired. Entries of limits with different windows are mixed,
     * so this may stop at a live entry with expired ones behind it: those go when they reach the front, or when the
     * cap pushes them out.
     */
    private void dropExpired(long now) {
        Iterator<Counter> eldest = counters.values().iterator();
        while (eldest.hasNext() && eldest.next().expired(now)) {
            eldest.remove();
        }
    }

    /** The two counts of one key: in its current window and in the window before. */
    private static final class Counter {

        private final int limit;
        private final long window;
        private long index;
        private long current;
        private long previous;

        Counter(Limit limit, long now) {
            this.limit = limit.limit();
            this.window = limit.window().toMillis();
            this.index = Math.floorDiv(now, window);
        }

        /** Moves to the window {@code now} falls in. */
        void roll(long now) {
            long at = Math.floorDiv(now, window);
            if (at == index) {
                return;
            }
            previous = at == index + 1 ? current : 0;
            current = 0;
            index = at;
        }

        void count(long now) {
            roll(now);
            current++;
        }

        /** Both windows are over: the key would count zero. */
        boolean expired(long now) {
            return Math.floorDiv(now, window) > index + 1;
        }

        /**
         * 0 if one more request fits now, else the milliseconds until it will. One more fits while
         * {@code previous × (window − elapsed) / window + current + 1 ≤ limit}, i.e.
         * {@code previous × (window − elapsed) ≤ (limit − 1 − current) × window}.
         */
        long waitMillis(long now) {
            long start = index * window;
            long end = start + window;
            long room = limit - 1 - current;
            if (room >= 0) {
                if (previous * (end - now) <= room * window) {
                    return 0;
                }
                // Later in this window the previous one's share shrinks enough: (end − t) ≤ room × window / previous.
                return end - Math.floorDiv(room * window, previous) - now;
            }
            // Not before the next window, where this one's count becomes the previous: (end + window − t) × current
            // ≤ (limit − 1) × window.
            return end + window - Math.floorDiv((long) (limit - 1) * window, current) - now;
        }
    }
}
