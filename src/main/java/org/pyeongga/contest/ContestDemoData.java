package org.pyeongga.contest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.Accounts;
import org.pyeongga.account.StaffCards;
import org.pyeongga.core.Digests;
import org.pyeongga.organization.Departments;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default start, created once: departments of 보령시 and 남해군, the demo staff's departments, and
 * three contests — 보령시 2024 상반기 적극행정 우수사례 경진대회 (entries checked, in JUDGING for the stages), a 보령시
 * selection of outstanding officials open now (for department submissions, applications and citizen nominations), and
 * 남해군 2025 as a draft.
 *
 * <p>What is real: the two 보령시 2024 상반기 winners (세무과's case won 최우수, 신산업전략과's 우수) and their titles. The
 * people's names, every other entry, the entry window and the department names other than 세무과 and 신산업전략과
 * are invented (modelled on a typical 시·군 organisation chart).
 */
@Component
@ConditionalOnProperty(name = "pyeongga.demo.enabled", havingValue = "true")
class ContestDemoData {

    static final String OPEN_TITLE_MARK = "적극행정 우수공무원 선발";
    private static final Logger log = LoggerFactory.getLogger(ContestDemoData.class);

    /** 보령시: 세무과 and 신산업전략과 are confirmed by the 2024 results; the others are invented (a typical 시 chart). */
    private static final Map<String, String> BORYEONG_DEPARTMENTS = new LinkedHashMap<>();
    /** 남해군: invented (a typical 군 chart). */
    private static final Map<String, String> NAMHAE_DEPARTMENTS = new LinkedHashMap<>();

    static {
        BORYEONG_DEPARTMENTS.put("세무과", "Tax Division");
        BORYEONG_DEPARTMENTS.put("신산업전략과", "New Industry Strategy Division");
        BORYEONG_DEPARTMENTS.put("자치행정과", "Local Administration Division");
        BORYEONG_DEPARTMENTS.put("민원봉사과", "Civil Service Division");
        BORYEONG_DEPARTMENTS.put("복지정책과", "Welfare Policy Division");
        BORYEONG_DEPARTMENTS.put("관광과", "Tourism Division");
        BORYEONG_DEPARTMENTS.put("기획감사실", "Planning and Audit Office");
        BORYEONG_DEPARTMENTS.put("해양정책과", "Marine Policy Division");
        BORYEONG_DEPARTMENTS.put("건설과", "Construction Division");
        NAMHAE_DEPARTMENTS.put("기획예산실", "Planning and Budget Office");
        NAMHAE_DEPARTMENTS.put("행정과", "Administration Division");
        NAMHAE_DEPARTMENTS.put("재무과", "Finance Division");
        NAMHAE_DEPARTMENTS.put("관광경제과", "Tourism and Economy Division");
        NAMHAE_DEPARTMENTS.put("민원봉사과", "Civil Service Division");
        NAMHAE_DEPARTMENTS.put("해양수산과", "Maritime Affairs and Fisheries Division");
    }

    private final Contests contests;
    private final Entries entries;
    private final Departments departments;
    private final Accounts accounts;
    private final StaffCards staff;
    private final InstitutionRegistry registry;
    private final JdbcClient jdbc;
    private final Clock clock;

