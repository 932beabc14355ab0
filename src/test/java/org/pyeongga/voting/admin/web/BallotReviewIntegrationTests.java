package org.pyeongga.voting.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.account.VoterKey;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.AbuseReports;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.CastContext;
import org.pyeongga.voting.Channel;
import org.pyeongga.voting.Choice;
import org.pyeongga.voting.VoteCasting;
import org.pyeongga.voting.Voter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After voting, on the real app: a hidden tally shows nowhere on the owners' pages or exports before publication; the
 * abuse report lists participations; a void needs a reason; staff enter a paper vote once per person (the web then
 * refuses the same person) and never on a closed ballot; publication shows the tally with "무효 N" and exports with
 * formulas neutralized. Another institution's coordinator gets 404 everywhere, an evaluator 403, nobody signed in the
 * login page.
 */
@IntegrationTest
class BallotReviewIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Ballots ballots;

    @Autowired
    VoteCasting casting;

    @Autowired
    AbuseReports reports;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void personas() {
        BallotAdminFixture.personas(accounts, registry);
    }

    static Voter voter(String seed) {
        byte[] bytes = new byte[32];
        byte[] s = seed.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (s[i % s.length] * 31 + i);
        }
        return new Voter(new VoterKey(HexFormat.of().formatHex(bytes)), null, Set.of());
    }

    static String paper(String name, String person, long optionId) {
        return "name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8) + "&birthDate=1970-03-01&testPerson=" + person
                + "&residenceCode=4418000000&option=" + optionId;
    }

    @Test
    void everyParticipationIsReachableAPageAtATimeAndByItsReference() {
        long id = BallotAdminFixture.openBallot(ballots, registry, "많은 참여", Ballot.Visibility.HIDDEN_UNTIL_PUBLISHED);
        long a = ballots.ballot(id).options().getFirst().id();
        int votes = 450;
        for (int i = 0; i < votes; i++) {
            String device = "dev" + "abc".charAt(i % 3) + "0000000000000000000000000000";
            casting.cast(id, voter("many-" + i), Choice.of(List.of(a)), Channel.WEB,
                    new CastContext(Instant.now(), device, "network-" + (i % 7), null));
        }
        var last = reports.participations(id, null, null, 2, 200);
        assertThat(last.total()).isEqualTo(votes);
        assertThat(last.items()).hasSize(votes - 400);
        String ref = last.items().getLast().ref();
        assertThat(reports.participation(id, ref)).hasValueSatisfying(p -> assertThat(p.ref()).isEqualTo(ref));
        // a filter by the start of a hash reaches rows on every page
        assertThat(reports.participations(id, "devb", null, 0, 500).total()).isEqualTo(votes / 3);
        assertThatThrownBy(() -> reports.participations(id, "d".repeat(65), null, 0, 10))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("voting.abuse.hashFilter"));

        Http coordinator = Http.signedIn(port, BallotAdminFixture.COORDINATOR);
        var third = coordinator.getPage("/admin/voting/" + id + "/abuse?page=2");
        assertThat(third.getBody()).contains("참여 기록 450건 (도착 순, 3/3쪽)", ref);
        assertThat(coordinator.getPage("/admin/voting/" + id + "/abuse").getBody()).doesNotContain(ref)
                .contains("page=2");
        assertThat(coordinator.getPage("/admin/voting/" + id + "/voids/new?ref=" + ref).getBody()).contains("되돌릴 수 없습니다", ref);
        var api = Http.api(port, org.pyeongga.support.TestUsers.admin(accounts))
                .getJson("/api/v1/voting/admin/ballots/" + id + "/participations?page=1&size=200");
        assertThat(api.getBody()).containsEntry("total", votes).containsEntry("page", 1);
    }

    @Test
    void aHiddenTallyStaysHiddenThenVoidPaperEntryAndPublication() throws Exception {
        long id = BallotAdminFixture.openBallot(ballots, registry, "검토 시험 투표", Ballot.Visibility.HIDDEN_UNTIL_PUBLISHED);
        Ballot ballot = ballots.ballot(id);
        long a = ballot.options().get(0).id();
        long c = ballot.options().get(2).id();
        for (int i = 0; i < 4; i++) {
            casting.cast(id, voter("web-" + i), Choice.of(List.of(i < 3 ? a : c)), Channel.WEB,
                    new CastContext(Instant.now(), "device-hash-same-for-all-0000000", "network-" + i, null));
        }
        Http coordinator = Http.signedIn(port, BallotAdminFixture.COORDINATOR);

        // hidden: the results page and the files hold no count, for the owner too
        var hidden = coordinator.getPage("/admin/voting/" + id + "/results");
        assertThat(hidden.getStatusCode().value()).isEqualTo(200);
        assertThat(hidden.getBody()).contains("공표한 뒤에 공개", "참여자 수뿐입니다: 4명")
                .doesNotContain("ba-bars", "유효 표", "가 후보", "선택지별 득표");
        for (String file : new String[] {"results.csv", "results.xlsx"}) {
            var refused = coordinator.getPage("/admin/voting/" + id + "/" + file);
            assertThat(refused.getStatusCode().value()).as(file).isEqualTo(409);
            assertThat(refused.getBody()).contains("공표하기 전에는 내려받을 수 없습니다").doesNotContain("가 후보");
        }

        // the abuse report: participations, the repeated device, no choice anywhere
        var abuse = coordinator.getPage("/admin/voting/" + id + "/abuse");
        assertThat(abuse.getStatusCode().value()).isEqualTo(200);
        assertThat(abuse.getBody()).contains("부정 투표 점검", "분당 투표 수", "<svg", "참여 기록 4건", "device-h…")
                .doesNotContain("가 후보", "device-hash-same-for-all");
        assertThat(coordinator.getPage("/admin/voting/" + id + "/publish").getBody()).contains("결과는 투표가 마감된 뒤에만");
        assertThat(coordinator.postForm("/admin/voting/" + id + "/publish", "").getStatusCode().value()).isEqualTo(409);

        // staff enter a paper vote; the same person again (paper or web) is refused
        Http staff = Http.signedIn(port, BallotAdminFixture.STAFF);
        assertThat(staff.getPage("/admin/voting/" + id + "/paper").getBody()).contains("종이 투표 입력", "본인확인", "가 후보");
        var entered = staff.postForm("/admin/voting/" + id + "/paper", paper("김보령", "p1", c));
        assertThat(entered.getStatusCode().value()).isEqualTo(200);
        assertThat(entered.getBody()).contains("종이 투표를 접수했습니다", "class=\"ba-receipt\"");
        var again = staff.postForm("/admin/voting/" + id + "/paper", paper("김보령", "p1", a));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("이미 참여하셨습니다", "이분은 이미 웹이나 종이로 투표했습니다", "value=\"김보령\"");
        var person = casting.voterFor(casting.verifier(null).complete(Map.of("name", "김보령", "birthDate", "1970-03-01",
                "testPerson", "p1", "residenceCode", "4418000000")));
        assertThatThrownBy(() -> casting.cast(id, person, Choice.of(List.of(a)), Channel.WEB, CastContext.at(Instant.now())))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("voting.duplicate"));
        assertThat(staff.postForm("/admin/voting/" + id + "/paper", paper("", "p2", a)).getStatusCode().value()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from voting_participation where ballot_id = :b and channel = 'STAFF'")
                .param("b", id).query(Long.class).single()).isEqualTo(1);

        // a void needs a reason, then marks the participation
        String ref = reports.participations(id, null, null).getFirst().ref();
        assertThat(coordinator.getPage("/admin/voting/" + id + "/voids/new?ref=" + ref).getBody())
                .contains("되돌릴 수 없습니다", "감사 기록", ref);
        var noReason = coordinator.postForm("/admin/voting/" + id + "/voids", "ref=" + ref + "&reason=+");
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody()).contains("무효 사유를");
        var voided = coordinator.postForm("/admin/voting/" + id + "/voids", "ref=" + ref + "&reason="
                + java.net.URLEncoder.encode("같은 기기에서 반복 투표", StandardCharsets.UTF_8));
        assertThat(voided.getStatusCode().value()).isEqualTo(302);
        assertThat(coordinator.getPage("/admin/voting/" + id + "/abuse").getBody()).contains("같은 기기에서 반복 투표", "무효 (");
        assertThat(coordinator.getPage("/admin/voting/" + id + "/results").getBody()).doesNotContain("무효 1", "ba-bars");

        // closed: no more paper votes; then publication shows the tally and the files
        BallotAdminFixture.close(jdbc, id);
        var closedPaper = staff.getPage("/admin/voting/" + id + "/paper");
        assertThat(closedPaper.getStatusCode().value()).isEqualTo(409);
        assertThat(closedPaper.getBody()).contains("투표가 마감되었습니다").doesNotContain("종이 투표 접수<");
        assertThat(staff.postForm("/admin/voting/" + id + "/paper", paper("박보령", "p3", a)).getStatusCode().value()).isEqualTo(409);
        assertThat(coordinator.getPage("/admin/voting/" + id + "/publish").getBody()).contains("되돌릴 수 없고", "분당 20표 이상").doesNotContain("분당 null");
        var published = coordinator.postForm("/admin/voting/" + id + "/publish", "");
        assertThat(published.getStatusCode().value()).isEqualTo(302);
        assertThat(String.valueOf(published.getHeaders().getLocation())).endsWith("/admin/voting/" + id + "/results");
        var results = coordinator.getPage("/admin/voting/" + id + "/results");
        assertThat(results.getBody()).contains("유효 표", "무효 1", "가 후보", "ba-bars", "선택지별 득표 수와 비율");
        String csv = coordinator.raw().get().uri("/admin/voting/" + id + "/results.csv").retrieve().body(String.class);
        assertThat(csv).contains("\"'=다 후보\"", "\"가 후보\"", "\"무효\",\"1\"").doesNotContain("김보령", ref);
        byte[] xlsx = coordinator.raw().get().uri("/admin/voting/" + id + "/results.xlsx").retrieve().body(byte[].class);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            boolean neutralized = false;
            for (var row : sheet) {
                neutralized |= row.getCell(1).getStringCellValue().equals("'=다 후보");
                assertThat(row.getCell(1).getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
            }
            assertThat(neutralized).isTrue();
        }
        // after publication nothing can be voided
        String other = reports.participations(id, null, null).get(1).ref();
        assertThat(coordinator.postForm("/admin/voting/" + id + "/voids", "ref=" + other + "&reason=x").getStatusCode().value())
                .isEqualTo(409);
    }

    @Test
    void everyPageFileAndActionRefusesOthers() {
        long id = BallotAdminFixture.openBallot(ballots, registry, "권한 행렬 투표", Ballot.Visibility.LIVE);
        long option = ballots.ballot(id).options().getFirst().id();
        casting.cast(id, voter("matrix"), Choice.of(List.of(option)), Channel.WEB, CastContext.at(Instant.now()));
        String ref = reports.participations(id, null, null).getFirst().ref();
        String base = "/admin/voting/" + id;
        List<String> pages = List.of(base, base + "/abuse", base + "/voids/new?ref=" + ref, base + "/publish", base + "/results",
                base + "/results.csv", base + "/results.xlsx", base + "/paper", base + "/edit", base + "/open");
        Map<String, String> posts = Map.of(base + "/voids", "ref=" + ref + "&reason=x", base + "/publish", "",
                base + "/paper", paper("이논산", "m1", option), base + "/open", "");

        Http other = Http.signedIn(port, BallotAdminFixture.OTHER_COORDINATOR);
        Http evaluator = Http.signedIn(port, BallotAdminFixture.EVALUATOR);
        Http anonymous = Http.browser(port);
        for (String page : pages) {
            assertThat(other.getPage(page).getStatusCode().value()).as("other coordinator " + page).isEqualTo(404);
            assertThat(evaluator.getPage(page).getStatusCode().value()).as("evaluator " + page).isEqualTo(403);
            assertThat(anonymous.getPage(page).getStatusCode().value()).as("anonymous " + page).isEqualTo(302);
        }
        posts.forEach((path, body) -> {
            assertThat(other.postForm(path, body).getStatusCode().value()).as("other coordinator POST " + path).isEqualTo(404);
            assertThat(evaluator.postForm(path, body).getStatusCode().value()).as("evaluator POST " + path).isEqualTo(403);
            assertThat(anonymous.postForm(path, body).getStatusCode().value()).as("anonymous POST " + path).isIn(302, 403);
        });
        assertThat(reports.participations(id, null, null)).hasSize(1).allMatch(p -> p.voidedAt() == null);

        // a staff member of the owner enters paper votes but manages nothing
        Http staff = Http.signedIn(port, BallotAdminFixture.STAFF);
        assertThat(staff.getPage(base + "/paper").getStatusCode().value()).isEqualTo(200);
        for (String page : List.of(base, base + "/abuse", base + "/results", base + "/results.csv", base + "/publish")) {
            assertThat(staff.getPage(page).getStatusCode().value()).as("staff " + page).isEqualTo(403);
        }
        // a live tally is visible to its managers while voting runs, and exportable
        Http coordinator = Http.signedIn(port, BallotAdminFixture.COORDINATOR);
        assertThat(coordinator.getPage(base + "/results").getBody()).contains("유효 표", "가 후보");
        assertThat(coordinator.getPage(base + "/results.csv").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void rankedRoundsAndSurveyAnswersAreChartedAndExported() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long boryeong = BallotAdminFixture.boryeong(registry);
        long ranked = ballots.create(new org.pyeongga.voting.BallotSpec(boryeong, Ballot.Kind.RANKED,
                Ballot.CountingRule.INSTANT_RUNOFF, 1, "즉석 결선 시험", "Runoff test", "", "", now.minusSeconds(3600),
                now.plusSeconds(86400), Ballot.Eligibility.VERIFIED, null, null, Ballot.Visibility.LIVE,
                List.of(new org.pyeongga.voting.BallotSpec.OptionSpec("갑", "A"), new org.pyeongga.voting.BallotSpec.OptionSpec("을", "B"),
                        new org.pyeongga.voting.BallotSpec.OptionSpec("병", "C")), List.of()));
        ballots.open(ranked);
        List<Long> o = ballots.ballot(ranked).options().stream().map(Ballot.Option::id).toList();
        List<List<Long>> papers = List.of(List.of(o.get(0), o.get(1)), List.of(o.get(0), o.get(2)), List.of(o.get(1), o.get(0)),
                List.of(o.get(1), o.get(0)), List.of(o.get(2), o.get(0)));
        for (int i = 0; i < papers.size(); i++) {
            casting.cast(ranked, voter("ranked-" + i), Choice.of(papers.get(i)), Channel.WEB, CastContext.at(Instant.now()));
        }
        Http coordinator = Http.signedIn(port, BallotAdminFixture.COORDINATOR);
        jdbc.sql("delete from voting_tally where ballot_id = :b").param("b", ranked).update(); // as if the job had not run
        var page = coordinator.getPage("/admin/voting/" + ranked + "/results");
        assertThat(page.getBody()).contains("즉석 결선 방식", "1라운드", "2라운드", "탈락: 병", "당선: 갑", "1순위 득표");
        String csv = coordinator.raw().get().uri("/admin/voting/" + ranked + "/results.csv").retrieve().body(String.class);
        assertThat(csv).contains("\"1라운드\",\"갑\",\"2\"", "\"2라운드\",\"갑\",\"3\"");

        long survey = ballots.create(new org.pyeongga.voting.BallotSpec(boryeong, Ballot.Kind.SURVEY, null, 1, "만족도 시험 설문",
                "Satisfaction survey", "", "", now.minusSeconds(3600), now.plusSeconds(86400), Ballot.Eligibility.VERIFIED, null,
                null, Ballot.Visibility.LIVE, List.of(), List.of(
                        new org.pyeongga.voting.BallotSpec.QuestionSpec(Ballot.QuestionKind.SCALE, "만족하십니까", "Satisfied?", true, 1, 0, List.of()),
                        new org.pyeongga.voting.BallotSpec.QuestionSpec(Ballot.QuestionKind.TEXT, "의견", "Comment", false, 1, 200, List.of()))));
        ballots.open(survey);
        var questions = ballots.ballot(survey).questions();
        for (int i = 0; i < 4; i++) {
            casting.cast(survey, voter("survey-" + i), Choice.ofAnswers(Map.of(questions.get(0).id(), Choice.Answer.scale(2 + i % 3),
                    questions.get(1).id(), Choice.Answer.text("주차장이 부족합니다 " + i))), Channel.WEB, CastContext.at(Instant.now()));
        }
        jdbc.sql("delete from voting_tally where ballot_id = :b").param("b", survey).update();
        var answers = coordinator.getPage("/admin/voting/" + survey + "/results");
        assertThat(answers.getBody()).contains("만족하십니까", "평균 2.75점", "응답 4건").doesNotContain("주차장이 부족합니다");
        String surveyCsv = coordinator.raw().get().uri("/admin/voting/" + survey + "/results.csv").retrieve().body(String.class);
        assertThat(surveyCsv).contains("\"만족하십니까\",\"평균\",\"2.75\"").doesNotContain("주차장");
        assertThat(coordinator.getPage("/admin/voting/" + survey + "/paper").getBody()).contains("종이 설문 응답 입력", "만족하십니까");
    }
}
