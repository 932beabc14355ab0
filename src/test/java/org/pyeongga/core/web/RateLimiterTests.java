package org.pyeongga.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.pyeongga.core.web.RateLimiter.Charge;
import org.pyeongga.core.web.RateLimiter.Decision;
import org.pyeongga.core.web.RateLimiter.Limit;

/** The sliding window counter on a clock the test moves: limits, rollover, key isolation, refusals, memory bound. */
class RateLimiterTests {

    /** Three requests per minute. */
    static final Limit THREE = new Limit("three", 3, Duration.ofMinutes(1));
    static final Limit ONE_PER_HOUR = new Limit("hourly", 1, Duration.ofHours(1));

    /** The start of a minute window (windows are aligned to the epoch). */
    static final Instant WINDOW = Instant.ofEpochSecond(1_790_000_000L / 60 * 60);

    final TestClock clock = new TestClock(WINDOW);

    @Test
    void allowsUpToTheLimitThenRefusesWithTheSecondsToWait() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(one(THREE, "a")).allowed()).as("request %d", i + 1).isTrue();
        }
        Decision refused = limiter.tryAcquire(one(THREE, "a"));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.refusedBy()).isEqualTo(THREE);
        // Next window at 60 s; the three then weigh 3 × (60 − e)/60 and one more fits once that is ≤ 2: e ≥ 20 s.
        assertThat(refused.retryAfterSeconds()).isEqualTo(80);
        clock.set(WINDOW.plusMillis(79_999));
        assertThat(limiter.tryAcquire(one(THREE, "a")).allowed()).isFalse();
        clock.set(WINDOW.plusSeconds(80));
        assertThat(limiter.tryAcquire(one(THREE, "a")).allowed()).isTrue();
    }

    @Test
    void aFreshWindowAfterTwoWindowLengthsAllowsTheFullLimitAgain() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        fill(limiter, THREE, "a");
        clock.set(WINDOW.plus(Duration.ofMinutes(2)));
        fill(limiter, THREE, "a");
        assertThat(limiter.tryAcquire(one(THREE, "a")).allowed()).isFalse();
    }

    @Test
    void noDoubleBurstAroundAWindowEdge() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        clock.set(WINDOW.plusSeconds(59));
        fill(limiter, THREE, "a");
        // Two seconds later a fixed window would allow three more; the sliding estimate is 3 × 59/60 = 2.95.
        clock.set(WINDOW.plusSeconds(61));
        Decision refused = limiter.tryAcquire(one(THREE, "a"));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(19); // at 80 s: 3 × 40/60 = 2
        // Halfway through the next window half the old count is left: 1.5 + 1 new fits, a second new one does not.
        clock.set(WINDOW.plusSeconds(90));
        assertThat(limiter.tryAcquire(one(THREE, "a")).allowed()).isTrue();
        assertThat(limiter.tryAcquire(one(THREE, "a")).allowed()).isFalse();
    }

    @Test
    void withinTheCurrentWindowTheWaitIsUntilThePreviousOneHasFadedEnough() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        fill(limiter, THREE, "a"); // previous window: 3
        clock.set(WINDOW.plusSeconds(60 + 30));
        assertThat(limiter.tryAcquire(one(THREE, "a")).allowed()).isTrue(); // 1.5 + 0 + 1 ≤ 3
        // Now 3 × (60 − e)/60 + 1 + 1 ≤ 3 needs e ≥ 40 s: ten seconds from now.
        Decision refused = limiter.tryAcquire(one(THREE, "a"));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(10);
        clock.set(WINDOW.plusSeconds(60 + 40));
        assertThat(limiter.tryAcquire(one(THREE, "a")).allowed()).isTrue();
    }

    @Test
    void refusedRequestsCountNowhere() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        fill(limiter, THREE, "a");
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.tryAcquire(one(THREE, "a")).allowed()).isFalse();
        }
        clock.set(WINDOW.plusSeconds(80));
        assertThat(limiter.tryAcquire(one(THREE, "a")).allowed()).isTrue();
    }

    @Test
    void keysAndLimitsAreCountedApart() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        Limit otherThree = new Limit("other", 3, Duration.ofMinutes(1));
        fill(limiter, THREE, "a");
        assertThat(limiter.tryAcquire(one(THREE, "a")).allowed()).isFalse();
        fill(limiter, THREE, "b");
        fill(limiter, otherThree, "a");
        assertThat(limiter.size()).isEqualTo(3);
    }

    @Test
    void aRequestChargedAgainstSeveralLimitsCountsAgainstAllOrNone() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        Limit perAddress = new Limit("per-address", 5, Duration.ofMinutes(1));
        fill(limiter, THREE, "10.0.0.1|kim");
        // Refused by the per-user limit: the per-address count does not move.
        Decision refused = limiter.tryAcquire(List.of(new Charge(THREE, "10.0.0.1|kim"), new Charge(perAddress, "10.0.0.1")));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.refusedBy()).isEqualTo(THREE);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire(List.of(new Charge(THREE, "10.0.0.1|user" + i), new Charge(perAddress, "10.0.0.1")))
                    .allowed()).as("user %d", i).isTrue();
        }
        Decision byAddress = limiter.tryAcquire(List.of(new Charge(THREE, "10.0.0.1|lee"), new Charge(perAddress, "10.0.0.1")));
        assertThat(byAddress.allowed()).isFalse();
        assertThat(byAddress.refusedBy()).isEqualTo(perAddress);
        // Nor does a refusal by the per-address limit count against the (new) user.
        assertThat(limiter.size()).isEqualTo(7);
    }

    @Test
    void whenSeveralLimitsRefuseTheLongestWaitIsGiven() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        fill(limiter, THREE, "a");
        assertThat(limiter.tryAcquire(one(ONE_PER_HOUR, "a")).allowed()).isTrue();
        Decision refused = limiter.tryAcquire(List.of(new Charge(THREE, "a"), new Charge(ONE_PER_HOUR, "a")));
        assertThat(refused.refusedBy()).isEqualTo(ONE_PER_HOUR);
        assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofHours(2).toSeconds() - secondsIntoTheHour());
    }

    @Test
    void theNumberOfKeysIsCappedForgettingTheLeastRecentlyUsed() {
        RateLimiter limiter = new RateLimiter(clock, 3);
        fill(limiter, THREE, "first");
        for (String key : List.of("second", "third", "fourth", "fifth")) {
            limiter.tryAcquire(one(THREE, key));
            assertThat(limiter.size()).isLessThanOrEqualTo(3);
        }
        assertThat(limiter.size()).isEqualTo(3);
        // "first" was forgotten: it may start over (and pushes out "third", the least recently used now).
        fill(limiter, THREE, "first");
        assertThat(limiter.size()).isEqualTo(3);
    }

    @Test
    void keysWhoseWindowsHavePassedAreDropped() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire(one(THREE, "old" + i));
        }
        clock.set(WINDOW.plusSeconds(60));
        limiter.tryAcquire(one(THREE, "new"));
        assertThat(limiter.size()).as("the old ones still count as the previous window").isEqualTo(11);
        clock.set(WINDOW.plusSeconds(120));
        limiter.tryAcquire(one(THREE, "newer"));
        assertThat(limiter.size()).as("only 'new' (previous window) and 'newer' are left").isEqualTo(2);
    }

    @Test
    void concurrentRequestsNeverGetMoreThanTheLimit() throws Exception {
        RateLimiter limiter = new RateLimiter(clock, 1000);
        Limit hundred = new Limit("hundred", 100, Duration.ofMinutes(1));
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            tasks.add(() -> limiter.tryAcquire(one(hundred, "shared")).allowed());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            long allowed = 0;
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                allowed += result.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(100);
        }
    }

    @Test
    void nonsenseLimitsAreRefusedAtStart() {
        assertThatThrownBy(() -> new Limit("zero", 0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit("instant", 1, Duration.ofMillis(10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(clock, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private long secondsIntoTheHour() {
        return clock.instant().getEpochSecond() % 3600;
    }

    private static void fill(RateLimiter limiter, Limit limit, String key) {
        for (int i = 0; i < limit.limit(); i++) {
            assertThat(limiter.tryAcquire(one(limit, key)).allowed()).as("%s %s #%d", limit.name(), key, i + 1).isTrue();
        }
    }

    private static List<Charge> one(Limit limit, String key) {
        return List.of(new Charge(limit, key));
    }

    /** A clock that stands still until the test moves it. */
    static final class TestClock extends Clock {

        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Seoul");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
