package org.pyeongga.voting.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pyeongga.account.Accounts;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.CastContext;
import org.pyeongga.voting.Channel;
import org.pyeongga.voting.Choice;
import org.pyeongga.voting.VoteCasting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium, axe-clean, a screenshot of each page: (a) a staff member of 보령시 enters a paper vote for a person in
 * front of them and gets the receipt; the same person is then refused, on paper and on the web; (b) the 보령시
 * coordinator drafts a ballot (errors summarized, typing kept), reviews the abuse report of a closed ballot, voids one
 * participation with a reason after the confirmation, and publishes the results, shown with charts and "무효 1"; (c) a
 * staff member of 보령시 enters a paper survey response: a required question left out and too many choices are
 * summarized with the portal's messages and everything typed is kept; corrected, it gives the receipt.
 */
@IntegrationTest
class BallotAdminBrowserTests {

    private static BrowserSession browser;

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
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(BallotAdminBrowserTests.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void setUp() {
        browser.at(port);
        BallotAdminFixture.personas(accounts, registry);
    }

    @Test
    void aStaffMemberEntersAPaperVoteAndTheSamePersonCannotVoteAgain() {
        long id = BallotAdminFixture.openBallot(ballots, registry, "보령 종이 투표 시험", Ballot.Visibility.HIDDEN_UNTIL_PUBLISHED);
        browser.signIn(BallotAdminFixture.STAFF);
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/admin/voting']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("투표 관리");
        browser.check("staff-list");
        browser.clickAndWait(By.cssSelector("main a[href='/admin/voting/" + id + "/paper']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("종이 투표 입력: 보령 종이 투표 시험");
        browser.check("paper");

        browser.setValue(By.id("name"), "홍길동");
        browser.setValue(By.id("birthDate"), "1961-07-15");
        browser.setValue(By.id("testPerson"), "paper-1");
        browser.setValue(By.id("residenceCode"), "4418000000");
        choose("나 후보");
        browser.submitAndWait(By.xpath("//button[normalize-space()='종이 투표 접수']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("종이 투표 접수 완료");
        assertThat(browser.text(By.id("receipt"))).matches("[A-Z0-9-]{8,}");
        browser.check("paper-done");

        // the same person again on paper: a clear message, everything typed kept
        browser.clickAndWait(By.xpath("//a[normalize-space()='다음 종이 투표 입력']"));
        browser.setValue(By.id("name"), "홍길동");
        browser.setValue(By.id("birthDate"), "1961-07-15");
        browser.setValue(By.id("testPerson"), "paper-1");
        choose("가 후보");
        browser.submitAndWait(By.xpath("//button[normalize-space()='종이 투표 접수']"));
        assertThat(browser.text(By.cssSelector("main .pg-danger"))).contains("이미 참여하셨습니다", "다시 입력하지 마세요");
        assertThat(browser.find(By.id("name")).getDomProperty("value")).isEqualTo("홍길동");
        browser.check("paper-duplicate");

        // and on the web (the citizens' API with a voter token): refused as a duplicate
        Http web = new Http(port);
        var identity = web.postJson("/api/v1/voting/identity", Map.of("name", "홍길동", "birthDate", "1961-07-15",
                "testPerson", "paper-1", "residenceCode", "4418000000"));
        assertThat(identity.getStatusCode().value()).isEqualTo(200);
        String token = String.valueOf(identity.getBody().get("voterToken"));
        long option = ballots.ballot(id).options().getFirst().id();
        var vote = web.raw().post().uri("/api/v1/voting/ballots/{id}/votes", id)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).header("X-Pyeongga-Voter", token)
                .body(Map.of("options", List.of(option))).retrieve().toEntity(String.class);
        assertThat(vote.getStatusCode().value()).isEqualTo(409);
        assertThat(vote.getBody()).contains("voting.duplicate");
        assertThat(jdbc.sql("select count(*) from voting_participation where ballot_id = :b").param("b", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aStaffMemberEntersAPaperSurveyResponse() {
        long id = PaperSurveyIntegrationTests.openSurvey(ballots, registry, "보령시 10대 뉴스 종이 설문");
        browser.signIn(BallotAdminFixture.STAFF);
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/admin/voting']"));
        browser.clickAndWait(By.cssSelector("main a[href='/admin/voting/" + id + "/paper']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("종이 설문 응답 입력: 보령시 10대 뉴스 종이 설문");
        assertThat(browser.text(By.id("paper-survey-title"))).isEqualTo("2. 설문지 내용");
        browser.check("paper-survey");

        // the first (required) question left out, three news of at most two: the portal's messages, all kept
        browser.setValue(By.id("name"), "김대천");
        browser.setValue(By.id("birthDate"), "1955-03-02");
        browser.setValue(By.id("testPerson"), "paper-survey-1");
        choose("신청사");
        choose("관광객 증가");
        choose("청년 창업");
        assertThat(browser.text(By.cssSelector(".pt-count.pt-over"))).contains("3");
        choose("4 그렇다");
        browser.setValue(By.cssSelector("textarea.pt-text"), "머드축제가 최고");
        browser.submitAndWait(By.xpath("//button[normalize-space()='종이 설문 응답 접수']"));
        assertThat(browser.text(By.cssSelector("main .pt-error-summary"))).contains("1번 문항에 답해 주세요.",
                "2번 문항에서는 2개까지 고를 수 있습니다.");
        assertThat(browser.find(By.id("name")).getDomProperty("value")).isEqualTo("김대천");
        assertThat(browser.find(By.cssSelector("textarea.pt-text")).getDomProperty("value")).isEqualTo("머드축제가 최고");
        assertThat(jdbc.sql("select count(*) from voting_participation where ballot_id = :b").param("b", id)
                .query(Long.class).single()).isZero();
        browser.check("paper-survey-errors");

        // corrected: the receipt to hand over
        choose("머드축제");
        var third = browser.find(By.xpath("//label[normalize-space()='청년 창업']"));
        browser.scrollIntoView(third);
        third.click();
        browser.submitAndWait(By.xpath("//button[normalize-space()='종이 설문 응답 접수']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("종이 설문 응답 접수 완료");
        assertThat(browser.text(By.id("receipt"))).matches("[A-Z0-9-]{8,}");
        browser.check("paper-survey-done");
        assertThat(jdbc.sql("select channel from voting_participation where ballot_id = :b").param("b", id)
                .query(String.class).list()).containsExactly("STAFF");
    }

    /** Ticks an option by its label, as a person clicking it would. */
    private static void choose(String label) {
        var element = browser.find(By.xpath("//label[normalize-space()='" + label + "']"));
        browser.scrollIntoView(element);
        element.click();
        assertThat(browser.find(By.id(element.getDomAttribute("for"))).isSelected()).isTrue();
    }

    @Test
    void anOwnerDraftsReviewsVoidsAndPublishes() {
        long id = BallotAdminFixture.openBallot(ballots, registry, "2026 보령시 시민 포스터 투표", Ballot.Visibility.HIDDEN_UNTIL_PUBLISHED);
        List<Ballot.Option> options = ballots.ballot(id).options();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(12));
        for (int i = 0; i < 36; i++) {
            boolean burst = i >= 12; // 24 votes in one minute from one network
            Instant at = burst ? start.plus(Duration.ofMinutes(9)).plusSeconds(i) : start.plus(Duration.ofMinutes(i % 12));
            casting.cast(id, BallotReviewIntegrationTests.voter("owner-journey-" + i),
                    Choice.of(List.of(options.get(burst ? 2 : i % 2).id())), Channel.WEB,
                    new CastContext(at, "device" + (burst ? "burst" : "d" + i) + "0000000000000000000000",
                            burst ? "networkburst000000000000000000000" : "network" + i + "00000000000000000000000", burst ? null : "KR"));
        }

        browser.signIn(BallotAdminFixture.COORDINATOR);
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/admin/voting']"));
        assertThat(browser.text(By.cssSelector("main"))).contains("2026 보령시 시민 포스터 투표", "진행 중", "36");
        browser.check("owner-list");

        // a new draft: the error summary lists every problem and keeps what was typed
        browser.clickAndWait(By.xpath("//main//a[normalize-space()='새 투표·설문 만들기']"));
        browser.check("form");
        browser.setValue(By.id("titleEn"), "Kept title");
        browser.setValue(By.id("option-0-ko"), "첫째");
        browser.submitAndWait(By.xpath("//button[normalize-space()='선택지 추가']"));
        assertThat(browser.findAll(By.cssSelector("input[name$='.labelKo']"))).hasSize(3);
        browser.submitAndWait(By.xpath("(//button[normalize-space()='저장'])[last()]"));
        assertThat(browser.text(By.cssSelector("main .ba-summary"))).contains("입력 내용을 확인해 주세요", "한국어 제목을 입력하세요",
                "선택지를 2개 이상");
        assertThat(browser.find(By.id("titleEn")).getDomProperty("value")).isEqualTo("Kept title");
        browser.check("form-errors");
        browser.submitAndWait(By.id("add-question"));
        assertThat(browser.find(By.id("question-0-kind")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("titleEn")).getDomProperty("value")).isEqualTo("Kept title");
        browser.check("form-question");

        // the abuse report of the closed ballot
        BallotAdminFixture.close(jdbc, id);
        browser.open("/admin/voting/" + id);
        assertThat(browser.text(By.cssSelector("h1"))).contains("마감");
        browser.check("overview-closed");
        browser.clickAndWait(By.xpath("//main//a[normalize-space()='부정 투표 점검']"));
        assertThat(browser.text(By.cssSelector("main"))).contains("분당 투표 수", "몰림", "networkb…");
        browser.check("abuse");
        browser.clickAndWait(By.xpath("//td[normalize-space()='네트워크']/following-sibling::td/a[normalize-space()='참여 보기']"));
        assertThat(browser.text(By.cssSelector("#participations-title + p"))).contains("networkb…");
        browser.clickAndWait(By.xpath("(//main//a[normalize-space()='무효 처리'])[1]"));
        assertThat(browser.text(By.tagName("main"))).contains("무효 처리는 되돌릴 수 없습니다", "감사 기록");
        browser.check("void");
        browser.submitAndWait(By.xpath("//button[normalize-space()='무효 처리 확정']"));
        assertThat(browser.text(By.cssSelector("main .pg-danger"))).contains("무효 사유를");
        browser.setValue(By.id("reason"), "같은 네트워크에서 1분에 24표: 자동 투표로 판단");
        browser.submitAndWait(By.xpath("//button[normalize-space()='무효 처리 확정']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("무효 처리했습니다");
        assertThat(browser.text(By.cssSelector("main"))).contains("같은 네트워크에서 1분에 24표");

        // results hidden until published, then shown with charts and the voided count
        browser.clickAndWait(By.cssSelector("nav.ba-tabs a[href='/admin/voting/" + id + "/results']"));
        assertThat(browser.text(By.cssSelector("main"))).contains("공표한 뒤에 공개").doesNotContain("가 후보");
        browser.check("results-hidden");
        browser.clickAndWait(By.xpath("//main//a[normalize-space()='결과 공표']"));
        browser.check("publish");
        browser.submitAndWait(By.xpath("//button[normalize-space()='결과 공표']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("결과를 공표했습니다");
        assertThat(browser.text(By.cssSelector("main"))).contains("무효 1", "가 후보", "=다 후보", "CSV 내려받기");
        browser.check("results");
        browser.open("/admin/voting/" + id + "/results?lang=en");
        assertThat(browser.text(By.cssSelector("main"))).contains("Results: 2026 보령시 시민 포스터 투표 (en)", "1 voided", "Votes per option");
        browser.check("results-en");
        browser.open("/admin/voting/" + id + "/abuse");
        assertThat(browser.text(By.tagName("h1"))).startsWith("Abuse report");
        browser.check("abuse-en");
    }
}
