package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The decision and incentive API over HTTP: the committee decides, HR applies, others get 403, the PDF downloads. */
@IntegrationTest
class AwardApiIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    InstitutionRegistry registry;

    @LocalServerPort
    int port;

    AwardFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new AwardFixture(jdbc, accounts, users, registry);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCommitteeDecidesAndHrAppliesOverTheApi() {
        var b = fixture.boryeong2024(UUID.randomUUID().toString());
        Http committee = Http.api(port, AwardFixture.COMMITTEE);
        Http hr = Http.api(port, AwardFixture.HR);
        Http otherHr = Http.api(port, AwardFixture.OTHER_HR);
        String base = "/api/v1/contests/admin/" + b.contest();

        assertThat(hr.postJson(base + "/awardees/" + b.tax() + "/1/applied", Map.of("appliedOn", "2024-07-01"))
                .getStatusCode().value()).isEqualTo(409);
        var attendees = AwardFixture.committee(4).stream().map(a -> Map.of("name", a.name(), "affiliation",
                a.affiliation().name(), "roleKo", a.roleKo(), "present", a.present())).toList();
        var awards = b.awards().stream().map(a -> Map.of("entryId", a.entryId(), "tierRank", a.tierRank())).toList();
        var decision = Map.of("meetingDate", "2024-06-20", "outcome", "DECIDED", "attendees", attendees, "awards", awards);
        assertThat(hr.postJson(base + "/decision", decision).getStatusCode().value()).isEqualTo(403);
        var created = committee.postJson(base + "/decision", decision);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        var quorumless = Map.of("meetingDate", "2024-06-20", "outcome", "DECIDED", "attendees",
                AwardFixture.committee(2).stream().map(a -> Map.of("name", a.name(), "affiliation", a.affiliation().name(),
                        "roleKo", a.roleKo(), "present", a.present())).toList(), "awards", awards, "correctionReason", "재의결");
        var refused = committee.postJson(base + "/decision", quorumless);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(String.valueOf(refused.getBody())).contains("의사정족수");

        assertThat(committee.raw().put().uri(base + "/incentives/offers/1").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("codes", List.of("SPECIAL_PROMOTION", "PERFORMANCE_BONUS_S"))).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(204);
        String person = base + "/awardees/" + b.tax() + "/1";
        assertThat(hr.postJson(person + "/wish", Map.of("code", "SPECIAL_PROMOTION")).getStatusCode().value()).isEqualTo(204);
        assertThat(otherHr.postJson(person + "/eligibility", Map.of("eligible", true, "basis", "「지방공무원 임용령」"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(hr.postJson(person + "/eligibility", Map.of("eligible", true, "basis", "「지방공무원 임용령」"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(otherHr.postJson(person + "/applied", Map.of("appliedOn", "2024-07-01")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(hr.postJson(person + "/applied", Map.of("appliedOn", "2024-07-01")).getStatusCode().value()).isEqualTo(204);

        var overview = hr.getJson(base + "/incentives");
        assertThat(overview.getStatusCode().value()).isEqualTo(200);
        var half = (Map<String, Object>) overview.getBody().get("halfRule");
        assertThat(half).containsEntry("selected", 7).containsEntry("substantialApplied", 1).containsEntry("met", false);
        assertThat(otherHr.getJson(base + "/incentives").getStatusCode().value()).isEqualTo(403);

        var pdf = hr.raw().get().uri(base + "/certificates/" + b.tax() + "/1").retrieve().toEntity(byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdf.getBody()).startsWith("%PDF".getBytes());
        assertThat(otherHr.raw().get().uri(base + "/certificates/" + b.tax() + "/1").retrieve().toEntity(byte[].class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(new Http(port).getJson(base + "/incentives").getStatusCode().value()).isEqualTo(401);
        // Decided but not published: the public API and page know nothing of it.
        assertThat(new Http(port).getJson("/api/v1/contests/" + b.contest() + "/results").getStatusCode().value()).isEqualTo(404);
        assertThat(new Http(port).getPage("/contests/" + b.contest()).getStatusCode().value()).isEqualTo(404);
        assertThat(committee.postJson(base + "/publish", Map.of()).getStatusCode().value()).isEqualTo(204);
        var published = new Http(port).getJson("/api/v1/contests/" + b.contest() + "/results");
        assertThat(published.getStatusCode().value()).isEqualTo(200);
        assertThat(String.valueOf(published.getBody())).contains("농어촌민박을 가장한", "세무과").doesNotContain("김세원", "민간위원");
    }
}
