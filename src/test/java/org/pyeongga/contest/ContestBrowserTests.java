package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.pyeongga.account.Accounts;
import org.pyeongga.account.StaffCards;
import org.pyeongga.organization.Departments;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Contest journeys in Chromium, axe-clean: a 보령시 department submits its case with two people and an evidence
 * file, corrects its title and shares before the check, and the coordinator sees the revision and accepts it in the
 * fact and exclusion check; a citizen on a 390-px phone passes the identity check and nominates an official, and only
 * the pseudonymous key is stored about them.
 */
@IntegrationTest
class ContestBrowserTests {

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired
    Contests contests;

    @Autowired
    Accounts accounts;

    @Autowired
    StaffCards cards;

    @Autowired
    Departments departments;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Entries entries;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    long boryeong;
    long tax;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(ContestBrowserTests.class);
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
        ContestFixture.people(accounts, cards, departments, registry);
        boryeong = ContestFixture.institution(registry, "보령시");
        tax = departments.byName(boryeong, "세무과").orElseThrow().id();
    }

    @AfterEach
    void reset() {
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void aDepartmentSubmitsACaseAndTheCoordinatorChecksIt() throws Exception {
        long contest = ContestFixture.openBoryeong(contests, registry);
        browser.signIn(ContestFixture.TAX_CLERK);
        browser.open("/contests");
        browser.check("list");
        browser.clickAndWait(By.cssSelector("a[href='/contests/" + contest + "/apply']"));
        browser.check("apply");
        assertThat(browser.text(By.cssSelector("main"))).contains("제출 부서: 세무과");
        new Select(browser.find(By.id("fieldCode"))).selectByVisibleText("공모선정 및 예산확보");
        browser.setValue(By.id("title"), "농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴");
        browser.setValue(By.id("summary"), "농어촌민박으로 신고하고 펜션·숙박업을 하는 사업장 142곳을 조사해 과세 유형을 바로잡았습니다.");
        browser.setValue(By.id("person-0-job"), "지방세무주사");
        browser.setValue(By.id("person-0-share"), "60");
        browser.setValue(By.id("person-1-name"), "오성민");
        new Select(browser.find(By.id("person-1-dept"))).selectByVisibleText("세무과");
        browser.setValue(By.id("person-1-share"), "30");
        Path evidence = Files.createTempFile("세원발굴-결과", ".pdf");
        Files.writeString(evidence, "%PDF-1.4 test evidence");
        browser.find(By.id("evidence")).sendKeys(evidence.toAbsolutePath().toString());
        browser.submitAndWait(By.id("submit-entry"));
        browser.check("apply-shares-wrong");
        assertThat(browser.text(By.cssSelector("[role='alert']"))).contains("기여도의 합이 100이어야 합니다 (지금 90)");
        assertThat(browser.find(By.id("title")).getAttribute("value")).startsWith("농어촌민박을 가장한");
        browser.setValue(By.id("person-1-share"), "40");
        browser.find(By.id("evidence")).sendKeys(evidence.toAbsolutePath().toString());
        browser.submitAndWait(By.id("submit-entry"));
        browser.check("apply-done");
        assertThat(browser.text(By.cssSelector("[role='status']"))).contains("접수했습니다");
        long entry = jdbc.sql("select id from contest_entry where contest_id = :c").param("c", contest).query(Long.class).single();
        assertThat(jdbc.sql("select file_name from contest_entry_attachment where entry_id = :e").param("e", entry)
                .query(String.class).list()).singleElement().asString().endsWith(".pdf");

        // the clerk corrects the shares and a word of the title: a wrong sum first keeps what was typed and changes nothing
        browser.clickAndWait(By.id("edit-entry-" + entry));
        browser.check("edit");
        assertThat(browser.find(By.id("person-1-share")).getAttribute("value")).isEqualTo("40");
        browser.setValue(By.id("title"), "농어촌민박을 가장한 펜션·숙박업 과세유형 정비를 통한 세원 발굴");
        browser.setValue(By.id("person-0-share"), "70");
        browser.submitAndWait(By.id("save-entry"));
        browser.check("edit-shares-wrong");
        assertThat(browser.text(By.cssSelector("[role='alert']"))).contains("기여도의 합이 100이어야 합니다 (지금 110)");
        assertThat(browser.find(By.id("title")).getAttribute("value")).contains("과세유형");
        assertThat(jdbc.sql("select title from contest_entry where id = :e").param("e", entry).query(String.class).single())
                .contains("과세 유형");
        browser.setValue(By.id("person-1-share"), "30");
        browser.submitAndWait(By.id("save-entry"));
        browser.check("edit-done");
        assertThat(browser.text(By.cssSelector("[role='status']"))).contains("#" + entry + "을(를) 고쳤습니다");
        assertThat(jdbc.sql("select string_agg(share_percent::int::text, ',' order by position) from contest_entry_person"
                + " where entry_id = :e").param("e", entry).query(String.class).single()).isEqualTo("70,30");

        browser.driver().manage().deleteAllCookies();
        browser.signIn(ContestFixture.BORYEONG_COORDINATOR);
        browser.open("/admin/contests");
        browser.check("admin-list");
        browser.open("/admin/contests/" + contest);
        browser.check("admin-setup");
        assertThat(browser.text(By.cssSelector("main"))).contains("최우수", "발표심사", "상위 5");
        browser.clickAndWait(By.cssSelector("a[href='/admin/contests/" + contest + "/entries']"));
        browser.check("admin-entries");
        assertThat(browser.text(By.id("entry-" + entry))).contains("김세무", "70%", "30%", "수정 이력 (1회)");
        browser.find(By.cssSelector("#entry-" + entry + " details.ce-revisions summary")).click();
        assertThat(browser.text(By.cssSelector("#entry-" + entry + " details.ce-revisions"))).contains("수정 1", "김세무",
                "제목", "참여자·기여도", "과세 유형 정비");
        browser.setValue(By.id("note-" + entry), "세무과 과세 자료로 사실 확인");
        browser.submitAndWait(By.cssSelector("#entry-" + entry + " form.ce-check button[type='submit']"));
        browser.check("admin-entries-checked");
        assertThat(jdbc.sql("select status from contest_entry where id = :e").param("e", entry).query(String.class).single())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void aCitizenNominatesAnOfficialOnAPhone() {
        long contest = ContestFixture.openBoryeong(contests, registry);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/participate/contests/" + contest + "/nominate");
        browser.check("nominate-unverified-390");
        browser.clickAndWait(By.id("verify-link"));
        assertThat(browser.currentPath()).startsWith("/participate/verify?next=");
        browser.setValue(By.id("name"), "김민지");
        browser.setValue(By.id("birthDate"), "1990-03-01");
        browser.setValue(By.id("testPerson"), "nominator-" + contest);
        var consent = browser.find(By.cssSelector("label[for='consent']"));
        browser.scrollIntoView(consent);
        consent.click();
        browser.submitAndWait(By.cssSelector("form.pt-form button[type='submit']"));
        assertThat(browser.currentPath()).isEqualTo("/participate/contests/" + contest + "/nominate");
        browser.check("nominate-390");
        assertThat(browser.js("return document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        browser.setValue(By.id("nomineeName"), "홍길순");
        new Select(browser.find(By.id("nomineeDepartmentId"))).selectByVisibleText("세무과");
        browser.setValue(By.id("nomineeJobTitle"), "주무관");
        new Select(browser.find(By.id("fieldCode"))).selectByVisibleText("민원·주민 갈등 해결");
        browser.setValue(By.id("title"), "폭설 때 제설 현장 안내와 취약 구간 지도");
        browser.setValue(By.id("reason"), "새벽 폭설 때 민원 전화를 받고 직접 제설 현장을 안내해 주셨고, 제설 취약 구간 지도를 만들어 공유했습니다.");
        browser.submitAndWait(By.id("submit-nomination"));
        browser.check("nominated-390");
        assertThat(browser.text(By.cssSelector("main"))).contains("추천을 접수했습니다", "홍길순", "세무과", "가명 키만")
                .doesNotContain("김민지").doesNotContain("1990");
        List<Map<String, Object>> rows = jdbc.sql("select * from contest_entry where contest_id = :c").param("c", contest)
                .query().listOfRows();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(String.valueOf(r.get("nominator_voter_key"))).matches("[0-9a-f]{64}");
            assertThat(r.get("submitted_by_user_id")).isNull();
            assertThat(r.values().stream().map(String::valueOf)).noneMatch(v -> v.contains("김민지") || v.contains("1990-03-01"));
        });
        assertThat(jdbc.sql("select count(*) from audit_entry where payload like '%김민지%'").query(Long.class).single()).isZero();
    }

    @Test
    void theCoordinatorConfirmsADuplicateAndExcludesSimpleKindness() {
        long contest = ContestFixture.openBoryeong(contests, registry);
        long clerk = ContestFixture.userId(cards, ContestFixture.TAX_CLERK);
        long first = ContestFixture.as(users, ContestFixture.TAX_CLERK, () -> entries.submit(contest, EntryChannel.DEPARTMENT,
                ContestFixture.taxCase(tax, clerk)));
        long again = ContestFixture.as(users, ContestFixture.TAX_CLERK, () -> entries.submit(contest, EntryChannel.DEPARTMENT,
                new NewEntry("REGULATION", "농어촌 민박을 가장한 펜션 숙박업 과세유형 정비로 세원 발굴", "같은 사례입니다.",
                        List.of(new NewEntry.Person(null, "김세무", tax, "", new java.math.BigDecimal("100"))), List.of())));
        long kindness = entries.nominate(contest, ContestFixture.citizen(), new NewNomination("정미래", tax, null,
                "SERVICE_QUALITY", "늘 친절한 민원 응대", "민원실에 갈 때마다 웃으며 친절하게 안내해 주십니다."));
        browser.signIn(ContestFixture.BORYEONG_COORDINATOR);
        browser.open("/admin/contests/" + contest + "/entries");
        browser.check("review-hints");
        assertThat(browser.text(By.id("entry-" + again))).contains("중복 의심: #" + first, "비슷한 제목");
        browser.submitAndWait(By.cssSelector("#entry-" + again + " .ce-hint button[type='submit']"));
        browser.check("review-duplicate");
        assertThat(browser.text(By.id("entry-" + again))).contains("제외", "중복 접수");
        browser.scrollIntoView(browser.find(By.cssSelector("label[for='exclude-" + kindness + "']")));
        browser.find(By.cssSelector("label[for='exclude-" + kindness + "']")).click();
        new Select(browser.find(By.id("reason-" + kindness))).selectByVisibleText("단순 친절");
        browser.setValue(By.id("note-" + kindness), "구체적 성과 없이 친절한 응대만 적혀 있음");
        browser.submitAndWait(By.cssSelector("#entry-" + kindness + " form.ce-check button[type='submit']"));
        browser.check("review-excluded");
        assertThat(jdbc.sql("select exclusion_reason from contest_entry where id = :e").param("e", kindness).query(String.class)
                .single()).isEqualTo("SIMPLE_KINDNESS");
        browser.open("/admin/contests/" + contest + "/entries?lang=en");
        browser.check("review-en");
        assertThat(browser.text(By.cssSelector("main h1"))).startsWith("Entries of");
        assertThat(browser.text(By.id("entry-" + kindness))).contains("Simple kindness", "Citizen nomination");
        browser.open("/admin/contests/" + contest + "?lang=en");
        browser.check("setup-en");
        browser.open("/participate/contests/" + contest + "/nominate?lang=en");
        browser.check("nominate-en");
        assertThat(browser.text(By.cssSelector("main"))).contains("The identity check comes first");
    }
}
