package org.pyeongga.bench;

import java.io.IOException;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.pyeongga.bench.VotingRig.BenchFailure;
import org.pyeongga.bench.VotingRig.OpenBallot;
import org.pyeongga.bench.VotingRig.Voter;

/**
 * Issue 6's crash test: votes under load, the app killed with SIGKILL in the middle, restarted on the same database;
 * then every acknowledged vote must be stored exactly once and no vote half-stored.
 *
 * <p>The app first runs with a group-commit queue of {@value #QUEUE} votes, fewer than the clients, so that some votes
 * are refused with 503; after the kill it restarts with the default settings.
 * {@value #CLIENTS} clients cast votes (each voter once on each of the ballots, one ballot after the other) and
 * record every answer: 201 with its receipt (acknowledged), a refusal (503 "try again", 409, ...: nothing may be
 * stored), or no answer (the kill cut it off: stored completely or not at all). After the kill and a restart it
 * checks, in the database:
 * <ul>
 *   <li>every acknowledged vote has its participation row (by ballot and voter key) and exactly one ballot-box row
 *       with its receipt hash;</li>
 *   <li>refused votes left no participation row;</li>
 *   <li>per ballot, participation rows = ballot-box rows (a vote is both or neither), and every row belongs to a vote
 *       that was sent;</li>
 * </ul>
 * and through the restarted app: acknowledged receipts say COUNTED, an acknowledged voter voting again gets 409, and
 * a voter whose cut-off vote is absent can vote now. Prints PASS or FAIL with the numbers; exits 1 on FAIL.
 *
 * <p>Run: {@code ./mvnw -o -Pbench -DskipTests -DskipBrowserSetup=true -Dbench.main=org.pyeongga.bench.VotingCrashTest
 * package exec:exec@bench} (the kill comes when half the votes are sent, or after 20 s — quick mode: 5 s — whichever is first).
 */
public final class VotingCrashTest {

    static final int CLIENTS = 200;
    static final int BALLOTS = 3;
    static final int SAMPLE = 200;
    static final int QUEUE = 64;

    enum Outcome { ACKNOWLEDGED, REFUSED, CUT_OFF }

    record Sent(OpenBallot ballot, Voter voter, Outcome outcome, int status, String receipt) {}

    public static void main(String[] args) throws Exception {
        boolean quick = "quick".equals(System.getProperty("bench.mode"));
        int voters = quick ? 10_000 : 30_000;
        int killAfterSeconds = quick ? 5 : 20;
        VotingRig.quietLogs();
        List<String> verdict;
        try {
            verdict = run(voters, killAfterSeconds);
        } catch (BenchFailure e) {
            System.out.println("FAILED to run: " + e.getMessage());
            System.exit(2);
            return;
        }
        // After the app and PostgreSQL have stopped, so that PASS or FAIL is the last line.
        verdict.forEach(System.out::println);
        System.exit(verdict.getLast().equals("PASS") ? 0 : 1);
    }

