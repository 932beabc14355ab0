package org.pyeongga.voting.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 정책장터 in Chromium, axe-clean, on a desktop and a 390-px phone: a citizen verifies and proposes, another supports
 * it to the threshold, 군산시's coordinator answers and revises the answer with a reason, and the public page shows the
 * current answer, that it was revised and, in a disclosure, the earlier version.
 */
@IntegrationTest
class ProposalBrowserTests {

    private static BrowserSession browser;

    @Autowired
    Proposals proposals;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(ProposalBrowserTests.class);
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
    }

    @AfterEach
    void desktop() {
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    /** The portal's identity check (개발용) as a resident of 군산시; it returns to the page that sent the citizen there. */
    private void verifyOnThePage(String testPerson) {
        assertThat(browser.currentPath()).startsWith("/participate/verify?next=");
        browser.setValue(By.id("name"), "박지훈");
        browser.setValue(By.id("birthDate"), "1985-05-05");
        browser.setValue(By.id("testPerson"), testPerson);
        browser.setValue(By.id("residenceCode"), "5213000000");
        var consent = browser.find(By.cssSelector("label[for='consent']"));
        browser.scrollIntoView(consent);
        consent.click();
        browser.submitAndWait(By.cssSelector("form.pt-form button[type='submit']"));
    }

    @Test
    void aCitizenProposesAnotherSupportsStaffAnswersAndEveryoneSeesTheAnswer() {
        long gunsan = ProposalFixture.institution(registry, "군산시");
        ProposalFixture.staff(accounts, ProposalFixture.GUNSAN_STAFF, gunsan, Role.INSTITUTION_COORDINATOR);
        long board = ProposalFixture.board(proposals, gunsan, "우리들의 군산 (시험)", 2, ProposalFixture.GUNSAN_REGION);

        // Without the identity check the board offers it; the new-proposal form sends there first.
        browser.open("/participate/proposals");
        browser.check("boards");
        browser.clickAndWait(By.linkText("우리들의 군산 (시험)"));
        browser.check("board-empty");
        browser.clickAndWait(By.linkText("제안하기"));

        // A resident verifies and proposes; an empty title is refused with a message that links to the field.
        verifyOnThePage("browser-author");
        assertThat(browser.currentPath()).isEqualTo("/participate/proposals/boards/" + board + "/new");
        browser.check("new");
        browser.setValue(By.id("body"), "수송동 어린이공원에 그늘막과 음수대를 설치해 주세요.");
        browser.submitAndWait(By.cssSelector("form.pt-form button[type='submit']"));
        browser.check("new-error");
        assertThat(browser.text(By.cssSelector(".pt-error-summary"))).contains("제목을 1자 이상 100자 이하로 쓰세요.");
        assertThat(browser.find(By.id("title")).getDomAttribute("aria-invalid")).isEqualTo("true");
        browser.setValue(By.id("title"), "어린이공원에 그늘막을 설치해 주세요");
        browser.setValue(By.id("category"), "WELFARE");
        browser.submitAndWait(By.cssSelector("form.pt-form button[type='submit']"));
        browser.check("proposal-new");
        String proposalPath = browser.currentPath();
        assertThat(browser.text(By.cssSelector("[role='status']"))).contains("제안을 등록했습니다");
        assertThat(browser.text(By.cssSelector(".pp-progress-text"))).contains("공감 1명").contains("답변 기준 2명");
        assertThat(browser.text(By.cssSelector(".pp-meta"))).containsPattern("시민 [0-9A-F]{4}").doesNotContain("박지훈");
        assertThat(browser.findAll(By.cssSelector("form[action$='/support']"))).isEmpty(); // the author's support is counted

        // Another resident supports it on a phone; the threshold is reached.
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open(proposalPath);
        browser.check("proposal-anonymous-390");
        browser.clickAndWait(By.linkText("본인확인 후 공감하기"));
        verifyOnThePage("browser-supporter");
        assertThat(browser.currentPath()).isEqualTo(proposalPath);
        browser.check("proposal-390");
        assertThat(browser.js("return document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        browser.submitAndWait(By.cssSelector("form[action$='/support'] button"));
        browser.check("proposal-supported-390");
        assertThat(browser.text(By.cssSelector(".pp-status"))).isEqualTo("답변 대기");
        assertThat(browser.text(By.cssSelector(".pp-progress-text"))).contains("공감 2명");
        browser.open("/participate/proposals/boards/" + board);
        browser.check("board-390");
        assertThat(browser.js("return document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));

        // 군산시's coordinator answers.
        browser.driver().manage().deleteAllCookies();
        browser.signIn(ProposalFixture.GUNSAN_STAFF);
        browser.open("/admin/voting/proposals");
        browser.check("admin-boards");
        browser.clickAndWait(By.linkText("우리들의 군산 (시험)"));
        browser.check("admin-board");
        browser.clickAndWait(By.linkText("어린이공원에 그늘막을 설치해 주세요"));
        browser.check("admin-proposal");
        assertThat(browser.text(By.cssSelector("main"))).doesNotContain("browser-supporter");
        var accepted = browser.find(By.cssSelector("label[for='kind-ACCEPTED']"));
        browser.scrollIntoView(accepted);
        accepted.click();
        assertThat(browser.find(By.id("kind-ACCEPTED")).isSelected()).isTrue();
        browser.setValue(By.id("text"), "내년 상반기까지 수송동 어린이공원 두 곳에 그늘막과 음수대를 설치하겠습니다.");
        browser.submitAndWait(By.cssSelector("form[action$='/answer'] button[type='submit']"));
        browser.check("admin-answered");
        assertThat(browser.text(By.cssSelector("[role='status']"))).contains("공식 답변을 게시했습니다");

        // The coordinator revises the answer: with nothing changed it is refused with a message (the reason is kept);
        // with the new text it is published.
        browser.setValue(By.id("revise-reason"), "예산 확정으로 설치 장소가 세 곳으로 늘었습니다.");
        browser.submitAndWait(By.cssSelector("form[action$='/answer/revise'] button[type='submit']"));
        browser.check("admin-revision-error");
        assertThat(browser.text(By.cssSelector("[role='alert']"))).contains("답변 결과와 내용이 지금과 같습니다.");
        assertThat(browser.find(By.id("revise-reason")).getDomProperty("value")).startsWith("예산 확정으로");
        browser.setValue(By.id("revise-text"), "내년 상반기까지 수송동 어린이공원 세 곳에 그늘막과 음수대를 설치하겠습니다.");
        browser.submitAndWait(By.cssSelector("form[action$='/answer/revise'] button[type='submit']"));
        browser.check("admin-revised");
        assertThat(browser.text(By.cssSelector("[role='status']"))).contains("공식 답변을 수정했습니다");
        assertThat(browser.text(By.cssSelector(".pp-versions-table"))).contains("2판").contains("1판")
                .contains("정책장터 시험 INSTITUTION_COORDINATOR").contains("예산 확정으로");
        // The staff list marks the revised answer next to its state.
        browser.open("/admin/voting/proposals/boards/" + board);
        browser.check("admin-board-revised");
        assertThat(browser.text(By.cssSelector("tbody .pp-revised"))).isEqualTo("수정됨");

        // Everyone sees the answer, in Korean and in English.
        browser.driver().manage().deleteAllCookies();
        browser.open(proposalPath);
        browser.check("proposal-answered");
        assertThat(browser.text(By.cssSelector(".pp-answer"))).contains("수용").contains("세 곳에 그늘막과 음수대")
                .contains("수정됨 (1회)").contains("수정 사유: 예산 확정으로 설치 장소가 세 곳으로 늘었습니다.")
                .doesNotContain("정책장터 시험");
        assertThat(browser.text(By.cssSelector(".pp-status"))).isEqualTo("답변 완료");
        // The earlier answer is in a disclosure, closed until asked for (a fresh load: each check scans one page once).
        assertThat(browser.find(By.cssSelector(".pp-history .pp-versions")).isDisplayed()).isFalse();
        browser.open(proposalPath);
        var earlier = browser.find(By.cssSelector(".pp-history summary"));
        browser.scrollIntoView(earlier);
        earlier.click();
        assertThat(browser.text(By.cssSelector(".pp-history"))).contains("1판").contains("두 곳에 그늘막과 음수대")
                .contains("첫 답변");
        browser.check("proposal-answer-history");
        browser.open(proposalPath + "?lang=en");
        browser.check("proposal-answered-en");
        assertThat(browser.text(By.cssSelector(".pp-answer"))).contains("Official answer").contains("Accepted");
        browser.open(proposalPath + "?lang=ko");

        // The public list marks the revised answer (수정됨) next to the verdict; the history is on the proposal.
        browser.open("/participate/proposals/boards/" + board);
        browser.check("board-revised");
        assertThat(browser.text(By.cssSelector(".pp-item .pp-due"))).contains("답변: 수용").contains("수정됨");
    }
}
