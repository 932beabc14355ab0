package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.contest.AwardModel.Award;
import org.pyeongga.contest.AwardModel.NewDecision;
import org.pyeongga.contest.AwardModel.Outcome;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.evaluation.KnownIndicatorValues.Question;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Certificates (상장) as real PDFs, read back with PDFBox: the text and the embedded Korean font, and who may download
 * them; statistics of decided selections per half-year and as indicator values with their source.
 */
@IntegrationTest
class CertificateAndStatisticsIntegrationTests {

    @Autowired
    Decisions decisions;

    @Autowired
    Incentives incentives;

    @Autowired
    Certificates certificates;

    @Autowired
    ContestStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    InstitutionRegistry registry;

    AwardFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new AwardFixture(jdbc, accounts, users, registry);
    }

    private static HttpStatus status(Runnable work) {
        try {
            work.run();
            return HttpStatus.OK;
        } catch (UserFacingException e) {
            return e.status();
        }
    }

    @Test
    void aCertificateNamesTheAwardeeTierContestDateAndMayorInAnEmbeddedKoreanFont() throws Exception {
        var b = fixture.boryeong2024(UUID.randomUUID().toString());
        assertThat(status(() -> fixture.as(AwardFixture.HR, () -> certificates.certificate(b.contest(), b.tax(), 1))))
                .isEqualTo(HttpStatus.CONFLICT);
        fixture.as(AwardFixture.COMMITTEE, () -> decisions.record(b.contest(), new NewDecision(LocalDate.parse("2024-06-20"),
                Outcome.DECIDED, AwardFixture.committee(5), b.awards(), null, null, null, null)));

        var certificate = fixture.as(AwardFixture.HR, () -> certificates.certificate(b.contest(), b.tax(), 1));
        assertThat(certificate.fileName()).endsWith(".pdf");
        try (PDDocument pdf = Loader.loadPDF(certificate.pdf())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).doesNotContain("\0").contains("성명: 김세원", "최우수", "소속: 세무과", "2024년 6월 20일", "보령시장");
            // Korean lines wrap inside words: compare the long titles without white space.
            assertThat(text.replaceAll("\\s", "")).contains("2024년상반기적극행정우수사례경진대회",
                    "농어촌민박을가장한펜션·숙박업과세유형정비를통한세원발굴");
            List<PDFont> fonts = new ArrayList<>();
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                fonts.add(pdf.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.getName()).contains("NanumGothic");
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
            });
        }
        // Managers may download; the awardee their own only; HR of another institution and a clerk may not.
        assertThat(fixture.as(AwardFixture.COORDINATOR, () -> certificates.certificate(b.contest(), b.industry(), 1)).pdf())
                .startsWith("%PDF".getBytes());
        assertThat(fixture.as(AwardFixture.AWARDEE, () -> certificates.certificate(b.contest(), b.tax(), 1)).pdf()).isNotEmpty();
        assertThat(status(() -> fixture.as(AwardFixture.AWARDEE, () -> certificates.certificate(b.contest(), b.tax(), 2))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(() -> fixture.as(AwardFixture.OTHER_HR, () -> certificates.certificate(b.contest(), b.tax(), 1))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(() -> fixture.as(AwardFixture.CLERK, () -> certificates.certificate(b.contest(), b.tax(), 1))))
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theHeadOfAnInstitutionIsNamedAsOnACertificate() {
        assertThat(Certificates.headOf("보령시")).isEqualTo("보령시장");
        assertThat(Certificates.headOf("경상남도 남해군")).isEqualTo("남해군수");
        assertThat(Certificates.headOf("종로구")).isEqualTo("종로구청장");
        assertThat(Certificates.headOf("충청남도")).isEqualTo("충청남도지사");
        assertThat(Certificates.headOf("인사혁신처")).isEqualTo("인사혁신처장");
    }

    @Test
    void statisticsCountSelectedPeoplePerHalfYearAndAnswerIndicators() {
        // 군산시 (this test's own institution): 2023 상반기 with 7 people (4 with 특별승진 etc. applied) and 하반기 with 1.
        long gunsan = fixture.gunsan;
        long dept = fixture.department(gunsan, "세정과", "Tax Administration Division");
        long h1 = fixture.contest(gunsan, "OUTSTANDING_OFFICIAL", "2023년 상반기 적극행정 우수공무원 선발", 2023, 1, "JUDGING");
        long h2 = fixture.contest(gunsan, "BEST_PRACTICE", "2023년 하반기 적극행정 우수사례 경진대회", 2023, 2, "JUDGING");
        long custom = fixture.contest(gunsan, "CUSTOM", "2023년 친절 공무원 표창", 2023, 2, "JUDGING");
        List<Award> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long e = fixture.entry(h1, "군산 우수공무원 후보 " + (i + 1), dept, "ACCEPTED",
                    List.of(new AwardFixture.Person("군산 직원 " + (i + 1), null, new BigDecimal("100"))));
            first.add(new Award(e, i == 0 ? 1 : i < 3 ? 2 : 3));
        }
        long second = fixture.entry(h2, "새만금 기업 유치 원스톱 지원", dept, "ACCEPTED",
                List.of(new AwardFixture.Person("군산 직원 9", null, new BigDecimal("100"))));
        long kind = fixture.entry(custom, "친절 민원 응대", dept, "ACCEPTED",
                List.of(new AwardFixture.Person("군산 직원 10", null, new BigDecimal("100"))));
        var attendees = AwardFixture.committee(5);
        decisions.record(h1, new NewDecision(LocalDate.parse("2023-06-25"), Outcome.DECIDED, attendees, first, null, null, null, null));
        decisions.record(h2, new NewDecision(LocalDate.parse("2023-12-20"), Outcome.DECIDED, attendees,
                List.of(new Award(second, 1)), null, null, null, null));
        decisions.record(custom, new NewDecision(LocalDate.parse("2023-12-20"), Outcome.DECIDED, attendees,
                List.of(new Award(kind, 1)), null, null, null, null));
        incentives.offerDefaults(h1);
        String[] wishes = {"SPECIAL_PROMOTION", "HONORARY_GRADE_SHORTENED", "HONORARY_GRADE_SHORTENED", "REWARD_LEAVE", "REWARD_LEAVE"};
        for (int i = 0; i < 5; i++) {
            long entry = first.get(i).entryId();
            incentives.wish(h1, entry, 1, wishes[i]);
            incentives.checkEligibility(h1, entry, 1, true, "「지방공무원 임용령」", null);
            incentives.apply(h1, entry, 1, LocalDate.parse("2023-07-01"));
        }

        var stats = fixture.as(AwardFixture.OTHER_HR, () -> statistics.forInstitution(gunsan, LocalDate.parse("2023-01-01"),
                LocalDate.parse("2023-12-31")));
        assertThat(stats.halves()).extracting(h -> h.labelKo() + ":" + h.selected())
                .containsExactly("2023 상반기:5", "2023 하반기:1");
        assertThat(stats.selected()).isEqualTo(6);
        assertThat(stats.substantialApplied()).isEqualTo(3);
        assertThat(stats.substantialSharePercent()).isEqualByComparingTo("50.0");
        assertThat(stats.byKind()).filteredOn(k -> k.applied() > 0).extracting(k -> k.nameKo() + "=" + k.applied())
                .containsExactly("특별승진=1", "대우공무원 선발 기간 단축=2", "포상휴가=2");
        assertThat(status(() -> fixture.as(AwardFixture.HR, () -> statistics.forInstitution(gunsan,
                LocalDate.parse("2023-01-01"), LocalDate.parse("2023-12-31"))))).isEqualTo(HttpStatus.FORBIDDEN);

        var selected = statistics.valueFor(new Question(1, gunsan, "2-1", "적극행정 우수공무원 선발 인원",
                LocalDate.parse("2023-01-01"), LocalDate.parse("2023-12-31"))).orElseThrow();
        assertThat(selected.value()).isEqualByComparingTo("6");
        assertThat(selected.source()).isEqualTo("평가 플랫폼 경진대회·선발 기록 (2023 상반기 5명, 2023 하반기 1명)");
        var share = statistics.valueFor(new Question(1, gunsan, "2-2", "우수공무원 파격적 인센티브 부여 비율(%)",
                LocalDate.parse("2023-07-01"), LocalDate.parse("2023-12-31"))).orElseThrow();
        assertThat(share.value()).isEqualByComparingTo("0.0");
        assertThat(share.source()).contains("2023 하반기 1명 중 파격적 인센티브 0명");
        assertThat(statistics.valueFor(new Question(1, gunsan, PA_CODE, "지표", LocalDate.parse("2023-01-01"),
                LocalDate.parse("2023-06-30"))).orElseThrow().value()).isEqualByComparingTo("60.0");
        // Other indicators, or a period without decided selections: nothing known.
        assertThat(statistics.valueFor(new Question(1, gunsan, "2-3", "사전컨설팅 건수", LocalDate.parse("2023-01-01"),
                LocalDate.parse("2023-12-31")))).isEmpty();
        assertThat(statistics.valueFor(new Question(1, gunsan, "2-1", "적극행정 우수공무원 선발 인원",
                LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31")))).isEmpty();
    }

    static final String PA_CODE = ContestStatistics.CODE_SUBSTANTIAL_SHARE;
}
