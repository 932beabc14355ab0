package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pyeongga.contest.ContestFixture.as;

import java.math.BigDecimal;
import java.time.Instant;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Contests and entries on the real database: the templates' fields and tiers as the real rules say, the phase moving
 * only forward, a department's case and a staff application (window to the second, eligibility, shares adding to
 * 100), citizens' nominations stored with only the voter key, the fact and exclusion check, duplicates, and scoping.
 */
@IntegrationTest
class ContestIntegrationTests {

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

    long boryeong;
    long tax;
    long industry;

    @BeforeEach
    void people() {
        ContestFixture.people(accounts, cards, departments, registry);
        boryeong = ContestFixture.institution(registry, "보령시");
        tax = departments.byName(boryeong, "세무과").orElseThrow().id();
        industry = departments.byName(boryeong, "신산업전략과").orElseThrow().id();
    }

    @Test
    void templatesSetUpTheRealFieldsAndTiers() {
        ContestView b = contests.contest(contests.createFromTemplate(ContestTemplates.BORYEONG_2024_H1, boryeong));
        assertThat(b.kind()).isEqualTo(ContestKind.BEST_PRACTICE);
        assertThat(b.year()).isEqualTo(2024);
        assertThat(b.half()).isEqualTo(1);
        assertThat(b.phase()).isEqualTo(Phase.DRAFT);
        assertThat(b.template()).isEqualTo("BORYEONG_2024_H1");
        assertThat(b.tiers()).extracting(ContestTier::nameKo, ContestTier::awardCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("최우수", 1), org.assertj.core.groups.Tuple.tuple("우수", 2),
                        org.assertj.core.groups.Tuple.tuple("장려", 2));
        assertThat(b.awardTotal()).isEqualTo(5);
        assertThat(b.fields()).extracting(ContestField::nameKo).containsExactly("규제혁신", "민원·주민 갈등 해결",
                "공공서비스 질 향상", "신규 정책 발굴·추진", "행정 효율 향상", "공모선정 및 예산확보");
        assertThat(ContestTemplates.byCode("BORYEONG_2024_H1").orElseThrow().stages())
                .filteredOn(s -> s.kind() == ContestTemplate.StageKind.WRITTEN).singleElement()
                .satisfies(s -> assertThat(s.passTopN()).isEqualTo(5));

        long namhaeInstitution = ContestFixture.institution(registry, "남해군");
        ContestView n = contests.contest(contests.createFromTemplate(ContestTemplates.NAMHAE_2025, namhaeInstitution));
        assertThat(n.kind()).isEqualTo(ContestKind.OUTSTANDING_OFFICIAL);
        assertThat(n.eligible()).isEqualTo(Eligibility.ALL_STAFF);
        assertThat(n.channels()).containsExactlyInAnyOrder(EntryChannel.DEPARTMENT, EntryChannel.STAFF, EntryChannel.CITIZEN);
        assertThat(n.tiers()).extracting(ContestTier::nameKo, ContestTier::awardCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("최우수", 1), org.assertj.core.groups.Tuple.tuple("우수", 2),
                        org.assertj.core.groups.Tuple.tuple("장려", 3));
        ContestTemplate namhae = ContestTemplates.byCode("NAMHAE_2025").orElseThrow();
        assertThat(namhae.stages().getFirst().criteria()).extracting(ContestTemplate.Criterion::nameKo)
                .containsExactly("군민체감도", "적극성·창의성", "중요도·난이도", "확산가능성");
        assertThat(namhae.formula()).filteredOn(p -> p.scope().equals("STAGE:2"))
                .extracting(ContestTemplate.FormulaPart::nameKo, ContestTemplate.FormulaPart::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("서면심사", 80), org.assertj.core.groups.Tuple.tuple("군민투표", 20));
        assertThat(namhae.stages()).filteredOn(s -> s.passTopN() != null).extracting(ContestTemplate.StagePlan::passTopN)
                .containsExactly(6);

        long mois = ContestFixture.institution(registry, "행정안전부");
        ContestView national = contests.contest(contests.createFromTemplate(ContestTemplates.NATIONAL_2024, mois));
        assertThat(national.tiers()).extracting(ContestTier::nameKo, ContestTier::awardCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("대상", 6), org.assertj.core.groups.Tuple.tuple("최우수", 11));
        assertThat(national.awardTotal()).isEqualTo(17);
        assertThat(ContestTemplates.byCode("NATIONAL_2024").orElseThrow().formula())
                .extracting(ContestTemplate.FormulaPart::nameKo, ContestTemplate.FormulaPart::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("국민심사단", 30),
                        org.assertj.core.groups.Tuple.tuple("전문가", 50), org.assertj.core.groups.Tuple.tuple("국민투표", 20));

        ContestView generic = contests.contest(contests.createFromTemplate(ContestTemplates.OUTSTANDING_OFFICIAL_HALF, boryeong));
        assertThat(generic.half()).isIn(1, 2);
        assertThat(generic.titleKo()).startsWith(generic.year() + "년").contains("반기 적극행정 우수공무원 선발");
        for (ContestTemplate t : ContestTemplates.all()) {
            assertThat(t.formula().stream().filter(p -> p.scope().equals("FINAL")).mapToInt(ContestTemplate.FormulaPart::weight)
                    .sum()).as(t.code()).isEqualTo(100);
        }
        assertThatThrownBy(() -> contests.createFromTemplate("NO_SUCH", boryeong)).isInstanceOf(UserFacingException.class);
    }