    ContestDemoData(Contests contests, Entries entries, Departments departments, Accounts accounts, StaffCards staff,
            InstitutionRegistry registry, JdbcClient jdbc, Clock clock) {
        this.contests = contests;
        this.entries = entries;
        this.departments = departments;
        this.accounts = accounts;
        this.staff = staff;
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(60)
    void load() {
        Optional<Long> boryeong = institution("보령시");
        Optional<Long> namhae = institution("남해군");
        if (boryeong.isEmpty() || namhae.isEmpty()) {
            return;
        }
        Map<String, Long> b = departments(boryeong.get(), BORYEONG_DEPARTMENTS);
        departments(namhae.get(), NAMHAE_DEPARTMENTS);
        assign("hr@pyeongga.kr", b.get("자치행정과"));
        assign("committee@pyeongga.kr", b.get("복지정책과"));
        assign("audit@pyeongga.kr", b.get("기획감사실"));
        assign("boryeong@pyeongga.kr", b.get("기획감사실"));
        if (jdbc.sql("select count(*) from contest where template = :t and owner_institution_id = :o")
                .param("t", ContestTemplates.BORYEONG_2024_H1).param("o", boryeong.get()).query(Long.class).single() > 0) {
            return;
        }
        var by = staff.byEmail("boryeong@pyeongga.kr").map(StaffCards.StaffCard::id);
        if (by.isEmpty()) {
            // a database made before the 보령시 demo account existed: the demo accounts are only created on a fresh one
            log.info("Demo data: no contests (the demo account boryeong@pyeongga.kr does not exist in this database)");
            return;
        }
        long entered = boryeong2024(boryeong.get(), b, by.get());
        long open = contests.createFromTemplate(ContestTemplates.OUTSTANDING_OFFICIAL_HALF, boryeong.get());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        contests.setWindow(open, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(21)));
        contests.open(open);
        contests.createFromTemplate(ContestTemplates.NAMHAE_2025, namhae.get());
        log.info("Demo data: contests (보령시 2024 상반기 with {} entries, an open 보령시 selection, 남해군 2025 draft)", entered);
    }

