package org.pyeongga.voting.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballot.Eligibility;
import org.pyeongga.voting.Ballot.Kind;
import org.pyeongga.voting.Ballot.QuestionKind;
import org.pyeongga.voting.Ballot.Visibility;
import org.pyeongga.voting.BallotSpec;
import org.pyeongga.voting.BallotSpec.OptionSpec;
import org.pyeongga.voting.BallotSpec.QuestionSpec;
import org.pyeongga.voting.Ballots;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Ballots for portal tests, made through the voting service (each test makes its own; votes never collide). */
final class PortalFixture {

    static final String NEWS_TITLE = "2026 보령시 10대 뉴스 (시험)";

    private PortalFixture() {
    }

    static long institution(InstitutionRegistry registry, String name) {
        return registry.search(new InstitutionQuery(LocalDate.parse("2024-12-31"), null, null, null, name, false), 0, 50)
                .items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().id();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static long open(Ballots ballots, BallotSpec spec) {
        long id = ballots.create(spec);
        ballots.open(id);
        return id;
    }

    static BallotSpec single(long owner, String title, Eligibility eligibility, @Nullable String region,
            Visibility visibility) {
        return new BallotSpec(owner, Kind.SINGLE, null, 1, title, title + " (en)", "시민이 고르는 안입니다.",
                "Citizens choose a plan.", now().minusSeconds(60), now().plusSeconds(3600), eligibility, region, null,
                visibility, List.of(new OptionSpec("가안: 도서관", "Plan A: library"), new OptionSpec("나안: 공원", "Plan B: park"),
                        new OptionSpec("다안: 주차장", "Plan C: parking")), List.of());
    }

    static BallotSpec multiple(long owner, String title, int max) {
        return new BallotSpec(owner, Kind.MULTIPLE, null, max, title, title + " (en)", null, null, now().minusSeconds(60),
                now().plusSeconds(3600), Eligibility.VERIFIED, null, null, Visibility.LIVE,
                List.of(new OptionSpec("하나", "One"), new OptionSpec("둘", "Two"), new OptionSpec("셋", "Three"),
                        new OptionSpec("넷", "Four")), List.of());
    }

    static BallotSpec ranked(long owner, String title) {
        return new BallotSpec(owner, Kind.RANKED, Ballot.CountingRule.BORDA, 1, title, title + " (en)", null, null,
                now().minusSeconds(60), now().plusSeconds(3600), Eligibility.VERIFIED, null, null, Visibility.LIVE,
                List.of(new OptionSpec("갑", "Alpha"), new OptionSpec("을", "Beta"), new OptionSpec("병", "Gamma")), List.of());
    }

    /** Shaped like 보령시's demo survey: up to 3 of 12 news items, a 1–5 scale, an optional comment of 500 characters. */
    static BallotSpec news(long owner, String title) {
        List<OptionSpec> items = List.of(
                new OptionSpec("보령머드축제 외국인 관광객 역대 최다", "Record foreign visitors at the Mud Festival"),
                new OptionSpec("보령해저터널 개통 이후 원산도 관광객 두 배", "Wonsando visitors doubled since the tunnel"),
                new OptionSpec("대천항 복합관광센터 준공", "Daecheon Port tourism complex completed"),
                new OptionSpec("스마트 수산양식 단지 첫 출하", "First harvest at the smart aquaculture complex"),
                new OptionSpec("귀어·귀촌 가구 증가로 인구 감소세 둔화", "More people moving in slow the decline"),
                new OptionSpec("보령댐 가뭄 대비 도수로 확충", "Boryeong Dam conduit expanded"),
                new OptionSpec("석탄화력 폐지 대응 에너지 전환 계획 발표", "Energy transition plan"),
                new OptionSpec("어린이 통학버스 전 읍면동 확대", "School buses everywhere"),
                new OptionSpec("대천해수욕장 야간 경관 조성", "Night lighting at Daecheon Beach"),
                new OptionSpec("시립도서관 새 분관 개관", "New library branch"),
                new OptionSpec("성주산 치유의 숲 개장", "Seongjusan healing forest"),
                new OptionSpec("무창포 신비의 바닷길 축제 관광객 증가", "Muchangpo sea-parting festival"));
        return new BallotSpec(owner, Kind.SURVEY, null, 1, title, title + " (en)",
                "올해 보령시의 가장 중요한 소식을 최대 3개까지 골라 주세요.", "Choose up to three news items.",
                now().minusSeconds(60), now().plusSeconds(3600), Eligibility.VERIFIED, null, null,
                Visibility.HIDDEN_UNTIL_PUBLISHED, List.of(), List.of(
                        new QuestionSpec(QuestionKind.MULTIPLE, "올해의 뉴스를 최대 3개 고르세요", "Choose up to three news items",
                                true, 3, 0, items),
                        new QuestionSpec(QuestionKind.SCALE, "올해 시정 소식을 얼마나 잘 알고 계셨나요?",
                                "How well did you know the city's news this year?", true, 1, 0, List.of()),
                        new QuestionSpec(QuestionKind.TEXT, "목록에 없는 소식이나 의견이 있으면 적어 주세요",
                                "Any news missing from the list, or a comment", false, 1, 500, List.of())));
    }

    /** A browser-like client that passed the 개발용 identity check on the portal page (it keeps the voter cookie). */
    static Http verified(int port, String testPerson, String residence) {
        Http http = Http.browser(port);
        String page = http.getPage("/participate/verify").getBody();
        var answer = http.postForm("/participate/verify", "name=" + enc("김민지") + "&birthDate=1990-03-01&testPerson="
                + enc(testPerson) + "&residenceCode=" + residence + "&consent=yes&next=%2Fparticipate&_csrf=" + csrf(page));
        if (answer.getStatusCode().value() != 302) {
            throw new IllegalStateException("identity check failed: " + answer.getStatusCode());
        }
        return http;
    }

    static String csrf(@Nullable String page) {
        var m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page == null ? "" : page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return enc(m.group(1));
    }

    /** Posts {@code body} to a portal form with the CSRF token of the page at {@code formPage}. */
    static ResponseEntity<String> post(Http http, String formPage, String action, String body) {
        String token = csrf(http.getPage(formPage).getBody());
        return http.raw().post().uri(action).contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                .body(body + (body.isEmpty() ? "" : "&") + "_csrf=" + token).retrieve().toEntity(String.class);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
