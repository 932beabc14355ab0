package org.pyeongga.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pyeongga.bench.VotingRig.BenchFailure;
import org.pyeongga.bench.VotingRig.OpenBallot;
import org.pyeongga.bench.VotingRig.Voter;

/**
 * Issue 6's voting benchmark, in one run on one PostgreSQL server with production durability (see {@link VotingRig}):
 * <ol>
 *   <li>(a) pgbench: the single-row insert of a vote's participation row (a table {@code like voting_participation},
 *       same columns, checks and indexes), one commit per row, with as many connections as the app's pool holds, for a
 *       fixed time: PostgreSQL's own rate for one durable commit per vote;</li>
 *   <li>(b) closed loop: {@value #CLIENTS} concurrent clients (a raw HTTP/1.1 keep-alive client on virtual threads) each casting one vote
 *       after the other through {@code POST /api/v1/voting/ballots/{id}/votes} with a voter token (the full stack:
 *       token check, ballot, eligibility, group commit, receipt): accepted votes per second;</li>
 *   <li>open loop: votes sent at a constant 2,000 per second for 60 s whatever the answers, latency measured from the
 *       intended send time (no coordinated omission): p50, p99, max, and how many were refused with 503.</li>
 * </ol>
 * Voter tokens for distinct test persons are minted through the identity API first and timed apart. Each voter votes
 * once per ballot; the votes fill one ballot after the other, so at any time one ballot is the hot one.
 *
 * <p>Run (packages the app first): {@code ./mvnw -o -Pbench -DskipTests -DskipBrowserSetup=true
 * -Dbench.main=org.pyeongga.bench.VotingBenchmark package exec:exec@bench}; add {@code -Dbench.mode=quick} for a
 * ~3-minute try (10 s phases), {@code -Dbench.profile=true} to see where the app's CPU goes in (b). Targets: (b) ≥ (a), and p99 &lt; 300 ms at 2,000 votes/s. The last line printed is
 * the ratio (b)/(a).
 */
public final class VotingBenchmark {

    static final int CLIENTS = 200;
    static final int OPEN_RATE = 2_000;
    /** More than this app can accept per second on this machine; sizes the ballots so the loops never run dry. */
    static final int CEILING = 20_000;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    record Mode(String name, int voters, int pgbenchSeconds, int warmupSeconds, int closedSeconds, int openSeconds) {}

    record ClosedLoop(long accepted, double seconds, Map<Integer, Long> statuses, Map<String, Long> errors) {
        double rate() {
            return accepted / seconds;
        }
    }