    @Test
    void thePhaseMovesForwardOneStepAtATimeAndADraftIsHidden() {
        long id = contests.createFromTemplate(ContestTemplates.BORYEONG_2024_H1, boryeong);
        assertThatThrownBy(() -> contests.open(id)).hasMessage("contest.error.noWindow");
        assertThatThrownBy(() -> contests.advance(id, Phase.JUDGING)).hasMessage("contest.error.transition");
        // a draft: another institution's coordinator and plain staff do not see it
        assertThatThrownBy(() -> as(users, ContestFixture.GUNSAN_COORDINATOR, () -> contests.contest(id)))
                .isInstanceOf(UserFacingException.class).extracting(e -> ((UserFacingException) e).status())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as(users, ContestFixture.TAX_CLERK, () -> contests.contests())).extracting(ContestSummary::id)
                .doesNotContain(id);
        assertThat(as(users, ContestFixture.BORYEONG_COORDINATOR, () -> contests.managed())).extracting(ContestSummary::id)
                .contains(id);
        assertThat(as(users, ContestFixture.GUNSAN_COORDINATOR, () -> contests.managed())).extracting(ContestSummary::id)
                .doesNotContain(id);
        contests.setWindow(id, ContestFixture.now(), ContestFixture.now().plusSeconds(3600));
        assertThatThrownBy(() -> as(users, ContestFixture.GUNSAN_COORDINATOR, () -> contests.open(id)))
                .isInstanceOf(UserFacingException.class);
        as(users, ContestFixture.BORYEONG_COORDINATOR, () -> contests.open(id));
        assertThat(as(users, ContestFixture.TAX_CLERK, () -> contests.contests())).extracting(ContestSummary::id).contains(id);
        assertThatThrownBy(() -> contests.advance(id, Phase.DECIDED)).hasMessage("contest.error.transition");
        contests.startJudging(id);
        assertThat(contests.contest(id).phase()).isEqualTo(Phase.JUDGING);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ContestPhaseChanged' and payload like :p")
                .param("p", "%\"contestId\":" + id + ",%").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aDepartmentSubmitsACaseWithSharesAddingUpTo100() {
        long contest = ContestFixture.openBoryeong(contests, registry);
        long clerk = ContestFixture.userId(cards, ContestFixture.TAX_CLERK);
        long id = as(users, ContestFixture.TAX_CLERK, () -> entries.submit(contest, EntryChannel.DEPARTMENT,
                ContestFixture.taxCase(tax, clerk)));
        EntryView entry = as(users, ContestFixture.TAX_CLERK, () -> entries.entry(id));
        assertThat(entry.departmentName()).isEqualTo("세무과");
        assertThat(entry.channel()).isEqualTo(EntryChannel.DEPARTMENT);
        assertThat(entry.status()).isEqualTo(EntryStatus.SUBMITTED);
        assertThat(entry.people()).extracting(EntryPerson::name, p -> p.sharePercent().intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("김세무", 60), org.assertj.core.groups.Tuple.tuple("이조사", 40));

        NewEntry wrongShares = new NewEntry("REGULATION", "다른 사례", "설명",
                List.of(new NewEntry.Person(null, "가", tax, "", new BigDecimal("60")),
                        new NewEntry.Person(null, "나", tax, "", new BigDecimal("30"))), List.of());
        assertThatThrownBy(() -> as(users, ContestFixture.TAX_CLERK, () -> entries.submit(contest, EntryChannel.DEPARTMENT,
                wrongShares))).hasMessage("contest.error.shares");
        NewEntry badField = new NewEntry("NOPE", "다른 사례", "설명",
                List.of(new NewEntry.Person(null, "가", tax, "", new BigDecimal("100"))), List.of());
        assertThatThrownBy(() -> as(users, ContestFixture.TAX_CLERK, () -> entries.submit(contest, EntryChannel.DEPARTMENT,
                badField))).hasMessage("contest.error.entryField");
        NewEntry tooBig = new NewEntry("REGULATION", "다른 사례", "설명",
                List.of(new NewEntry.Person(null, "가", tax, "", new BigDecimal("100"))),
                List.of(new NewEntry.Evidence("a.pdf", "application/pdf", new byte[Entries.MAX_FILE_BYTES + 1])));
        assertThatThrownBy(() -> as(users, ContestFixture.TAX_CLERK, () -> entries.submit(contest, EntryChannel.DEPARTMENT,
                tooBig))).hasMessage("contest.error.fileSize");
        // without a department; another institution's staff and coordinator
        assertThatThrownBy(() -> as(users, ContestFixture.NO_DEPARTMENT, () -> entries.submit(contest, EntryChannel.DEPARTMENT,
                ContestFixture.taxCase(tax, clerk)))).hasMessage("contest.error.noDepartment");
        for (String outsider : List.of(ContestFixture.GUNSAN_CLERK, ContestFixture.GUNSAN_COORDINATOR)) {
            assertThatThrownBy(() -> as(users, outsider, () -> entries.submit(contest, EntryChannel.DEPARTMENT,
                    ContestFixture.taxCase(tax, clerk)))).hasMessage("contest.error.notEligible");
            assertThatThrownBy(() -> as(users, outsider, () -> entries.entries(contest))).hasMessage("contest.error.forbidden");
            assertThatThrownBy(() -> as(users, outsider, () -> entries.entry(id))).hasMessage("contest.error.entryNotFound");
        }
        // another 보령시 clerk sees neither the entry nor the list
        assertThatThrownBy(() -> as(users, ContestFixture.INDUSTRY_CLERK, () -> entries.entry(id)))
                .hasMessage("contest.error.entryNotFound");
        assertThat(as(users, ContestFixture.BORYEONG_COORDINATOR, () -> entries.entries(contest))).extracting(EntryView::id)
                .containsExactly(id);
        assertThat(jdbc.sql("select count(*) from contest_entry where contest_id = :c").param("c", contest).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aStaffApplicantBecomesTheFirstPersonWithEvidence() {
        long contest = contests.createFromTemplate(ContestTemplates.OUTSTANDING_OFFICIAL_HALF, boryeong);
        contests.setWindow(contest, ContestFixture.now().minusSeconds(60), ContestFixture.now().plusSeconds(3600));
        contests.open(contest);
        long me = ContestFixture.userId(cards, ContestFixture.INDUSTRY_CLERK);
        NewEntry application = new NewEntry("FUNDING", "기업 유치의 문을 열다: 투자유치 보조금 산출 프로그램 개발",
                "투자유치 보조금 산출을 엑셀 수작업에서 프로그램으로 바꿨습니다.",
                List.of(new NewEntry.Person(null, "박산업", null, "지방행정주사", new BigDecimal("70")),
                        new NewEntry.Person(null, "정개발", industry, "전산주사보", new BigDecimal("30"))),
                List.of(new NewEntry.Evidence("산출 프로그램 화면.png", "image/png", new byte[] {1, 2, 3})));
        long id = as(users, ContestFixture.INDUSTRY_CLERK, () -> entries.submit(contest, EntryChannel.STAFF, application));
        EntryView entry = as(users, ContestFixture.INDUSTRY_CLERK, () -> entries.entry(id));
        assertThat(entry.people().getFirst()).satisfies(p -> {
            assertThat(p.userId()).isEqualTo(me);
            assertThat(p.departmentName()).isEqualTo("신산업전략과");
            assertThat(p.jobTitle()).isEqualTo("지방행정주사");
        });
        assertThat(entry.people()).hasSize(2);
        assertThat(entry.attachments()).extracting(EntryView.Attachment::fileName, EntryView.Attachment::sizeBytes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("산출 프로그램 화면.png", 3));
        assertThat(as(users, ContestFixture.INDUSTRY_CLERK, () -> entries.attachment(id, 1)).orElseThrow().content())
                .containsExactly(1, 2, 3);
        assertThat(as(users, ContestFixture.INDUSTRY_CLERK, () -> entries.mine(contest))).extracting(EntryView::id).containsExactly(id);
    }

    @Test
    void entriesAreTakenOnlyInsideTheWindowToTheSecond() {
        long contest = ContestFixture.openBoryeong(contests, registry);
        long clerk = ContestFixture.userId(cards, ContestFixture.TAX_CLERK);
        ContestFixture.closeNow(jdbc, contest);
        assertThatThrownBy(() -> as(users, ContestFixture.TAX_CLERK, () -> entries.submit(contest, EntryChannel.DEPARTMENT,
                ContestFixture.taxCase(tax, clerk)))).hasMessage("contest.error.closed");
        assertThatThrownBy(() -> entries.nominate(contest, ContestFixture.citizen(), nomination(tax)))
                .hasMessage("contest.error.closed");
        ContestView view = contests.contest(contest);
        Instant close = view.entriesCloseAt();
        assertThat(view.takingEntries(close.minusSeconds(1))).isTrue();
        assertThat(view.takingEntries(close)).isFalse();
        assertThat(view.takingEntries(view.entriesOpenAt())).isTrue();
        assertThat(view.takingEntries(view.entriesOpenAt().minusSeconds(1))).isFalse();
        // not yet open
        jdbc.sql("update contest set entries_open_at = date_trunc('second', now()) + interval '1 second',"
                + " entries_close_at = now() + interval '1 hour' where id = :id").param("id", contest).update();
        assertThatThrownBy(() -> as(users, ContestFixture.TAX_CLERK, () -> entries.submit(contest, EntryChannel.DEPARTMENT,
                ContestFixture.taxCase(tax, clerk)))).hasMessage("contest.error.closed");
        assertThat(jdbc.sql("select count(*) from contest_entry where contest_id = :c").param("c", contest).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aCitizenNominationNeedsAVerifiedVoterAndStoresOnlyTheKey() {
        long contest = ContestFixture.openBoryeong(contests, registry);
        assertThatThrownBy(() -> entries.nominate(contest, null, nomination(tax)))
                .isInstanceOf(UserFacingException.class).extracting(e -> ((UserFacingException) e).status())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        var staffVoter = new org.pyeongga.voting.Voter(ContestFixture.citizen().key(), null, Set.of(boryeong));
        assertThatThrownBy(() -> entries.nominate(contest, staffVoter, nomination(tax))).hasMessage("contest.error.citizenOnly");
        assertThat(jdbc.sql("select count(*) from contest_entry where contest_id = :c").param("c", contest).query(Long.class)
                .single()).isZero();

        var voter = ContestFixture.citizen();
        long id = entries.nominate(contest, voter, nomination(tax));
        Map<String, Object> row = jdbc.sql("select * from contest_entry where id = :id").param("id", id).query().singleRow();
        assertThat(row).containsEntry("channel", "CITIZEN").containsEntry("nominator_voter_key", voter.key().value())
                .containsEntry("submitted_by_user_id", null).containsEntry("department_id", tax)
                .containsEntry("nomination_reason", "새벽 폭설 때 민원 전화를 받고 직접 제설 현장을 안내해 주셨습니다. 이후 제설 취약 구간 지도를 만들어 공유했습니다.");
        assertThat(jdbc.sql("select name, department_id, share_percent from contest_entry_person where entry_id = :id")
                .param("id", id).query().listOfRows()).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("name", "홍길순").containsEntry("department_id", tax));
        assertThatThrownBy(() -> entries.nominate(contest, voter, nomination(tax))).hasMessage("contest.error.nominatedAlready");
        // the key is nowhere but in the entry: not in any event
        assertThat(jdbc.sql("select count(*) from audit_entry where payload like :k").param("k", "%" + voter.key().value() + "%")
                .query(Long.class).single()).isZero();
        EntryView view = as(users, ContestFixture.BORYEONG_COORDINATOR, () -> entries.entry(id));
        assertThat(view.toString()).doesNotContain(voter.key().value());
    }

    @Test
    void theFactAndExclusionCheckRecordsAReasonAndDuplicatesAreFlagged() {
        long contest = ContestFixture.openBoryeong(contests, registry);
        long clerk = ContestFixture.userId(cards, ContestFixture.TAX_CLERK);
        long first = as(users, ContestFixture.TAX_CLERK, () -> entries.submit(contest, EntryChannel.DEPARTMENT,
                ContestFixture.taxCase(tax, clerk)));
        NewEntry again = new NewEntry("REGULATION", "농어촌 민박을 가장한 펜션 숙박업 과세유형 정비로 세원 발굴",
                "같은 사례를 다시 냈습니다.", List.of(new NewEntry.Person(null, "김세무", tax, "", new BigDecimal("100"))), List.of());
        long second = as(users, ContestFixture.TAX_CLERK, () -> entries.submit(contest, EntryChannel.DEPARTMENT, again));
        long kind1 = entries.nominate(contest, ContestFixture.citizen(), nomination(tax));
        long kind2 = entries.nominate(contest, ContestFixture.citizen(),
                new NewNomination("홍 길순", tax, null, "SERVICE_QUALITY", "친절한 안내", "전화를 친절하게 받아 주셨습니다."));

        List<DuplicateHint> hints = as(users, ContestFixture.BORYEONG_COORDINATOR, () -> entries.duplicates(contest));
        assertThat(hints).extracting(DuplicateHint::entryId, DuplicateHint::earlierEntryId, DuplicateHint::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(second, first, DuplicateHint.Reason.SIMILAR_TITLE),
                org.assertj.core.groups.Tuple.tuple(kind2, kind1, DuplicateHint.Reason.SAME_NOMINEE));
        assertThatThrownBy(() -> as(users, ContestFixture.GUNSAN_COORDINATOR, () -> entries.duplicates(contest)))
                .hasMessage("contest.error.forbidden");

        as(users, ContestFixture.BORYEONG_COORDINATOR, () -> entries.markDuplicate(second, first));
        assertThatThrownBy(() -> entries.markDuplicate(first, second)).hasMessage("contest.error.duplicateOf");
        assertThatThrownBy(() -> entries.check(kind2, false, null, "단순 친절")).hasMessage("contest.error.exclusionReason");
        assertThatThrownBy(() -> entries.check(kind2, false, ExclusionReason.SIMPLE_KINDNESS, " "))
                .hasMessage("contest.error.checkNote");
        assertThatThrownBy(() -> as(users, ContestFixture.GUNSAN_COORDINATOR,
                () -> entries.check(first, true, null, "확인"))).hasMessage("contest.error.entryNotFound");
        as(users, ContestFixture.BORYEONG_COORDINATOR, () -> {
            entries.check(first, true, null, "세무과 과세 자료로 사실 확인");
            entries.check(kind2, false, ExclusionReason.SIMPLE_KINDNESS, "전화 응대의 친절은 단순 친절로 제외 대상");
        });
        Map<Long, EntryView> all = new java.util.HashMap<>();
        as(users, ContestFixture.BORYEONG_COORDINATOR, () -> entries.entries(contest)).forEach(e -> all.put(e.id(), e));
        assertThat(all.get(first).status()).isEqualTo(EntryStatus.ACCEPTED);
        assertThat(all.get(first).checkedBy()).startsWith("user:");
        assertThat(all.get(second).status()).isEqualTo(EntryStatus.EXCLUDED);
        assertThat(all.get(second).exclusionReason()).isEqualTo(ExclusionReason.DUPLICATE);
        assertThat(all.get(second).duplicateOf()).isEqualTo(first);
        assertThat(all.get(kind2).exclusionReason()).isEqualTo(ExclusionReason.SIMPLE_KINDNESS);
        assertThat(all.get(kind2).checkNote()).isEqualTo("전화 응대의 친절은 단순 친절로 제외 대상");
        assertThat(entries.accepted(contest)).extracting(EntryView::id).containsExactly(first);
        assertThat(as(users, ContestFixture.BORYEONG_COORDINATOR, () -> entries.duplicates(contest))).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ContestEntryChecked' and payload like :p")
                .param("p", "%\"contestId\":" + contest + ",%").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void titlesAreComparedAfterNormalising() {
        assertThat(Entries.normalized("규제 혁신! (ABC)")).isEqualTo("규제혁신abc");
        assertThat(Entries.similarity("민원 처리 기간 단축", "민원처리기간 단축!")).isEqualTo(100);
        assertThat(Entries.similarity("민원 처리 기간 단축", "관광객 유치 축제 개편")).isLessThan(Entries.SIMILAR_TITLE);
    }

    static NewNomination nomination(long department) {
        return new NewNomination("홍길순", department, "주무관", "CIVIL_CONFLICT", "폭설 때 제설 현장 안내와 취약 구간 지도",
                "새벽 폭설 때 민원 전화를 받고 직접 제설 현장을 안내해 주셨습니다. 이후 제설 취약 구간 지도를 만들어 공유했습니다.");
    }
}