    private long boryeong2024(long boryeong, Map<String, Long> d, long by) {
        long id = contests.createFromTemplate(ContestTemplates.BORYEONG_2024_H1, boryeong);
        // The entry window is invented.
        contests.setWindow(id, Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-05-17T09:00:00Z"));
        contests.open(id);
        Instant at = Instant.parse("2024-05-02T01:30:00Z");
        List<Long> accepted = new ArrayList<>();
        // Real: 최우수 (세무과). People invented.
        accepted.add(entry(id, "FUNDING", "농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴",
                "농어촌민박으로 신고하고 실제로는 펜션·숙박업을 운영하는 사업장을 전수 조사해 과세 유형을 바로잡았습니다. 건축물대장·숙박 예약 사이트·현장 확인을 대조해 142곳을 정비하고, 지방세 세원 약 3억 원을 새로 발굴했습니다.",
                d.get("세무과"), by, at, person("한지원", d.get("세무과"), "지방세무주사", 50),
                person("오성민", d.get("세무과"), "지방세무주사보", 30), person("김다은", d.get("세무과"), "지방세무서기", 20)));
        // Real: 우수 (신산업전략과). People invented.
        accepted.add(entry(id, "EFFICIENCY", "기업 유치의 문을 열다: 투자유치 보조금 산출 프로그램 개발",
                "투자 기업마다 엑셀로 며칠씩 걸리던 보조금 산출을 조례·지침의 기준을 담은 프로그램으로 바꿔 상담 당일 예상 보조금을 안내합니다. 산출 오류가 없어지고 기업 상담이 늘었습니다.",
                d.get("신산업전략과"), by, at.plus(Duration.ofHours(3)), person("윤태호", d.get("신산업전략과"), "지방행정주사", 60),
                person("서하늘", d.get("신산업전략과"), "지방전산주사보", 40)));
        // Invented from here on.
        accepted.add(entry(id, "SERVICE_QUALITY", "보령해저터널 연계 섬 관광 순환버스 신설",
                "해저터널 개통 후 원산도를 찾는 관광객이 대중교통 없이 불편을 겪어, 운수업체·섬 주민과 협의해 주말 순환버스를 신설했습니다.",
                d.get("관광과"), by, at.plus(Duration.ofDays(1)), person("이수빈", d.get("관광과"), "지방행정주사", 100)));
        accepted.add(entry(id, "SERVICE_QUALITY", "무인민원발급기 야간 이용 확대와 다국어 안내",
                "읍면동 무인민원발급기 6대를 24시간 이용 공간으로 옮기고 외국인 주민을 위해 5개 언어 안내를 붙였습니다.",
                d.get("민원봉사과"), by, at.plus(Duration.ofDays(2)), person("정미래", d.get("민원봉사과"), "지방행정주사보", 70),
                person("강도윤", d.get("민원봉사과"), "지방행정서기", 30)));
        accepted.add(entry(id, "NEW_POLICY", "고독사 위험 1인 가구 AI 안부전화",
                "홀로 사는 어르신 830가구에 주 2회 AI 안부전화를 걸고, 세 번 연속 받지 않으면 담당 공무원이 방문하도록 했습니다.",
                d.get("복지정책과"), by, at.plus(Duration.ofDays(3)), person("최은별", d.get("복지정책과"), "지방사회복지주사", 100)));
        accepted.add(entry(id, "EFFICIENCY", "이통장 회의 종이 없는 전자회의 전환",
                "매달 인쇄하던 이통장 회의 자료를 태블릿 전자회의로 바꿔 인쇄비와 배부 시간을 줄였습니다.",
                d.get("자치행정과"), by, at.plus(Duration.ofDays(4)), person("문지호", d.get("자치행정과"), "지방행정주사", 100)));
        accepted.add(entry(id, "CIVIL_CONFLICT", "어업인과 함께 만든 불법어업 신고 체계로 어업 분쟁 해소",
                "어촌계와 불법어업 신고 절차를 함께 만들고 신고 당일 단속을 약속해 반복되던 어업인 간 분쟁을 줄였습니다.",
                d.get("해양정책과"), by, at.plus(Duration.ofDays(5)), person("배준서", d.get("해양정책과"), "지방해양수산주사", 80),
                person("임소윤", d.get("해양정책과"), "지방해양수산서기", 20)));
        accepted.add(entry(id, "REGULATION", "농로 포장 주민 동의 절차 간소화",
                "농로 포장 때 필요한 토지주 동의서를 마을 단위 일괄 동의로 바꿔 사업 착수 기간을 석 달 줄였습니다.",
                d.get("건설과"), by, at.plus(Duration.ofDays(6)), person("홍재민", d.get("건설과"), "지방시설주사", 100)));
        long repeat = entry(id, "SERVICE_QUALITY", "보령 해저터널 연계 섬관광 순환 버스 신설",
                "같은 사례를 관광과 다른 팀이 다시 제출했습니다.", d.get("관광과"), by, at.plus(Duration.ofDays(7)),
                person("이수빈", d.get("관광과"), "지방행정주사", 100));
        long kindness = entries.record(id, EntryChannel.CITIZEN, new NewEntry("SERVICE_QUALITY", "늘 친절한 민원 응대",
                "", List.of(person("정미래", d.get("민원봉사과"), "", 100)), List.of()), d.get("민원봉사과"), null,
                Digests.sha256Hex("pyeongga-demo-citizen-1"), "민원실에 갈 때마다 웃으며 친절하게 안내해 주십니다.",
                at.plus(Duration.ofDays(8)));
        for (long entry : accepted) {
            entries.check(entry, true, null, "담당 부서 자료와 현장 확인으로 사실 확인");
        }
        entries.markDuplicate(repeat, accepted.get(2));
        entries.check(kindness, false, ExclusionReason.SIMPLE_KINDNESS, "구체적 성과 없이 친절한 응대만 적혀 있어 단순 친절로 제외");
        contests.startJudging(id);
        return accepted.size() + 2L;
    }

    private long entry(long contest, String field, String title, String summary, long department, long by, Instant at,
            NewEntry.Person... people) {
        return entries.record(contest, EntryChannel.DEPARTMENT, new NewEntry(field, title, summary, List.of(people), List.of()),
                department, by, null, null, at);
    }

    private static NewEntry.Person person(String name, long department, String jobTitle, int share) {
        return new NewEntry.Person(null, name, department, jobTitle, new BigDecimal(share));
    }

    private Map<String, Long> departments(long institution, Map<String, String> names) {
        Map<String, Long> ids = new LinkedHashMap<>();
        names.forEach((ko, en) -> ids.put(ko, departments.byName(institution, ko)
                .orElseGet(() -> departments.add(institution, ko, en, null)).id()));
        return ids;
    }

    private void assign(String email, @Nullable Long department) {
        staff.byEmail(email).filter(card -> staff.departmentOf(card.id()).isEmpty())
                .ifPresent(card -> accounts.assignDepartment(card.id(), department));
    }

    private Optional<Long> institution(String name) {
        return registry.search(new InstitutionQuery(registry.today(), null, null, null, name, false), 0, 5).items().stream()
                .filter(i -> i.name().equals(name)).map(i -> i.id()).findFirst();
    }
}
