package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cross-review in Chromium: an institution reads its group's submissions and files an objection, the objected-to
 * institution answers without learning who filed it, the program administrator rules and corrects the value, then
 * marks evidence in 집합검증. Every page axe-clean, with a screenshot.
 */
@IntegrationTest
class ObjectionBrowserTests {

    private static BrowserSession browser;

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    CycleStages stages;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(ObjectionBrowserTests.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private void signOut() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void anInstitutionObjectsTheOtherAnswersAndTheAdministratorRules() {
        browser.at(port);
        var f = new ObjectionFixtures(evaluations, groups, registry, stages, accounts, jdbc);
        f.only(CycleStage.OBJECTION);

        // the objector reads B's case summary and files an objection
        browser.signIn(f.userA);
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/evaluations/review']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("상호열람·이의신청");
        browser.check("index");
        browser.clickAndWait(By.cssSelector("main a[href='/evaluations/review/" + f.cycle + "']"));
        assertThat(browser.text(By.cssSelector("main"))).contains("우수사례 " + f.b, "교육 이수 명단.pdf")
                .doesNotContain("우수사례 " + f.d);
        browser.check("cycle-objection");
        // an empty reason is refused with the reason, nothing filed
        browser.js("document.getElementById('reason').removeAttribute('required');"
                + " document.getElementById('targetInstitutionId').removeAttribute('required');"
                + " document.getElementById('indicatorCode').removeAttribute('required');");
        browser.submitAndWait(By.cssSelector("form.rv-form button[type='submit']"));
        assertThat(browser.text(By.cssSelector(".pg-alert.pg-danger"))).contains("피신청 기관과 지표를 고르세요");
        browser.check("cycle-refused");
        browser.js("const s = document.getElementById('targetInstitutionId'); s.value = arguments[0];"
                + " s.dispatchEvent(new Event('change', {bubbles: true}));", String.valueOf(f.b));
        browser.js("const s = document.getElementById('indicatorCode'); s.value = 'Q1';"
                + " s.dispatchEvent(new Event('change', {bubbles: true}));");
        browser.setValue(By.id("reason"), "교육 이수율 90%는 이수 명단과 맞지 않습니다.");
        browser.submitAndWait(By.cssSelector("form.rv-form button[type='submit']"));
        assertThat(browser.text(By.cssSelector(".pg-alert.pg-success"))).contains("접수");
        assertThat(browser.text(By.cssSelector(".rv-objection"))).contains("교육 이수율 90%", "접수");
        browser.check("cycle-filed");
        signOut();

        // the objected-to institution answers; it does not see who filed
        f.only(CycleStage.OBJECTION_ANSWER);
        browser.signIn(f.userB);
        browser.open("/evaluations/review/" + f.cycle);
        String objection = browser.text(By.cssSelector(".rv-objection"));
        assertThat(objection).contains("교육 이수율 90%", "신청 기관을 공개하지 않습니다").doesNotContain("논산");
        browser.setValue(By.cssSelector(".rv-objection textarea[name='answer']"), "명단 2부 중 1부만 올렸습니다. 보완합니다.");
        browser.submitAndWait(By.cssSelector(".rv-objection button[type='submit']"));
        assertThat(browser.text(By.cssSelector(".rv-objection"))).contains("보완합니다", "검토의견 있음");
        browser.check("cycle-answered");
        signOut();

        // the administrator rules: upheld, the value corrected from 90 to 60
        f.only(CycleStage.RULING);
        browser.signIn(TestUsers.withRole(accounts, Role.PROGRAM_ADMIN));
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/evaluations/review']"));
        browser.clickAndWait(By.cssSelector("main a[href='/admin/evaluations/" + f.cycle + "/review']"));
        assertThat(browser.text(By.cssSelector(".rv-objection"))).contains("논산", "보완합니다");
        browser.check("admin-review");
        var upheld = browser.find(By.cssSelector(".rv-objection input[value='UPHELD'] + label"));
        browser.scrollIntoView(upheld);
        upheld.click();
        assertThat(browser.find(By.cssSelector(".rv-objection input[value='UPHELD']")).isSelected()).isTrue();
        browser.setValue(By.cssSelector(".rv-objection textarea[name='reason']"), "확인된 이수 인원은 60%입니다.");
        browser.setValue(By.cssSelector(".rv-objection input[name='newValue']"), "60");
        browser.submitAndWait(By.cssSelector(".rv-objection button[type='submit']"));
        assertThat(browser.text(By.cssSelector(".rv-objection"))).contains("인용", "90 → 60");
        assertThat(browser.text(By.cssSelector("main"))).contains("이의신청 ", "판정", "정정");
        browser.check("admin-ruled");

        // 집합검증: reject one evidence item with its reason
        f.only(CycleStage.VERIFICATION);
        browser.open("/admin/evaluations/" + f.cycle + "/verification");
        browser.check("verification");
        String row = "#evidence-" + f.evidenceBCase;
        browser.js("const s = document.querySelector(arguments[0] + ' select'); s.value = 'REJECTED';"
                + " s.dispatchEvent(new Event('change', {bubbles: true}));", row);
        browser.setValue(By.cssSelector(row + " input[name='note']"), "사진의 날짜가 실적 기간 밖");
        browser.submitAndWait(By.cssSelector(row + " button[type='submit']"));
        assertThat(browser.text(By.cssSelector(row))).contains("불인정", "사진의 날짜가 실적 기간 밖");
        browser.check("verification-marked");
        signOut();
    }
}
