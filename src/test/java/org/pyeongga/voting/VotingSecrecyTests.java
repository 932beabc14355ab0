package org.pyeongga.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Secrecy, proven (docs/voting-secrecy.md): a system administrator calls every voting API (from the OpenAPI document)
 * and every voting page and export of the app (every GET mapping under /admin/voting and /participate), and no answer
 * shows a voter key or any value of a ballot-box row (id, link tag, receipt hash, receipt code), and free texts appear
 * only in sorted order, never in arrival order — so nothing shown links a participation to a choice. The schema
 * keeps the two tables apart, and no statement in the app names both.
 */
@IntegrationTest
class VotingSecrecyTests {

    @Autowired
    Ballots ballots;

    @Autowired
    VoteCasting casting;

    @Autowired
    Tallies tallies;

    @Autowired
    AbuseReports abuse;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int port;

    @Test
    void noAdministratorScreenApiOrExportLinksAVoterToAChoice() throws IOException {
        long boryeong = VotingFixture.institution(registry, "보령시");
        VotingFixture.people(accounts, registry);
        long survey = ballots.create(VotingFixture.survey(boryeong, "비밀 투표 검증"));
        ballots.open(survey);
        Ballot ballot = ballots.ballot(survey);
        long multiple = ballot.questions().get(0).id();
        long scale = ballot.questions().get(1).id();
        long text = ballot.questions().get(2).id();
        List<Long> options = ballot.questions().get(0).options().stream().map(Ballot.Option::id).toList();

        // six voters, their free texts arriving in reverse alphabetical order, each from its own device and network
        List<String> texts = List.of("의견-F", "의견-E", "의견-D", "의견-C", "의견-B", "의견-A");
        List<String> receipts = new ArrayList<>();
        List<Voter> voters = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Voter voter = VotingFixture.citizen(i % 2 == 0 ? "4418000000" : null);
            voters.add(voter);
            Choice choice = Choice.ofAnswers(Map.of(multiple, Choice.Answer.option(options.get(i % 3)), scale,
                    Choice.Answer.scale(1 + i % 5), text, Choice.Answer.text(texts.get(i))));
            receipts.add(casting.cast(survey, voter, choice, Channel.WEB,
                    new CastContext(Instant.now(), "device" + i, "network" + i, i == 5 ? "US" : "KR")).code());
        }
        receipts.add(VotingFixture.as(users, VotingFixture.BORYEONG_CLERK, () -> casting.enterPaperVote(survey,
                Map.of("name", "종이", "birthDate", "1950-01-01", "testPerson", "secrecy-" + survey),
                Choice.ofAnswers(Map.of(multiple, Choice.Answer.option(options.get(0)), scale, Choice.Answer.scale(3))),
                CastContext.at(Instant.now()))).code());
        try {
            casting.cast(survey, voters.get(0), Choice.ofAnswers(Map.of(multiple, Choice.Answer.option(options.get(1)),
                    scale, Choice.Answer.scale(2))), Channel.WEB, CastContext.at(Instant.now()));
        } catch (org.pyeongga.core.UserFacingException duplicate) {
            // recorded as a rejected attempt: the report shows it
        }
        String firstRef = jdbc.sql("select ref from voting_participation where ballot_id = :b and voter_key = :k")
                .param("b", survey).param("k", voters.get(1).key().value()).query(String.class).single();
        abuse.voidVote(survey, firstRef, "시험용 무효");
        VotingFixture.closeNow(jdbc, survey);
        tallies.publish(survey);

        // what must never be shown: voter keys and every value of the ballot-box rows (and the receipt codes)
        Set<String> secret = new LinkedHashSet<>(receipts);
        secret.addAll(jdbc.sql("select voter_key from voting_participation where ballot_id = :b").param("b", survey)
                .query(String.class).list());
        jdbc.sql("select link_tag, receipt_hash from voting_ballot_box where ballot_id = :b").param("b", survey)
                .query(rs -> {
                    secret.add(rs.getString(1));
                    secret.add(rs.getString(2));
                });
        assertThat(secret).hasSize(7 + 7 + 7 * 2);
        List<String> refs = jdbc.sql("select ref from voting_participation where ballot_id = :b").param("b", survey)
                .query(String.class).list();