    private static List<String> run(int voterCount, int killAfterSeconds) throws Exception {
        System.out.printf("Voting crash test, %s%n", Instant.now());
        try (VotingRig rig = VotingRig.start("voting-crash")) {
            System.out.printf("machine: %s%n", rig.machine());
            System.out.printf("PostgreSQL %s: fsync=%s synchronous_commit=%s full_page_writes=%s%n",
                    rig.setting("server_version"), rig.setting("fsync"), rig.setting("synchronous_commit"),
                    rig.setting("full_page_writes"));
            // A short group-commit queue, so that some votes are refused with 503 (and must leave nothing behind).
            System.out.printf("app started in %.1f s (pid %d) with a group-commit queue of %d votes%n",
                    rig.startApp("--pyeongga.voting.queue-capacity=" + QUEUE), rig.appPid(), QUEUE);
            List<OpenBallot> ballots = rig.createBallots("crash", BALLOTS);
            List<Voter> voters = rig.mintVoters(Long.toString(System.currentTimeMillis(), 36), voterCount, 32);
            System.out.printf("%d voter tokens, %d ballots%n", voters.size(), ballots.size());

            // Load, then SIGKILL in the middle of it.
            List<Sent> sent = new ArrayList<>();
            Map<Long, Sent> byPair = new ConcurrentHashMap<>();
            AtomicLong next = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            long capacity = (long) ballots.size() * voters.size();
            CountDownLatch done = new CountDownLatch(CLIENTS);
            for (int client = 0; client < CLIENTS; client++) {
                Thread.ofVirtual().start(() -> {
                    try {
                        for (long pair = next.getAndIncrement(); pair < capacity && !stop.get(); pair = next.getAndIncrement()) {
                            OpenBallot ballot = ballots.get((int) (pair / voters.size()));
                            Voter voter = voters.get((int) (pair % voters.size()));
                            Sent result;
                            try {
                                VotingRig.Answer answer = rig.vote(ballot, voter);
                                result = answer.status() == 201 && answer.receipt() != null
                                        ? new Sent(ballot, voter, Outcome.ACKNOWLEDGED, 201, answer.receipt())
                                        : new Sent(ballot, voter, Outcome.REFUSED, answer.status(), null);
                            } catch (IOException e) {
                                result = new Sent(ballot, voter, Outcome.CUT_OFF, 0, null);
                            }
                            byPair.put(pair, result);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            // the kill comes in the middle of the load: when half the votes have been sent, or after killAfterSeconds
            // (a fast app would otherwise have answered every vote before a fixed time)
            long started = System.nanoTime();
            long limit = started + TimeUnit.SECONDS.toNanos(killAfterSeconds);
            while (next.get() < capacity / 2 && System.nanoTime() < limit) {
                Thread.sleep(5);
            }
            long acknowledgedBeforeKill = byPair.values().stream().filter(s -> s.outcome() == Outcome.ACKNOWLEDGED).count();
            stop.set(true); // no new votes; those in flight now are cut off by the kill
            rig.killApp();
            System.out.printf("SIGKILL to the app (pid %d) after %.1f s with %d of %d votes sent, %d acknowledged so far%n",
                    rig.appPid(), (System.nanoTime() - started) / 1e9, Math.min(next.get(), capacity), capacity,
                    acknowledgedBeforeKill);
            if (!done.await(2, TimeUnit.MINUTES)) {
                throw new BenchFailure("clients still waiting 2 minutes after the kill");
            }
            sent.addAll(byPair.values());
            Map<Outcome, Long> outcomes = new HashMap<>();
            Map<Integer, Long> refusals = new HashMap<>();
            for (Sent s : sent) {
                outcomes.merge(s.outcome(), 1L, Long::sum);
                if (s.outcome() == Outcome.REFUSED) {
                    refusals.merge(s.status(), 1L, Long::sum);
                }
            }
            System.out.printf("votes sent %d: acknowledged %d, refused %d %s, cut off (no answer) %d%n", sent.size(),
                    outcomes.getOrDefault(Outcome.ACKNOWLEDGED, 0L), outcomes.getOrDefault(Outcome.REFUSED, 0L),
                    refusals, outcomes.getOrDefault(Outcome.CUT_OFF, 0L));
            if (outcomes.getOrDefault(Outcome.ACKNOWLEDGED, 0L) == 0) {
                throw new BenchFailure("no vote was acknowledged before the kill; nothing to check");
            }

            System.out.printf("app restarted in %.1f s (pid %d)%n", rig.startApp(), rig.appPid());
            return verify(rig, ballots, sent);
        }
    }

    private static List<String> verify(VotingRig rig, List<OpenBallot> ballots, List<Sent> sent) throws Exception {
        List<String> failures = new ArrayList<>();
        Map<Long, Set<String>> participation = new HashMap<>();
        Map<Long, Map<String, Integer>> receipts = new HashMap<>();
        long participationRows = 0;
        long boxRows = 0;
        try (Connection c = rig.db()) {
            for (OpenBallot ballot : ballots) {
                Set<String> keys = new HashSet<>();
                try (var s = c.prepareStatement("select voter_key from voting_participation where ballot_id = ?")) {
                    s.setLong(1, ballot.id());
                    try (var rs = s.executeQuery()) {
                        while (rs.next()) {
                            keys.add(rs.getString(1));
                        }
                    }
                }
                Map<String, Integer> hashes = new HashMap<>();
                long box = 0;
                try (var s = c.prepareStatement("select receipt_hash from voting_ballot_box where ballot_id = ?")) {
                    s.setLong(1, ballot.id());
                    try (var rs = s.executeQuery()) {
                        while (rs.next()) {
                            hashes.merge(rs.getString(1), 1, Integer::sum);
                            box++;
                        }
                    }
                }
                participation.put(ballot.id(), keys);
                receipts.put(ballot.id(), hashes);
                participationRows += keys.size();
                boxRows += box;
                if (keys.size() != box) {
                    failures.add("ballot " + ballot.id() + ": " + keys.size() + " participation rows but " + box
                            + " ballot-box rows");
                }
            }
        }

        long ackMissing = 0;
        long ackReceiptWrong = 0;
        long refusedStored = 0;
        long cutOffStored = 0;
        long cutOffAbsent = 0;
        Set<String> sentPairs = new HashSet<>();
        for (Sent s : sent) {
            long ballot = s.ballot().id();
            sentPairs.add(ballot + "/" + s.voter().key());
            boolean stored = participation.get(ballot).contains(s.voter().key());
            switch (s.outcome()) {
                case ACKNOWLEDGED -> {
                    if (!stored) {
                        ackMissing++;
                    }
                    if (receipts.get(ballot).getOrDefault(VotingRig.receiptHash(s.receipt()), 0) != 1) {
                        ackReceiptWrong++;
                    }
                }
                case REFUSED -> {
                    if (stored) {
                        refusedStored++;
                    }
                }
                case CUT_OFF -> {
                    if (stored) {
                        cutOffStored++;
                    } else {
                        cutOffAbsent++;
                    }
                }
            }
        }
        long strangers = 0;
        for (var entry : participation.entrySet()) {
            for (String key : entry.getValue()) {
                if (!sentPairs.contains(entry.getKey() + "/" + key)) {
                    strangers++;
                }
            }
        }
        if (ackMissing > 0) {
            failures.add(ackMissing + " acknowledged votes have no participation row");
        }
        if (ackReceiptWrong > 0) {
            failures.add(ackReceiptWrong + " acknowledged receipts are not in the ballot box exactly once");
        }
        if (refusedStored > 0) {
            failures.add(refusedStored + " refused votes were stored");
        }
        if (strangers > 0) {
            failures.add(strangers + " participation rows belong to no vote that was sent");
        }

        // Through the restarted app.
        List<Sent> acknowledged = sent.stream().filter(s -> s.outcome() == Outcome.ACKNOWLEDGED).toList();
        int receiptsChecked = 0;
        int receiptsCounted = 0;
        int againChecked = 0;
        int againRefused = 0;
        for (int i = 0; i < acknowledged.size() && receiptsChecked < SAMPLE; i += Math.max(1, acknowledged.size() / SAMPLE)) {
            Sent s = acknowledged.get(i);
            receiptsChecked++;
            var answer = rig.receipt(s.receipt());
            if (answer.statusCode() == 200 && answer.body().contains("COUNTED")) {
                receiptsCounted++;
            }
            againChecked++;
            if (rig.vote(s.ballot(), s.voter()).status() == 409) {
                againRefused++;
            }
        }
        if (receiptsCounted != receiptsChecked) {
            failures.add((receiptsChecked - receiptsCounted) + " of " + receiptsChecked + " acknowledged receipts are not "
                    + "COUNTED after the restart");
        }
        if (againRefused != againChecked) {
            failures.add((againChecked - againRefused) + " of " + againChecked + " acknowledged voters were not refused "
                    + "(409) when voting again");
        }
        int retried = 0;
        int retriedAccepted = 0;
        for (Sent s : sent) {
            if (retried >= SAMPLE) {
                break;
            }
            if (s.outcome() == Outcome.CUT_OFF && !participation.get(s.ballot().id()).contains(s.voter().key())) {
                retried++;
                if (rig.vote(s.ballot(), s.voter()).status() == 201) {
                    retriedAccepted++;
                }
            }
        }
        if (retriedAccepted != retried) {
            failures.add((retried - retriedAccepted) + " of " + retried + " voters whose cut-off vote is absent could "
                    + "not vote after the restart");
        }

        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Crash test");
        lines.add(String.format("  acknowledged %d: stored %d, missing %d, receipt not exactly once %d", acknowledged.size(),
                acknowledged.size() - ackMissing, ackMissing, ackReceiptWrong));
        lines.add(String.format("  refused %d: stored %d", sent.stream().filter(s -> s.outcome() == Outcome.REFUSED).count(),
                refusedStored));
        lines.add(String.format("  cut off by the kill %d: stored completely %d, absent %d", cutOffStored + cutOffAbsent,
                cutOffStored, cutOffAbsent));
        lines.add(String.format("  rows: %d participation, %d ballot box (equal per ballot: %s); rows of no sent vote %d",
                participationRows, boxRows, failures.stream().noneMatch(f -> f.contains("ballot-box rows")), strangers));
        lines.add(String.format("  after the restart: %d of %d receipts COUNTED, %d of %d repeat votes refused with 409, "
                + "%d of %d absent cut-off votes accepted", receiptsCounted, receiptsChecked, againRefused, againChecked,
                retriedAccepted, retried));
        for (String failure : failures) {
            lines.add("  FAIL: " + failure);
        }
        lines.add(failures.isEmpty() ? "PASS" : "FAIL");
        return lines;
    }

    private VotingCrashTest() {}
}
