package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pyeongga.contest.ContestFixture.as;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.account.StaffCards;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.Departments;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Editing a submitted entry (ADR 0034): the submitter, while the window is open and before the check; the previous
 * version kept in the revision trail, shown to the managers, and the edit audited. Everybody else, a citizen's
 * nomination, a closed window, a checked entry and a bad form are refused and change nothing.
 */
@IntegrationTest
class EntryEditIntegrationTests {

    @Autowired
    Contests contests;

    @Autowired
    Entries entries;

    @Autowired
    Accounts accounts;

    @Autowired
    StaffCards cards;

    @Autowired
    Departments departments;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    long boryeong;
    long tax;
    long clerk;

    @BeforeEach
    void people() {
        ContestFixture.people(accounts, cards, departments, registry);
        boryeong = ContestFixture.institution(registry, "보령시");
        tax = departments.byName(boryeong, "세무과").orElseThrow().id();
        clerk = ContestFixture.userId(cards, ContestFixture.TAX_CLERK);
    }

    private NewEntry corrected(String share1, String share2, List<NewEntry.Evidence> files) {
        return new NewEntry("REGULATION", "농어촌민박을 가장한 펜션·숙박업 과세 유형 정비로 세원 발굴",
                "농어촌민박으로 신고하고 실제로는 펜션·숙박업을 하는 사업장 120곳을 현장 조사해 과세 유형을 바로잡고 세원을 발굴했습니다.",
                List.of(new NewEntry.Person(clerk, "김세무", tax, "지방세무주사", new BigDecimal(share1)),
                        new NewEntry.Person(null, "이조사", tax, "지방세무주사보", new BigDecimal(share2))), files);
    }

    private long submitWithFile(long contest) {
        NewEntry withFile = new NewEntry("REGULATION", ContestFixture.taxCase(tax, clerk).title(),
                ContestFixture.taxCase(tax, clerk).summary(), ContestFixture.taxCase(tax, clerk).people(),
                List.of(new NewEntry.Evidence("현장조사.pdf", "application/pdf", new byte[] {1, 2})));
        return as(users, ContestFixture.TAX_CLERK, () -> entries.submit(contest, EntryChannel.DEPARTMENT, withFile));
    }

    @Test
    void theSubmitterEditsAndTheRevisionIsKeptAndAudited() {
        long contest = ContestFixture.openBoryeong(contests, registry);
        long id = submitWithFile(contest);
        int revision = as(users, ContestFixture.TAX_CLERK, () -> entries.edit(id, corrected("70", "30",
                List.of(new NewEntry.Evidence("세원 발굴 결과.xlsx", "application/vnd.ms-excel", new byte[] {3}))), Set.of(1)));
        assertThat(revision).isEqualTo(1);
        EntryView after = as(users, ContestFixture.TAX_CLERK, () -> entries.entry(id));
        assertThat(after.title()).isEqualTo("농어촌민박을 가장한 펜션·숙박업 과세 유형 정비로 세원 발굴");
        assertThat(after.status()).isEqualTo(EntryStatus.SUBMITTED);
        assertThat(after.people()).extracting(EntryPerson::name, p -> p.sharePercent().intValue()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("김세무", 70), org.assertj.core.groups.Tuple.tuple("이조사", 30));
        assertThat(after.attachments()).extracting(EntryView.Attachment::position, EntryView.Attachment::fileName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "세원 발굴 결과.xlsx"));
        // a second edit: only the title
        NewEntry again = new NewEntry("REGULATION", "펜션·숙박업 과세 유형 정비로 세원 발굴", after.summary(),
                corrected("70", "30", List.of()).people(), List.of());
        assertThat(as(users, ContestFixture.TAX_CLERK, () -> entries.edit(id, again, Set.of()))).isEqualTo(2);

