package org.pyeongga.voting.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballot.Eligibility;
import org.pyeongga.voting.Ballot.Visibility;
import org.pyeongga.voting.Ballots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's pages over HTTP, the negative cases first: no identity check, a forged or expired voter cookie, a closed
 * ballot, a second vote, someone outside the region; each shows the form again with the choice kept and stores nothing.
 */
@IntegrationTest
class PortalPageTests {

    @LocalServerPort
    int port;

    @Autowired
    Ballots ballots;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.pyeongga.voting.Tallies tallies;

    @Autowired
    org.pyeongga.account.Accounts accounts;

    long boryeong;

    @BeforeEach
    void setUp() {
        boryeong = PortalFixture.institution(registry, "보령시");
    }

    @Test
    void theHomeAndTheIdentityCheckArePublicAndTheCheckLeadsOnlyBackIntoThePortal() {
        var http = Http.browser(port);
        assertThat(http.getPage("/participate").getStatusCode().value()).isEqualTo(200);

        var own = http.getPage("/participate/verify?next=/participate/ballots/7");
        assertThat(own.getStatusCode().value()).isEqualTo(200);
        assertThat(own.getBody()).contains("name=\"next\" value=\"/participate/ballots/7\"");

        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/participate", "/admin/users",
                "/participate/verify?next=https://evil.example", "/participatex", "/participate/{x}"}) {
            var page = http.getPage("/participate/verify?next={n}", elsewhere);
            assertThat(page.getBody()).as(elsewhere).contains("name=\"next\" value=\"/participate\"")
                    .doesNotContainPattern("value=\"[^\"]*(evil|participatex|\\{x)");
        }
    }

    @Test
    void theIdentityCheckSetsAnHttpOnlyLaxCookieAndNeedsConsent() {
        var http = Http.browser(port);
        String body = "name=" + PortalFixture.enc("김민지") + "&birthDate=1990-03-01&testPerson=cookie&residenceCode=4418000000"
                + "&next=" + PortalFixture.enc("/participate/ballots/1?option=2");
        var refused = PortalFixture.post(http, "/participate/verify", "/participate/verify", body);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().get("Set-Cookie")).isNull();
        assertThat(refused.getBody()).contains("개인정보 수집·이용에 동의해야").contains("value=\"cookie\"")
                .contains("<option value=\"4418000000\" selected=\"selected\">");

        var badDate = PortalFixture.post(http, "/participate/verify", "/participate/verify",
                body.replace("1990-03-01", "1990-13-45") + "&consent=yes");
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat(badDate.getBody()).contains("href=\"#birthDate\"").contains("aria-invalid=\"true\"");

        var done = PortalFixture.post(http, "/participate/verify", "/participate/verify", body + "&consent=yes");
        assertThat(done.getStatusCode().value()).isEqualTo(302);
        assertThat(done.getHeaders().getLocation().toString()).endsWith(":" + port + "/participate/ballots/1?option=2");
        String cookie = done.getHeaders().getFirst("Set-Cookie");
        assertThat(cookie).startsWith("PYEONGGA_VOTER=").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/participate").contains("Max-Age=1800").doesNotContain("Secure");
        assertThat(http.getPage("/participate").getBody()).contains("본인확인이 되어 있습니다");

        var ended = PortalFixture.post(http, "/participate/verify", "/participate/verify/end", "");
        assertThat(ended.getHeaders().getFirst("Set-Cookie")).contains("Max-Age=0");
    }

    @Test
    void withoutAValidIdentityCheckTheBallotLeadsToTheCheckAndACastStoresNothing() {
        long id = PortalFixture.open(ballots, PortalFixture.single(boryeong, "포털 시험: 확인 없이", Eligibility.VERIFIED, null,
                Visibility.HIDDEN_UNTIL_PUBLISHED));
        long option = ballots.ballot(id).options().get(1).id();

        var anonymous = Http.browser(port).getPage("/participate/ballots/{id}?option={o}", id, option);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(302);
        assertThat(anonymous.getHeaders().getLocation().toString()).endsWith(":" + port + "/participate/verify?next="
                + PortalFixture.enc("/participate/ballots/" + id + "?option=" + option));

        var forged = Http.browser(port);
        String token = "djEKZmFrZQ.bm90LWEtbWFj";
        var page = forged.raw().get().uri("/participate/ballots/{id}", id).header("Cookie", "PYEONGGA_VOTER=" + token)
                .retrieve().toEntity(String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(302);
        assertThat(String.valueOf(page.getHeaders().getLocation())).endsWith("&expired");

        String csrf = PortalFixture.csrf(forged.getPage("/participate/verify").getBody());
        var cast = forged.raw().post().uri("/participate/ballots/{id}", id).header("Cookie", "PYEONGGA_VOTER=" + token)
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body("option=" + option + "&_csrf=" + csrf).retrieve().toEntity(String.class);
        assertThat(cast.getStatusCode().value()).isEqualTo(403);
        assertThat(cast.getBody()).contains("본인확인이 만료되었습니다")
                .containsPattern("value=\"" + option + "\" checked=\"checked\"")
                .contains("/participate/verify?next=");
        assertThat(participations(id)).isZero();
    }

    @Test
    void aSecondVoteAClosedBallotAndAnOutsiderAreToldWhyWithTheirChoiceKept() {
        long id = PortalFixture.open(ballots, PortalFixture.single(boryeong, "포털 시험: 두 번", Eligibility.VERIFIED, null,
                Visibility.HIDDEN_UNTIL_PUBLISHED));
        long option = ballots.ballot(id).options().get(2).id();
        Http citizen = PortalFixture.verified(port, "twice-" + id, "");
        String path = "/participate/ballots/" + id;

        var first = PortalFixture.post(citizen, "/participate/verify", path, "option=" + option);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(first.getBody()).contains("투표가 접수되었습니다").containsPattern("id=\"pt-code\">[A-Z0-9-]{19}<");

        var again = PortalFixture.post(citizen, "/participate/verify", path, "option=" + option);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("이미 참여하셨습니다").containsPattern("value=\"" + option + "\" checked=\"checked\"");
        assertThat(participations(id)).isEqualTo(1);

        var empty = PortalFixture.post(citizen, "/participate/verify", path, "");
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody()).contains("href=\"#option\"").contains("선택지를 하나 골라 주세요");

        long region = PortalFixture.open(ballots, PortalFixture.single(boryeong, "포털 시험: 주민만", Eligibility.REGION, "44180",
                Visibility.HIDDEN_UNTIL_PUBLISHED));
        long regionOption = ballots.ballot(region).options().getFirst().id();
        Http outsider = PortalFixture.verified(port, "outsider-" + id, "4423000000");
        var refused = PortalFixture.post(outsider, "/participate/verify", "/participate/ballots/" + region, "option=" + regionOption);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("참여할 자격이 없습니다").containsPattern("value=\"" + regionOption + "\" checked=\"checked\"");
        Http resident = PortalFixture.verified(port, "resident-" + id, "4418000000");
        assertThat(PortalFixture.post(resident, "/participate/verify", "/participate/ballots/" + region, "option=" + regionOption)
                .getStatusCode().value()).isEqualTo(200);

        long closed = PortalFixture.open(ballots, PortalFixture.single(boryeong, "포털 시험: 마감", Eligibility.VERIFIED, null,
                Visibility.HIDDEN_UNTIL_PUBLISHED));
        jdbc.sql("update voting_ballot set opens_at = now() - interval '2 hours', closes_at = date_trunc('second', now()) - interval '1 second' where id = :id")
                .param("id", closed).update();
        long closedOption = ballots.ballot(closed).options().getFirst().id();
        var closedPage = citizen.getPage("/participate/ballots/{id}", closed);
        assertThat(closedPage.getStatusCode().value()).isEqualTo(200);
        assertThat(closedPage.getBody()).contains("투표가 끝났습니다").doesNotContain("name=\"option\"");
        var late = PortalFixture.post(citizen, "/participate/verify", "/participate/ballots/" + closed, "option=" + closedOption);
        assertThat(late.getStatusCode().value()).isEqualTo(409);
        assertThat(late.getBody()).contains("투표가 마감되었습니다");
        assertThat(participations(closed)).isZero();
    }

    @Test
    void theReceiptCheckSaysCountedWithoutTheChoiceAndUnknownCodesAreNotFound() {
        long id = PortalFixture.open(ballots, PortalFixture.single(boryeong, "포털 시험: 확인번호", Eligibility.VERIFIED, null,
                Visibility.HIDDEN_UNTIL_PUBLISHED));
        Ballot ballot = ballots.ballot(id);
        Http citizen = PortalFixture.verified(port, "receipt-" + id, "");
        var receipt = PortalFixture.post(citizen, "/participate/verify", "/participate/ballots/" + id,
                "option=" + ballot.options().get(1).id());
        var m = java.util.regex.Pattern.compile("id=\"pt-code\">([A-Z0-9-]+)<").matcher(receipt.getBody());
        assertThat(m.find()).isTrue();

        var check = Http.browser(port).getPage("/participate/receipts?code={c}", m.group(1).toLowerCase());
        assertThat(check.getStatusCode().value()).isEqualTo(200);
        assertThat(check.getBody()).contains("집계에 반영되었습니다").contains("포털 시험: 확인번호")
                .doesNotContain("나안: 공원");
        var unknown = Http.browser(port).getPage("/participate/receipts?code=AAAA-BBBB-CCCC-DDDD");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("이 확인번호를 찾을 수 없습니다");
    }

    @Test
    void hiddenResultsShowNoCountAnywhereUntilPublishedThenTheChartAndTable() {
        long id = PortalFixture.open(ballots, PortalFixture.single(boryeong, "포털 시험: 결과 숨김", Eligibility.VERIFIED, null,
                Visibility.HIDDEN_UNTIL_PUBLISHED));
        Ballot ballot = ballots.ballot(id);
        for (int i = 0; i < 3; i++) {
            Http citizen = PortalFixture.verified(port, "hidden-" + id + "-" + i, "");
            assertThat(PortalFixture.post(citizen, "/participate/verify", "/participate/ballots/" + id,
                    "option=" + ballot.options().get(i == 2 ? 0 : 1).id()).getStatusCode().value()).isEqualTo(200);
        }
        tallies.recount(id);
        String path = "/participate/ballots/" + id + "/results";
        var hidden = Http.browser(port).getPage(path);
        assertThat(hidden.getStatusCode().value()).isEqualTo(200);
        assertThat(hidden.getBody()).contains("결과는 공개 후 확인할 수 있습니다").doesNotContain("pt-chart")
                .doesNotContain("<table").doesNotContain("집계된 표").doesNotContain("pt-bar").doesNotContain("66.7")
                .doesNotContain("33.3");
        // The same for a signed-in manager of the owner (the gate is the same for everyone).
        var manager = Http.signedIn(port, org.pyeongga.support.TestUsers.admin(accounts)).getPage(path);
        assertThat(manager.getBody()).contains("결과는 공개 후 확인할 수 있습니다").doesNotContain("pt-chart");

        jdbc.sql("update voting_ballot set opens_at = now() - interval '2 hours', closes_at = date_trunc('second', now()) - interval '1 second' where id = :id")
                .param("id", id).update();
        tallies.publish(id);
        var published = Http.browser(port).getPage(path);
        assertThat(published.getBody()).doesNotContain("결과는 공개 후 확인할 수 있습니다").contains("pt-chart")
                .containsPattern("<th scope=\"row\">나안: 공원</th>\\s*<td class=\"pt-num\">2</td>\\s*<td class=\"pt-num\">66.7%</td>")
                .containsPattern("class=\"pt-counted\">3<");
        assertThat(Http.browser(port).getPage("/participate").getBody()).contains(path);
    }

    @Test
    void aVoteNeedsNoSessionButCrossSiteFormsAreRefused() {
        long id = PortalFixture.open(ballots, PortalFixture.single(boryeong, "포털 시험: 세션 없이", Eligibility.VERIFIED, null,
                Visibility.HIDDEN_UNTIL_PUBLISHED));
        long option = ballots.ballot(id).options().getFirst().id();
        // The identity check and the vote from a client that never loaded a page: no session, no CSRF token.
        var plain = new Http(port).raw();
        var verified = plain.post().uri("/participate/verify").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("name=" + PortalFixture.enc("박서준") + "&birthDate=1985-07-07&testPerson=nosession-" + id + "&consent=yes")
                .retrieve().toEntity(String.class);
        assertThat(verified.getStatusCode().value()).isEqualTo(302);
        String cookie = verified.getHeaders().getFirst("Set-Cookie").split(";")[0];

        for (String[] header : new String[][] {{"Origin", "https://evil.example"}, {"Sec-Fetch-Site", "cross-site"},
                {"Sec-Fetch-Site", "same-site"}}) {
            var forged = plain.post().uri("/participate/ballots/{id}", id).header("Cookie", cookie).header(header[0], header[1])
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML).body("option=" + option)
                    .retrieve().toEntity(String.class);
            assertThat(forged.getStatusCode().value()).as(header[0] + ": " + header[1]).isEqualTo(403);
        }
        assertThat(participations(id)).isZero();

        var vote = plain.post().uri("/participate/ballots/{id}", id).header("Cookie", cookie)
                .header("Origin", "http://localhost:" + port).header("Sec-Fetch-Site", "same-origin")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML).body("option=" + option)
                .retrieve().toEntity(String.class);
        assertThat(vote.getStatusCode().value()).isEqualTo(200);
        assertThat(vote.getBody()).contains("투표가 접수되었습니다");
        assertThat(participations(id)).isEqualTo(1);
    }

    @Test
    void aStaffBallotTakesItsInstitutionsSignedInStaffNotCitizensNorOtherInstitutions() {
        long gunsan = PortalFixture.institution(registry, "군산시");
        String boryeongClerk = "clerk@boryeong.portal.test.pyeongga.kr";
        String gunsanClerk = "clerk@gunsan.portal.test.pyeongga.kr";
        for (var p : new Object[][] {{boryeongClerk, boryeong}, {gunsanClerk, gunsan}}) {
            if (!accounts.exists((String) p[0])) {
                accounts.create((String) p[0], "시험 직원", org.pyeongga.support.TestUsers.PASSWORD,
                        java.util.Set.of(new org.pyeongga.core.Membership((Long) p[1], org.pyeongga.core.Role.HR_OFFICER)));
            }
        }
        var spec = PortalFixture.single(boryeong, "포털 시험: 직원 투표", Eligibility.STAFF, null, Visibility.HIDDEN_UNTIL_PUBLISHED);
        long id = PortalFixture.open(ballots, new org.pyeongga.voting.BallotSpec(spec.ownerInstitutionId(), spec.kind(), null, 1,
                spec.titleKo(), spec.titleEn(), null, null, spec.opensAt(), spec.closesAt(), Eligibility.STAFF, null, boryeong,
                Visibility.HIDDEN_UNTIL_PUBLISHED, spec.options(), java.util.List.of()));
        long option = ballots.ballot(id).options().getFirst().id();
        String path = "/participate/ballots/" + id;

        Http citizen = PortalFixture.verified(port, "staffballot-" + id, "4418000000");
        assertThat(citizen.getPage(path).getHeaders().getLocation().toString()).endsWith("/login");
        var refused = PortalFixture.post(citizen, "/participate/verify", path, "option=" + option);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("기관 직원만 참여합니다").doesNotContain("/participate/verify?next=");

        Http other = Http.signedIn(port, gunsanClerk);
        var otherAnswer = PortalFixture.post(other, "/participate/verify", path, "option=" + option);
        assertThat(otherAnswer.getStatusCode().value()).isEqualTo(403);
        assertThat(otherAnswer.getBody()).contains("참여할 자격이 없습니다");
        assertThat(participations(id)).isZero();

        Http clerk = Http.signedIn(port, boryeongClerk);
        assertThat(clerk.getPage(path).getBody()).contains("name=\"option\"");
        assertThat(PortalFixture.post(clerk, "/participate/verify", path, "option=" + option).getBody()).contains("투표가 접수되었습니다");
        assertThat(participations(id)).isEqualTo(1);
    }

    long participations(long ballot) {
        return jdbc.sql("select count(*) from voting_participation where ballot_id = :b").param("b", ballot)
                .query(Long.class).single();
    }
}
