package org.pyeongga.voting.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.BallotSpec;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.Overloaded;
import org.pyeongga.voting.Tallies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The voting API's edges: overload answers 503 with Retry-After and a Korean/English problem detail; every voting
 * endpoint is in the OpenAPI document with a summary; a ranked ballot's stored tally (rounds) reads back through the
 * results API; a signed-in staff member votes on their institution's staff ballot without a voter token.
 */
@IntegrationTest
class VotingApiTests {

    @Autowired
    VotingApi api;

    @Autowired
    Ballots ballots;

    @Autowired
    Tallies tallies;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    long boryeong() {
        return registry.search(new InstitutionQuery(java.time.LocalDate.parse("2024-12-31"), null, null, null, "보령시", false), 0, 50)
                .items().stream().filter(i -> i.name().equals("보령시")).findFirst().orElseThrow().id();
    }

    @Test
    void overloadAnswers503WithRetryAfterInKoreanAndEnglish() {
        var answer = api.overloaded(new Overloaded(4));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("4");
        assertThat(answer.getBody().getDetail()).contains("4초 뒤");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "voting.overloaded")
                .containsEntry("retryAfterSeconds", 4);
        assertThat(String.valueOf(answer.getBody().getProperties().get("detailEn"))).contains("try again in 4 seconds");
    }

    @Test
    void everyVotingEndpointIsDocumented() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) new Http(port)
                .getJson("/api-docs").getBody().get("paths");
        assertThat(paths).containsKeys("/api/v1/voting/identity", "/api/v1/voting/ballots", "/api/v1/voting/ballots/{id}",
                "/api/v1/voting/ballots/{id}/votes", "/api/v1/voting/ballots/{id}/results", "/api/v1/voting/receipts/{code}",
                "/api/v1/voting/admin/ballots/{id}/abuse-report", "/api/v1/voting/admin/ballots/{id}/voids",
                "/api/v1/voting/admin/ballots/{id}/publish", "/api/v1/voting/admin/ballots/{id}/paper-votes");
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/v1/voting") && !path.startsWith("/api/v1/voting/proposals")) {
                operations.values().forEach(op -> assertThat(op).as(path).containsKey("summary"));
            }
        });
    }

    @Test
    void aRankedTallyReadsBackWithItsRoundsAndStaffVoteOnTheirBallotWithoutAToken() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long owner = boryeong();
        long ranked = ballots.create(new BallotSpec(owner, Ballot.Kind.RANKED, Ballot.CountingRule.INSTANT_RUNOFF, 1,
                "순위 투표 API", "Ranked API", null, null, now.minusSeconds(5), now.plusSeconds(3600), Ballot.Eligibility.STAFF,
                null, owner, Ballot.Visibility.LIVE, List.of(new BallotSpec.OptionSpec("가", "A"),
                        new BallotSpec.OptionSpec("나", "B"), new BallotSpec.OptionSpec("다", "C")), List.of()));
        ballots.open(ranked);
        List<Long> options = ballots.ballot(ranked).options().stream().map(Ballot.Option::id).toList();
        String clerk = "ranked.clerk@boryeong.voting.test.pyeongga.kr";
        if (!accounts.exists(clerk)) {
            accounts.create(clerk, "보령시 직원 (시험)", TestUsers.PASSWORD, Set.of(new Membership(owner, Role.HR_OFFICER)));
        }
        var staffVote = Http.api(port, clerk).raw().post().uri("/api/v1/voting/ballots/{id}/votes", ranked)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("options", List.of(options.get(2), options.get(0))))
                .retrieve().toEntity(String.class);
        assertThat(staffVote.getStatusCode().value()).as(staffVote.getBody()).isEqualTo(201);
        var again = Http.api(port, clerk).raw().post().uri("/api/v1/voting/ballots/{id}/votes", ranked)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("options", List.of(options.get(1))))
                .retrieve().toEntity(String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        // an administrator of another institution is not staff of this one
        var outsider = Http.api(port, TestUsers.admin(accounts)).raw().post().uri("/api/v1/voting/ballots/{id}/votes", ranked)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("options", List.of(options.get(1))))
                .retrieve().toEntity(String.class);
        assertThat(outsider.getStatusCode().value()).isIn(401, 403);

        tallies.recount(ranked);
        var results = new Http(port).getJson("/api/v1/voting/ballots/{id}/results", ranked).getBody();
        assertThat(results).containsEntry("visible", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> tally = (Map<String, Object>) results.get("tally");
        @SuppressWarnings("unchecked")
        Map<String, Object> outcome = (Map<String, Object>) tally.get("ranked");
        assertThat(outcome).containsEntry("rule", "INSTANT_RUNOFF").containsEntry("winnerId", options.get(2).intValue());
        assertThat((List<?>) outcome.get("rounds")).hasSize(1);
    }
}