        String admin = TestUsers.admin(accounts);
        Http api = Http.api(port, admin);
        Http pages = Http.signedIn(port, admin);
        Map<String, String> answers = new LinkedHashMap<>();
        // every GET of the voting API the OpenAPI document lists
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) new Http(port).getJson("/api-docs")
                .getBody().get("paths");
        for (var path : paths.entrySet()) {
            if (path.getKey().startsWith("/api/v1/voting") && path.getValue().containsKey("get")) {
                String uri = path.getKey().replaceAll("\\{[^}]+}", String.valueOf(survey));
                answers.put(uri, fetch(api, uri, MediaType.APPLICATION_JSON));
            }
        }
        String device = jdbc.sql("select device_hash from voting_participation where ballot_id = :b and device_hash is not null limit 1")
                .param("b", survey).query(String.class).single();
        String filtered = "/api/v1/voting/admin/ballots/" + survey + "/participations?device=" + device;
        answers.put(filtered, fetch(api, filtered, MediaType.APPLICATION_JSON));
        // every voting page and export of the app
        for (var info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/admin/voting") || pattern.startsWith("/participate")) {
                    String uri = pattern.replaceAll("\\{[^}]+}", String.valueOf(survey)).replace("/**", "");
                    answers.put(uri, fetch(pages, uri, MediaType.ALL));
                }
            }
        }

        assertThat(answers).containsKeys("/api/v1/voting/admin/ballots/" + survey + "/abuse-report",
                "/api/v1/voting/admin/ballots/" + survey + "/participations",
                "/api/v1/voting/admin/ballots/" + survey + "/results", "/api/v1/voting/ballots/" + survey + "/results");
        // the participations are shown (so a leak would be seen) …
        assertThat(String.join("\n", answers.values())).contains(refs.getFirst(), "의견-A", "무효");
        answers.forEach((uri, body) -> {
            // … but nothing of the ballot box, no voter key, no receipt
            for (String value : secret) {
                assertThat(body).as(uri).doesNotContain(value);
            }
            // and free texts only ever in sorted order, not in the order they arrived
            List<String> shown = new ArrayList<>();
            Matcher m = Pattern.compile("의견-[A-F]").matcher(body);
            while (m.find()) {
                shown.add(m.group());
            }
            assertThat(shown).as(uri).isSortedAccordingTo(String::compareTo);
        });
    }

    private static String fetch(Http http, String uri, MediaType accept) {
        var answer = http.raw().get().uri(uri).accept(accept, MediaType.ALL).retrieve().toEntity(byte[].class);
        assertThat(answer.getStatusCode().is5xxServerError()).as(uri + " answers without an error").isFalse();
        if (uri.startsWith("/api/v1/voting/admin/ballots/")) {
            assertThat(answer.getStatusCode().value()).as(uri).isEqualTo(200);
        }
        byte[] body = answer.getBody();
        if (body == null) {
            return "";
        }
        if (body.length > 2 && body[0] == 'P' && body[1] == 'K') { // xlsx: the text of every part
            StringBuilder text = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return text.toString();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The migrations that create and reshape the voting tables (schema only, no data). */
    private static final Set<String> SCHEMA = Set.of("V17__voting.sql", "V19__voting_box_keyed_by_receipt.sql",
            "V24__voting_peak_indexes.sql");

    @Test
    void theBallotBoxHasNoTimeNoSequenceAndNothingInCommonWithParticipation() {
        List<String[]> box = jdbc.sql("""
                select column_name, data_type, coalesce(column_default, ''), is_identity from information_schema.columns
                where table_name = 'voting_ballot_box' order by ordinal_position""")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
        assertThat(box).extracting(c -> c[0]).containsExactly("ballot_id", "choice", "receipt_hash", "link_tag", "voided");
        assertThat(box).allSatisfy(c -> {
            assertThat(c[1]).doesNotContain("time", "date", "interval");
            assertThat(c[2]).doesNotContain("nextval", "now", "current_");
            assertThat(c[3]).isEqualTo("NO");
        });
        Set<String> participation = new TreeSet<>(jdbc.sql(
                "select column_name from information_schema.columns where table_name = 'voting_participation'")
                .query(String.class).list());
        Set<String> shared = new TreeSet<>(box.stream().map(c -> c[0]).toList());
        shared.retainAll(participation);
        assertThat(shared).as("only the ballot, never a row, in common").containsExactly("ballot_id");
        // no foreign key between the two, no trigger, no view over both
        assertThat(jdbc.sql("""
                select count(*) from pg_constraint where contype = 'f'
                  and ((conrelid = 'voting_ballot_box'::regclass and confrelid = 'voting_participation'::regclass)
                    or (conrelid = 'voting_participation'::regclass and confrelid = 'voting_ballot_box'::regclass))""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from pg_trigger where not tgisinternal and tgrelid in ('voting_ballot_box'::regclass, 'voting_participation'::regclass)")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from pg_views where definition like '%voting_ballot_box%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyTheVotingCoreReadsTheBallotBoxOrTheTallies() throws IOException {
        // pages, exports and APIs elsewhere must go through Tallies.visibleTally (the gate) and never see a ballot
        List<String> readers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                if ((text.contains("voting_ballot_box") || text.contains("voting_tally"))
                        && !file.getParent().equals(Path.of("src/main/java/org/pyeongga/voting"))
                        && !SCHEMA.contains(file.getFileName().toString())) {
                    readers.add(file.toString());
                }
            }
        }
        assertThat(readers).isEmpty();
    }

    @Test
    void noStatementOfTheAppNamesBothTables() throws IOException {
        Pattern literal = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")
                    || f.toString().endsWith(".html")).toList()) {
                String source = Files.readString(file);
                if (file.toString().endsWith(".java")) {
                    Matcher m = literal.matcher(source);
                    while (m.find()) {
                        String sql = m.group(1) != null ? m.group(1) : m.group(2);
                        if (sql.contains("voting_participation") && sql.contains("voting_ballot_box")) {
                            offenders.add(file.toString());
                        }
                    }
                } else if (file.toString().endsWith(".sql")) {
                    for (String statement : source.split(";")) { // each statement on its own (comments included)
                        if (statement.contains("voting_ballot_box") && statement.contains("voting_participation")) {
                            offenders.add(file.toString());
                        }
                    }
                } else if (source.contains("voting_ballot_box") && source.contains("voting_participation")) {
                    offenders.add(file.toString());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