        List<EntryRevision> trail = as(users, ContestFixture.BORYEONG_COORDINATOR, () -> entries.revisions(id));
        assertThat(trail).extracting(EntryRevision::revision).containsExactly(2, 1);
        assertThat(trail.get(1).changed()).containsExactly(EntryRevision.Change.TITLE, EntryRevision.Change.PEOPLE,
                EntryRevision.Change.FILES);
        assertThat(trail.get(1).previousTitle()).isEqualTo(ContestFixture.taxCase(tax, clerk).title());
        assertThat(trail.get(1).editedByName()).isEqualTo("김세무");
        assertThat(trail.get(0).changed()).containsExactly(EntryRevision.Change.TITLE);
        assertThat(as(users, ContestFixture.BORYEONG_COORDINATOR, () -> entries.revisionsOf(contest))).containsOnlyKeys(id)
                .extractingByKey(id).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(2);
        assertThatThrownBy(() -> as(users, ContestFixture.GUNSAN_COORDINATOR, () -> entries.revisionsOf(contest)))
                .hasMessage("contest.error.forbidden");
        assertThat(jdbc.sql("select previous ->> 'files' from contest_entry_revision where entry_id = :e and revision = 1")
                .param("e", id).query(String.class).single()).contains("현장조사.pdf");
        // the trail is the managers'; another institution's coordinator and the submitter do not get it
        assertThatThrownBy(() -> as(users, ContestFixture.GUNSAN_COORDINATOR, () -> entries.revisions(id)))
                .hasMessage("contest.error.entryNotFound");
        assertThatThrownBy(() -> as(users, ContestFixture.TAX_CLERK, () -> entries.revisions(id)))
                .hasMessage("contest.error.entryNotFound");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ContestEntryEdited' and payload like :p")
                .param("p", "%\"entryId\":" + id + ",%").query(Long.class).single()).isEqualTo(2);
        // nothing changed: refused, no revision
        assertThatThrownBy(() -> as(users, ContestFixture.TAX_CLERK, () -> entries.edit(id, again, Set.of())))
                .hasMessage("contest.error.editNoChange");
        assertThat(revisions(id)).isEqualTo(2);
    }

    @Test
    void aStaffApplicantStaysTheFirstPerson() {
        long contest = contests.createFromTemplate(ContestTemplates.OUTSTANDING_OFFICIAL_HALF, boryeong);
        contests.setWindow(contest, ContestFixture.now().minusSeconds(60), ContestFixture.now().plusSeconds(3600));
        contests.open(contest);
        long me = ContestFixture.userId(cards, ContestFixture.INDUSTRY_CLERK);
        long industry = departments.byName(boryeong, "신산업전략과").orElseThrow().id();
        NewEntry application = new NewEntry("FUNDING", "투자유치 보조금 산출 프로그램", "엑셀 수작업을 프로그램으로 바꿨습니다.",
                List.of(new NewEntry.Person(null, "박산업", null, "지방행정주사", new BigDecimal("100"))), List.of());
        long id = as(users, ContestFixture.INDUSTRY_CLERK, () -> entries.submit(contest, EntryChannel.STAFF, application));
        NewEntry edited = new NewEntry("FUNDING", "투자유치 보조금 산출 프로그램", "엑셀 수작업을 프로그램으로 바꿨습니다.",
                List.of(new NewEntry.Person(null, "박산업", null, "지방행정주사", new BigDecimal("80")),
                        new NewEntry.Person(null, "정개발", industry, "전산주사보", new BigDecimal("20"))), List.of());
        as(users, ContestFixture.INDUSTRY_CLERK, () -> entries.edit(id, edited, Set.of()));
        EntryView after = as(users, ContestFixture.INDUSTRY_CLERK, () -> entries.entry(id));
        assertThat(after.people()).extracting(EntryPerson::userId, EntryPerson::departmentId, p -> p.sharePercent().intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(me, industry, 80),
                        org.assertj.core.groups.Tuple.tuple(null, industry, 20));
    }

    @Test
    void othersACitizenNominationAClosedWindowACheckAndABadFormAreRefused() {
        long contest = ContestFixture.openBoryeong(contests, registry);
        long id = submitWithFile(contest);
        String before = snapshot(id);
        // bad shares, a bad field, too many files: 400, nothing changed
        assertThatThrownBy(() -> as(users, ContestFixture.TAX_CLERK, () -> entries.edit(id, corrected("70", "40", List.of()),
                Set.of()))).hasMessage("contest.error.shares");
        NewEntry badField = new NewEntry("NOPE", "제목", "설명", corrected("70", "30", List.of()).people(), List.of());
        assertThatThrownBy(() -> as(users, ContestFixture.TAX_CLERK, () -> entries.edit(id, badField, Set.of())))
                .hasMessage("contest.error.entryField");
        List<NewEntry.Evidence> five = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> new NewEntry.Evidence(i + ".pdf", "application/pdf", new byte[] {1})).toList();
        assertThatThrownBy(() -> as(users, ContestFixture.TAX_CLERK, () -> entries.edit(id, corrected("70", "30", five),
                Set.of()))).hasMessage("contest.error.files");
        // another department's staff, another institution's staff and coordinator, the own coordinator: not found
        for (String other : List.of(ContestFixture.INDUSTRY_CLERK, ContestFixture.GUNSAN_CLERK, ContestFixture.GUNSAN_COORDINATOR,
                ContestFixture.BORYEONG_COORDINATOR)) {
            assertThatThrownBy(() -> as(users, other, () -> entries.edit(id, corrected("70", "30", List.of()), Set.of())))
                    .isInstanceOf(UserFacingException.class).hasMessage("contest.error.entryNotFound");
        }
        assertThatThrownBy(() -> entries.edit(id, corrected("70", "30", List.of()), Set.of()))
                .hasMessage("contest.error.entryNotFound");
        // a citizen's nomination is not editable by anyone
        long nomination = entries.nominate(contest, ContestFixture.citizen(), ContestIntegrationTests.nomination(tax));
        assertThatThrownBy(() -> as(users, ContestFixture.BORYEONG_COORDINATOR, () -> entries.edit(nomination,
                corrected("70", "30", List.of()), Set.of()))).hasMessage("contest.error.entryNotFound");
        assertThat(snapshot(id)).isEqualTo(before);
        assertThat(revisions(id)).isZero();

        // checked: 409
        long checked = submitWithFile(contest);
        as(users, ContestFixture.BORYEONG_COORDINATOR, () -> entries.check(checked, true, null, "사실 확인"));
        assertThatThrownBy(() -> as(users, ContestFixture.TAX_CLERK, () -> entries.edit(checked,
                corrected("70", "30", List.of()), Set.of()))).isInstanceOf(UserFacingException.class)
                .hasMessage("contest.error.editChecked").extracting(e -> ((UserFacingException) e).status())
                .isEqualTo(HttpStatus.CONFLICT);
        // the window closed: 409
        ContestFixture.closeNow(jdbc, contest);
        assertThatThrownBy(() -> as(users, ContestFixture.TAX_CLERK, () -> entries.edit(id, corrected("70", "30", List.of()),
                Set.of()))).isInstanceOf(UserFacingException.class).hasMessage("contest.error.editClosed")
                .extracting(e -> ((UserFacingException) e).status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(snapshot(id)).isEqualTo(before);
        assertThat(revisions(id) + revisions(checked)).isZero();
    }

    @Test
    void theApiAndThePageAnswer404ToOthersAnd409OnceChecked() {
        long contest = ContestFixture.openBoryeong(contests, registry);
        long id = submitWithFile(contest);
        Map<String, Object> body = Map.of("fieldCode", "REGULATION", "title", "펜션·숙박업 과세 유형 정비", "summary", "설명을 고쳤습니다.",
                "people", List.of(Map.of("userId", clerk, "name", "김세무", "departmentId", tax, "jobTitle", "", "sharePercent", 100)),
                "evidence", List.of());
        assertThat(put(ContestFixture.GUNSAN_CLERK, contest, id, body).getStatusCode().value()).isEqualTo(404);
        assertThat(put(ContestFixture.INDUSTRY_CLERK, contest, id, body).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> edited = put(ContestFixture.TAX_CLERK, contest, id, body);
        assertThat(edited.getStatusCode().value()).isEqualTo(200);
        assertThat(edited.getBody()).contains("\"revision\":1");
        assertThat(Http.api(port, ContestFixture.BORYEONG_COORDINATOR).getJsonList("/api/v1/contests/admin/entries/{e}/revisions", id)
                .getBody()).singleElement().satisfies(r -> assertThat(r).containsEntry("revision", 1)
                        .containsEntry("changed", List.of("TITLE", "SUMMARY", "PEOPLE")));
        assertThat(Http.api(port, ContestFixture.GUNSAN_COORDINATOR).getJson("/api/v1/contests/admin/entries/{e}/revisions", id)
                .getStatusCode().value()).isEqualTo(404);
        // the page: the submitter's form; another department's clerk gets 404
        ResponseEntity<String> page = Http.signedIn(port, ContestFixture.TAX_CLERK).getPage("/contests/{c}/entries/{e}/edit", contest, id);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("펜션·숙박업 과세 유형 정비", "save-entry");
        assertThat(Http.signedIn(port, ContestFixture.INDUSTRY_CLERK).getPage("/contests/{c}/entries/{e}/edit", contest, id)
                .getStatusCode().value()).isEqualTo(404);
        // the page keeps a person's account while their row keeps their name, not for someone typed over them
        long industryClerk = ContestFixture.userId(cards, ContestFixture.INDUSTRY_CLERK);
        Http clerkPage = Http.signedIn(port, ContestFixture.TAX_CLERK);
        ResponseEntity<String> saved = clerkPage.postForm("/contests/" + contest + "/entries/" + id + "/edit",
                "fieldCode=REGULATION&title=" + enc("펜션·숙박업 과세 유형 정비") + "&summary=" + enc("설명을 고쳤습니다.")
                        + "&people%5B0%5D.userId=" + clerk + "&people%5B0%5D.name=" + enc("김세무") + "&people%5B0%5D.share=60"
                        + "&people%5B1%5D.userId=" + industryClerk + "&people%5B1%5D.name=" + enc("이조사")
                        + "&people%5B1%5D.share=40");
        assertThat(saved.getStatusCode().value()).isEqualTo(302);
        assertThat(jdbc.sql("select coalesce(user_id, 0) from contest_entry_person where entry_id = :e order by position")
                .param("e", id).query(Long.class).list()).containsExactly(clerk, 0L);
        // checked: the page explains, the API answers 409
        as(users, ContestFixture.BORYEONG_COORDINATOR, () -> entries.check(id, true, null, "사실 확인"));
        ResponseEntity<String> closed = Http.signedIn(port, ContestFixture.TAX_CLERK).getPage("/contests/{c}/entries/{e}/edit", contest, id);
        assertThat(closed.getStatusCode().value()).isEqualTo(409);
        assertThat(closed.getBody()).contains("검증(사실 확인·제외 검토)을 마쳤거나 철회한 사례는 고칠 수 없습니다").doesNotContain("save-entry");
        ResponseEntity<String> refused = put(ContestFixture.TAX_CLERK, contest, id, body);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).contains("contest.error.editChecked");
        assertThat(revisions(id)).isEqualTo(2);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private ResponseEntity<String> put(String email, long contest, long entry, Map<String, Object> body) {
        return Http.api(port, email).raw().put().uri("/api/v1/contests/{c}/entries/{e}", contest, entry)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
    }

    private long revisions(long entryId) {
        return jdbc.sql("select count(*) from contest_entry_revision where entry_id = :e").param("e", entryId)
                .query(Long.class).single();
    }

    private String snapshot(long entryId) {
        return jdbc.sql("select title || '|' || field_code || '|' || status from contest_entry where id = :e").param("e", entryId)
                .query(String.class).single()
                + jdbc.sql("select string_agg(name || ':' || share_percent, ',' order by position) from contest_entry_person"
                        + " where entry_id = :e").param("e", entryId).query(String.class).single()
                + jdbc.sql("select string_agg(file_name, ',' order by position) from contest_entry_attachment where entry_id = :e")
                        .param("e", entryId).query(String.class).single();
    }
}
