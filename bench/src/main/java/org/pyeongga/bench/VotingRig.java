package org.pyeongga.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the voting benchmark and the crash test share: a PostgreSQL server with production durability, the packaged
 * app as a separate process on it, open ballots, voter tokens from the identity API, and one vote over HTTP.
 *
 * <p>The server is zonky's PostgreSQL 17 (the binaries the app embeds), started here with {@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} all {@code on}. The app is {@code target/pyeongga-*.jar}
 * (built by the {@code package} in the documented command) started with {@code PYEONGGA_DB_URL} pointing at that server,
 * demo data off and the per-address {@code api-write} limit raised: all load comes from this one address, where a
 * real peak comes from thousands (the limit's filter still runs on every request). Extra app arguments and JVM
 * options: {@code -Dbench.app.args="--pyeongga.voting.batch-size=200 -XX:StartFlightRecording=filename=/tmp/app.jfr"}
 * on the Maven command line (words starting with {@code --} go to the app, the others to its JVM).
 */
final class VotingRig implements AutoCloseable {

    static final String DATABASE = "pyeongga";
    static final String VOTER_HEADER = "X-Pyeongga-Voter";
    private static final Pattern TOKEN = Pattern.compile("\"voterToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([^\"]+)\"");

    final Path work;
    final EmbeddedPostgres postgres;
    final HttpClient http;
    final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final Path jar;
    private final List<String> extraAppArgs;
    private int appStarts;
    private Process app;
    private int appPort;
    /** Votes go through a small raw HTTP/1.1 client (see {@link RawHttp}); set up for each start of the app. */
    private volatile RawHttp votes = new RawHttp("127.0.0.1", 1, 60_000);

    private VotingRig(Path work, EmbeddedPostgres postgres, Path jar, List<String> extraAppArgs) {
        this.work = work;
        this.postgres = postgres;
        this.jar = jar;
        this.extraAppArgs = extraAppArgs;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(virtualThreads)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Checks the tools, then starts PostgreSQL in a fresh folder {@code /tmp/pyeongga-bench/<name>}. */
    static VotingRig start(String name) throws IOException {
        Path jar = findJar();
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "pyeongga-bench", name);
        deleteRecursively(work);
        Files.createDirectories(work);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(freePort())
                .setPGStartupWait(Duration.ofSeconds(120))
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                // Production durability: every commit is flushed to disk before it is acknowledged.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                // -Dbench.statements=true: which statements PostgreSQL ran, and what they cost (diagnosis only)
                .setServerConfig("shared_preload_libraries", Boolean.getBoolean("bench.statements") ? "pg_stat_statements" : "")
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database", e);
        }
        String extra = System.getProperty("bench.app.args", "").strip();
        return new VotingRig(work, postgres, jar, extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")));
    }

    /** Only warnings from the libraries here (zonky logs every line of PostgreSQL's output at INFO). */
    static void quietLogs() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** Fails with the command that installs pgbench when it is missing. */
    static String pgbench() {
        for (String candidate : List.of("/usr/bin/pgbench", "/usr/local/bin/pgbench")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new BenchFailure("pgbench is missing. Install it with: apt-get install -y postgresql-client");
    }

    private static Path findJar() throws IOException {
        String given = System.getProperty("bench.jar", "").strip();
        if (!given.isEmpty()) {
            return Path.of(given).toAbsolutePath();
        }
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var found = files.filter(p -> p.getFileName().toString().matches("pyeongga-.*\\.jar"))
                        .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                        .max(Comparator.comparing(p -> p.toFile().lastModified()));
                if (found.isPresent()) {
                    return found.get().toAbsolutePath();
                }
            }
        }
        throw new BenchFailure("No packaged app in target/. Run the documented command, which packages it first: "
                + "./mvnw -o -Pbench -DskipTests -DskipBrowserSetup=true -Dbench.main=... package exec:exec@bench");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** Starts counting statements afresh (needs {@code -Dbench.statements=true}). */
    void resetStatements() throws SQLException {
        try (Connection c = db(); var s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /** The statements PostgreSQL ran since {@link #resetStatements()}, the costliest first, per accepted vote. */
    void printStatements(long votes) throws SQLException {
        try (Connection c = db(); var s = c.createStatement(); var rs = s.executeQuery("""
                select calls, rows, total_exec_time, total_plan_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
                from pg_stat_statements order by total_exec_time + total_plan_time desc limit 15""")) {
            System.out.printf("    statements (per accepted vote: calls, rows, ms exec+plan):%n");
            while (rs.next()) {
                System.out.printf("      %8.4f %8.4f %8.4f  %s%n", rs.getLong(1) / (double) votes, rs.getLong(2) / (double) votes,
                        (rs.getDouble(3) + rs.getDouble(4)) / votes, rs.getString(5));
            }
        }
    }

    String setting(String name) throws SQLException {
        try (Connection c = db(); var s = c.createStatement(); var rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Starts the app (again: same database) and waits until it answers. Returns the seconds it took. */
    double startApp(String... appArgs) throws IOException, InterruptedException {
        appPort = freePort();
        votes.close();
        votes = new RawHttp("127.0.0.1", appPort, 60_000);
        appStarts++;
        Path log = work.resolve("app-" + appStarts + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g", "-XX:FlightRecorderOptions:stackdepth=256"));
        extraAppArgs.stream().filter(a -> !a.startsWith("--")).forEach(command::add); // JVM options
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + appPort,
                "--pyeongga.rate-limit.rules.api-write.limit=1000000000"));
        command.addAll(List.of(appArgs));
        extraAppArgs.stream().filter(a -> a.startsWith("--")).forEach(command::add);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PYEONGGA_DB_URL", jdbcUrl());
        builder.environment().put("PYEONGGA_DB_USERNAME", "postgres");
        builder.environment().put("PYEONGGA_DB_PASSWORD", "");
        builder.environment().put("PYEONGGA_DATA_DIR", work.resolve("app-data").toString());
        builder.environment().put("PYEONGGA_DEMO", "false");
        long started = System.nanoTime();
        app = builder.start();
        long deadline = started + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new BenchFailure("The app stopped while starting (exit " + app.exitValue() + "); see " + log);
            }
            try {
                var answer = http.send(HttpRequest.newBuilder(uri("/api/v1/voting/ballots")).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new BenchFailure("The app did not answer within 4 minutes; see " + log);
    }

    long appPid() {
        return app.pid();
    }

    /** SIGKILL: {@code destroyForcibly} sends it on Linux; nothing in the app runs afterwards. */
    void killApp() throws InterruptedException {
        app.destroyForcibly();
        app.waitFor();
    }

    void stopApp() throws InterruptedException {
        if (app == null || !app.isAlive()) {
            return;
        }
        app.destroy();
        if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            app.destroyForcibly();
            app.waitFor();
        }
    }

    /** The connections the app holds to its database (Hikari opens its whole pool at start). */
    int appConnections() throws SQLException {
        try (Connection c = db(); var s = c.prepareStatement("""
                select count(*) from pg_stat_activity
                where datname = ? and backend_type = 'client backend' and pid <> pg_backend_pid()
                """)) {
            s.setString(1, DATABASE);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** CPU time used so far by the app, by PostgreSQL (postmaster and its backends) and by this program. */
    record Cpu(long appNanos, long postgresNanos, long selfNanos) {

        Cpu minus(Cpu earlier) {
            return new Cpu(appNanos - earlier.appNanos, postgresNanos - earlier.postgresNanos, selfNanos - earlier.selfNanos);
        }

        String perVote(long votes) {
            return String.format("app %.2f ms, PostgreSQL %.2f ms, load generator %.2f ms", appNanos / 1e6 / votes,
                    postgresNanos / 1e6 / votes, selfNanos / 1e6 / votes);
        }
    }

    Cpu cpu() {
        long appCpu = app.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        long postgresCpu = 0;
        try {
            long postmaster = Long.parseLong(Files.readAllLines(work.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
            // The postmaster's own time and that of its ended backends (cutime, cstime: pgbench's connections end
            // before this is read), plus the backends still running.
            String stat = Files.readString(Path.of("/proc", Long.toString(postmaster), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
            postgresCpu = ticks * 10_000_000L; // USER_HZ is 100 on Linux
            var handle = ProcessHandle.of(postmaster);
            if (handle.isPresent()) {
                postgresCpu += handle.get().descendants()
                        .mapToLong(h -> h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
            }
        } catch (IOException | RuntimeException e) {
            // unknown: counted as 0
        }
        long self = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        return new Cpu(appCpu, postgresCpu, self);
    }

    record OpenBallot(long id, long option) {}

    /**
     * An open single-choice ballot (anyone verified may vote) owned by 보령시, with two options, as {@code Ballots.create}
     * followed by {@code Ballots.open} would leave it: the owners' API and pages need a staff sign-in with a second
     * factor, which a benchmark should not script. The app reads an opened ballot on its first vote and caches it.
     */
    List<OpenBallot> createBallots(String title, int count) throws SQLException {
        List<OpenBallot> created = new ArrayList<>();
        try (Connection c = db()) {
            long owner;
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "select id from organization_institution where name = '보령시' order by id limit 1")) {
                if (!rs.next()) {
                    throw new BenchFailure("The registry has no 보령시; did the migrations run?");
                }
                owner = rs.getLong(1);
            }
            for (int i = 1; i <= count; i++) {
                long ballot;
                try (var s = c.prepareStatement("""
                        insert into voting_ballot (owner_institution_id, kind, max_choices, title_ko, title_en, opens_at,
                            closes_at, eligibility, visibility, phase, created_by)
                        values (?, 'SINGLE', 1, ?, ?, now() - interval '1 minute', now() + interval '6 hours',
                            'VERIFIED', 'HIDDEN_UNTIL_PUBLISHED', 'OPENED', 'bench')
                        returning id
                        """)) {
                    s.setLong(1, owner);
                    s.setString(2, "벤치마크 " + title + " " + i);
                    s.setString(3, "Benchmark " + title + " " + i);
                    try (var rs = s.executeQuery()) {
                        rs.next();
                        ballot = rs.getLong(1);
                    }
                }
                long first = 0;
                for (int position = 1; position <= 2; position++) {
                    try (var s = c.prepareStatement("""
                            insert into voting_option (ballot_id, position, label_ko, label_en) values (?, ?, ?, ?)
                            returning id
                            """)) {
                        s.setLong(1, ballot);
                        s.setInt(2, position);
                        s.setString(3, "선택지 " + position);
                        s.setString(4, "Option " + position);
                        try (var rs = s.executeQuery()) {
                            rs.next();
                            if (position == 1) {
                                first = rs.getLong(1);
                            }
                        }
                    }
                }
                created.add(new OpenBallot(ballot, first));
            }
        }
        return created;
    }

    /** A verified test person: the token from the identity API and the voter key it carries. */
    record Voter(int index, String token, String key) {}

    /**
     * Mints {@code count} voter tokens for distinct test persons through {@code POST /api/v1/voting/identity} (개발용
     * 본인확인, residence 보령시), with {@code concurrency} requests in flight.
     */
    List<Voter> mintVoters(String run, int count, int concurrency) throws InterruptedException {
        Voter[] voters = new Voter[count];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(virtualThreads.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    voters[i] = mint(run, i);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new BenchFailure("Minting voter tokens failed: " + e.getCause());
            }
        }
        return List.of(voters);
    }

    private Voter mint(String run, int index) throws IOException, InterruptedException {
        String body = "{\"name\":\"벤치 " + index + "\",\"birthDate\":\"1980-01-01\",\"testPerson\":\"bench-" + run + "-"
                + index + "\",\"residenceCode\":\"4418000000\"}";
        for (int attempt = 0; ; attempt++) {
            var answer = http.send(HttpRequest.newBuilder(uri("/api/v1/voting/identity"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(answer.body());
            if (answer.statusCode() == 200 && token.find()) {
                return new Voter(index, token.group(1), voterKey(token.group(1)));
            }
            if (answer.statusCode() != 429 && answer.statusCode() != 503 || attempt > 20) {
                throw new BenchFailure("POST /api/v1/voting/identity answered " + answer.statusCode() + ": " + answer.body());
            }
            Thread.sleep(500);
        }
    }

    /** The voter key inside a token: the payload is base64url of "v1\nkey\nresidence\nstaff\nexpiry". */
    static String voterKey(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        String[] parts = payload.split("\n", -1);
        return parts.length > 1 ? parts[1] : "";
    }

    /** One vote's answer: the status, the receipt code on 201, Retry-After on 503. */
    record Answer(int status, String receipt, int retryAfter) {}

    Answer vote(OpenBallot ballot, Voter voter) throws IOException, InterruptedException {
        RawHttp.Response answer = votes.postJson("/api/v1/voting/ballots/" + ballot.id() + "/votes", VOTER_HEADER,
                voter.token(), "{\"options\":[" + ballot.option() + "]}");
        String receipt = null;
        if (answer.status() == 201) {
            Matcher m = RECEIPT.matcher(answer.body());
            if (m.find()) {
                receipt = m.group(1);
            }
        }
        return new Answer(answer.status(), receipt, answer.retryAfter());
    }

    /** {@code GET /api/v1/voting/receipts/{code}}: the status code and the body. */
    HttpResponse<String> receipt(String code) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/voting/receipts/" + code)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As the app stores it: SHA-256 (hex) of the code without dashes or spaces, upper case. */
    static String receiptHash(String code) {
        String normalized = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + appPort + path);
    }

    String machine() {
        String cpu = "";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse("");
        } catch (IOException | UncheckedIOException e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores " + cpu + ", Java " + Runtime.version();
    }

    @Override
    public void close() throws Exception {
        try {
            stopApp();
        } finally {
            votes.close();
            virtualThreads.shutdownNow();
            postgres.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A reason to stop the run, printed without a stack trace. */
    static final class BenchFailure extends RuntimeException {
        BenchFailure(String message) {
            super(message);
        }
    }
}