    record OpenLoop(int sent, long[] acceptedNanos, long[] allNanos, Map<Integer, Long> statuses,
            Map<String, Long> errors, long unanswered, double sendSeconds) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        Mode mode = "quick".equals(System.getProperty("bench.mode"))
                ? new Mode("quick", 10_000, 10, 15, 10, 10)
                : new Mode("full", 30_000, 30, 30, 30, 60);
        VotingRig.quietLogs();
        try {
            // The summary is printed after the app and PostgreSQL have stopped, so that the ratio is the last line.
            run(mode).forEach(System.out::println);
        } catch (BenchFailure e) {
            System.out.println("FAILED: " + e.getMessage());
            System.exit(2);
        }
    }

    private static List<String> run(Mode mode) throws Exception {
        List<String> summary = new ArrayList<>();
        String pgbench = VotingRig.pgbench();
        System.out.printf("Voting benchmark (%s mode), %s%n", mode.name(), Instant.now());
        try (VotingRig rig = VotingRig.start("voting-benchmark")) {
            System.out.printf("machine: %s%n", rig.machine());
            System.out.printf("PostgreSQL %s: fsync=%s synchronous_commit=%s full_page_writes=%s wal_sync_method=%s%n",
                    rig.setting("server_version"), rig.setting("fsync"), rig.setting("synchronous_commit"),
                    rig.setting("full_page_writes"), rig.setting("wal_sync_method"));
            double startup = rig.startApp();
            int pool = rig.appConnections();
            System.out.printf("app started in %.1f s (pid %d), holding %d database connections%n", startup, rig.appPid(), pool);

            int perBallotWarmup = (int) Math.ceil((double) CEILING * mode.warmupSeconds() / mode.voters());
            int perBallotClosed = (int) Math.ceil((double) CEILING * mode.closedSeconds() / mode.voters());
            int perBallotOpen = (int) Math.ceil((double) OPEN_RATE * mode.openSeconds() / mode.voters());
            List<OpenBallot> warmup = rig.createBallots("warm-up", perBallotWarmup);
            List<OpenBallot> closed = rig.createBallots("closed loop", perBallotClosed);
            List<OpenBallot> open = rig.createBallots("open loop", perBallotOpen);

            long t0 = System.nanoTime();
            List<Voter> voters = rig.mintVoters(Long.toString(System.currentTimeMillis(), 36), mode.voters(), 32);
            double mintSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("identity: %d voter tokens in %.1f s (%.0f/s, 32 in flight; not part of the vote rate)%n",
                    voters.size(), mintSeconds, voters.size() / mintSeconds);

            double tps = pgbench(rig, pgbench, pool, mode);
            System.out.printf("(a) pgbench, one durable commit per participation row, -c %d: %.0f inserts/s%n", pool, tps);

            ClosedLoop warm = closedLoop(rig, warmup, voters, mode.warmupSeconds());
            System.out.printf("warm-up: %d votes accepted in %.1f s %s%n", warm.accepted(), warm.seconds(), warm.statuses());
            AppProfile profile = Boolean.getBoolean("bench.profile")
                    ? AppProfile.start(rig.appPid(), rig.work.resolve("closed-loop.jfr")) : null;
            boolean statements = Boolean.getBoolean("bench.statements");
            if (statements) {
                rig.resetStatements();
            }
            VotingRig.Cpu before = rig.cpu();
            ClosedLoop measured = closedLoop(rig, closed, voters, mode.closedSeconds());
            VotingRig.Cpu closedCpu = rig.cpu().minus(before);
            System.out.printf("(b) HTTP closed loop, %d clients: %d votes accepted in %.1f s = %.0f votes/s; answers %s, "
                    + "errors %s%n", CLIENTS, measured.accepted(), measured.seconds(), measured.rate(),
                    measured.statuses(), measured.errors());

            System.out.printf("    CPU per accepted vote: %s (%.1f of %d cores busy)%n",
                    closedCpu.perVote(Math.max(1, measured.accepted())),
                    (closedCpu.appNanos() + closedCpu.postgresNanos() + closedCpu.selfNanos()) / 1e9 / measured.seconds(),
                    Runtime.getRuntime().availableProcessors());
            if (profile != null) {
                profile.stopAndPrint();
            }
            if (statements) {
                rig.printStatements(measured.accepted());
            }

            Thread.sleep(2_000);
            before = rig.cpu();
            OpenLoop o = openLoop(rig, open, voters, mode.openSeconds());
            VotingRig.Cpu openCpu = rig.cpu().minus(before);
            long refused = o.statuses().getOrDefault(503, 0L);
            System.out.printf("open loop at %d votes/s for %d s: %d sent (sending took %.1f s), answers %s, errors %s, "
                    + "unanswered %d%n", OPEN_RATE, mode.openSeconds(), o.sent(), o.sendSeconds(), o.statuses(),
                    o.errors(), o.unanswered());

            System.out.printf("    CPU per accepted vote: %s%n", openCpu.perVote(Math.max(1, o.acceptedNanos().length)));

            long stored = count(rig, "voting_participation");
            long boxed = count(rig, "voting_ballot_box");
            long acceptedAll = warm.accepted() + measured.accepted() + o.acceptedNanos().length;
            System.out.printf("stored: %d participation rows, %d ballot-box rows, %d votes acknowledged%n", stored, boxed,
                    acceptedAll);

            summary.add("");
            summary.add("Summary");
            summary.add(String.format("  (a) PostgreSQL, single-row insert, one commit per row (pgbench -c %d, %d s): %.0f/s",
                    pool, mode.pgbenchSeconds(), tps));
            summary.add(String.format("  (b) accepted votes through HTTP (%d clients, %d s): %.0f/s (target >= (a))", CLIENTS,
                    mode.closedSeconds(), measured.rate()));
            summary.add(String.format("  at %d votes/s for %d s, accepted votes: p50 %s, p99 %s, max %s (target p99 < 300 ms)",
                    OPEN_RATE, mode.openSeconds(), ms(percentile(o.acceptedNanos(), 50)),
                    ms(percentile(o.acceptedNanos(), 99)), ms(max(o.acceptedNanos()))));
            summary.add(String.format("  at %d votes/s, every vote sent (refusals and errors too): p50 %s, p99 %s, max %s; "
                    + "503 (try again): %d of %d; other refusals %d; errors or no answer %d", OPEN_RATE,
                    ms(percentile(o.allNanos(), 50)), ms(percentile(o.allNanos(), 99)), ms(max(o.allNanos())), refused,
                    o.sent(), o.allNanos().length - o.acceptedNanos().length - refused - o.errorCount(),
                    o.errorCount() + o.unanswered()));
            if (stored != boxed || stored < acceptedAll) {
                summary.add(String.format("  WARNING: rows stored (%d participation, %d ballot box) do not match the %d votes "
                        + "acknowledged", stored, boxed, acceptedAll));
            } else if (stored > acceptedAll) {
                summary.add(String.format("  %d votes were stored whose answer the client never got (timed out or cut off)",
                        stored - acceptedAll));
            }
            summary.add(String.format("ratio (b)/(a) votes/s ÷ pgbench inserts/s: %.2f", measured.rate() / tps));
        }
        return summary;
    }

    /**
     * (a): pgbench with a custom script, the participation row's insert as the app makes it (the reference from the
     * column's sequence default), one transaction per row.
     */
    private static double pgbench(VotingRig rig, String pgbench, int clients, Mode mode) throws Exception {
        try (Connection c = rig.db(); var s = c.createStatement()) {
            s.execute("create table bench_participation (like voting_participation including all)");
        }
        Path script = rig.work.resolve("participation-insert.sql");
        Files.writeString(script, """
                insert into bench_participation (ballot_id, voter_key, channel, cast_at, device_hash, network_hash, region_code)
                values (1, encode(sha256(convert_to(random()::text || clock_timestamp()::text, 'UTF8')), 'hex'), 'WEB', now(),
                        md5(random()::text), md5(random()::text), '4418000000');
                """, StandardCharsets.UTF_8);
        runPgbench(rig, pgbench, clients, 3, script); // warm-up
        VotingRig.Cpu before = rig.cpu();
        String output = runPgbench(rig, pgbench, clients, mode.pgbenchSeconds(), script);
        VotingRig.Cpu used = rig.cpu().minus(before);
        Matcher m = TPS.matcher(output);
        if (!m.find()) {
            throw new BenchFailure("pgbench printed no tps:\n" + output);
        }
        double tps = Double.parseDouble(m.group(1));
        System.out.printf("    PostgreSQL CPU per insert: %.2f ms%n", used.postgresNanos() / 1e6 / (tps * mode.pgbenchSeconds()));
        return tps;
    }

    private static String runPgbench(VotingRig rig, String pgbench, int clients, int seconds, Path script)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(pgbench, "-n", "-h", "127.0.0.1", "-p", Integer.toString(rig.postgres.getPort()),
                "-U", "postgres", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2",
                "-T", Integer.toString(seconds), "-f", script.toString(), VotingRig.DATABASE)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new BenchFailure("pgbench failed:\n" + output);
        }
        return output;
    }

    /**
     * {@value #CLIENTS} clients on virtual threads, each sending its next vote when the last one is answered; a 503 is
     * retried after its Retry-After (as the portal asks people to), up to the end of the phase.
     */
    static ClosedLoop closedLoop(VotingRig rig, List<OpenBallot> ballots, List<Voter> voters, int seconds)
            throws InterruptedException {
        long capacity = (long) ballots.size() * voters.size();
        AtomicLong next = new AtomicLong();
        LongAdder accepted = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong lastAnswer = new AtomicLong(start);
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            Thread.ofVirtual().start(() -> {
                try {
                    long pair = next.getAndIncrement();
                    while (pair < capacity && System.nanoTime() < end) {
                        OpenBallot ballot = ballots.get((int) (pair / voters.size()));
                        Voter voter = voters.get((int) (pair % voters.size()));
                        try {
                            VotingRig.Answer answer = rig.vote(ballot, voter);
                            statuses.computeIfAbsent(answer.status(), k -> new LongAdder()).increment();
                            if (answer.status() == 201) {
                                accepted.increment();
                                lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                            } else if (answer.status() == 503) {
                                Thread.sleep(Math.max(1, answer.retryAfter()) * 1000L);
                                continue; // the same vote again
                            }
                        } catch (IOException e) {
                            errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                        }
                        pair = next.getAndIncrement();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        // Ran dry before the end: count the time to the last acceptance.
        long stop = next.get() >= capacity ? lastAnswer.get() : Math.min(end, System.nanoTime());
        return new ClosedLoop(accepted.sum(), (stop - start) / 1e9, sorted(statuses), sorted(errors));
    }

    /**
     * Constant arrival rate: vote i is due at start + i/rate; a platform thread waits for each due time and hands the
     * vote to a new virtual thread, so a slow answer never delays the next send. Latency counts from the due time.
     */
    static OpenLoop openLoop(VotingRig rig, List<OpenBallot> ballots, List<Voter> voters, int seconds)
            throws InterruptedException {
        int total = OPEN_RATE * seconds;
        long[] latency = new long[total];
        int[] status = new int[total];
        Arrays.fill(latency, -1);
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        CountDownLatch answered = new CountDownLatch(total);
        long period = TimeUnit.SECONDS.toNanos(1) / OPEN_RATE;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        Thread sender = Thread.ofPlatform().name("open-loop-sender").start(() -> {
            for (int i = 0; i < total; i++) {
                long due = start + i * period;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                int vote = i;
                OpenBallot ballot = ballots.get(vote / voters.size());
                Voter voter = voters.get(vote % voters.size());
                Thread.ofVirtual().start(() -> {
                    try {
                        status[vote] = rig.vote(ballot, voter).status();
                        latency[vote] = System.nanoTime() - due;
                    } catch (IOException e) {
                        errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                        latency[vote] = System.nanoTime() - due; // at least this long without an answer
                        status[vote] = -1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        answered.countDown();
                    }
                });
            }
        });
        sender.join();
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        answered.await(90, TimeUnit.SECONDS);
        Map<Integer, Long> statuses = new TreeMap<>();
        List<Long> accepted = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        long unanswered = 0;
        for (int i = 0; i < total; i++) {
            if (status[i] == 0) {
                unanswered++;
                continue;
            }
            all.add(latency[i]);
            if (status[i] < 0) {
                continue;
            }
            statuses.merge(status[i], 1L, Long::sum);
            if (status[i] == 201) {
                accepted.add(latency[i]);
            }
        }
        Map<String, Long> errorCounts = sorted(errors);
        return new OpenLoop(total, sortedArray(accepted), sortedArray(all), statuses, errorCounts, unanswered,
                sendSeconds);
    }

    private static long count(VotingRig rig, String table) throws SQLException {
        try (Connection c = rig.db(); var s = c.createStatement(); var rs = s.executeQuery(
                "select count(*) from " + table + " b join voting_ballot v on v.id = b.ballot_id where v.created_by = 'bench'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static <K extends Comparable<K>> Map<K, Long> sorted(Map<K, LongAdder> counts) {
        Map<K, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    private static long[] sortedArray(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    /** Nearest rank on sorted values; -1 when there are none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static long max(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format("%.1f ms", nanos / 1e6);
    }
}
