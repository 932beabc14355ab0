package org.pyeongga.voting.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.VoterKey;
import org.pyeongga.core.Digests;
import org.pyeongga.core.ProblemResponses;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.BallotSpec;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.Overloaded;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.VoterTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Votes with a voter token are served by {@link VoteFastPath} ahead of Spring Security and MVC: the same answers as
 * the documented API (201 receipt, 409 duplicate, 401 bad token, 404 unknown ballot, 400 unreadable body, 503 with
 * Retry-After), in Korean and English, with no session and no cookie; requests without a token go on to the API.
 */
@IntegrationTest
class VoteFastPathTests {

    @LocalServerPort
    int port;

    @Autowired
    Ballots ballots;

    @Autowired
    VoterTokens tokens;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    ProblemResponses problems;

    @Autowired
    JsonMapper json;

    long openBallot() {
        long owner = registry.search(new InstitutionQuery(LocalDate.parse("2024-12-31"), null, null, null, "보령시", false), 0, 50)
                .items().stream().filter(i -> i.name().equals("보령시")).findFirst().orElseThrow().id();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long id = ballots.create(new BallotSpec(owner, Ballot.Kind.SINGLE, null, 1, "빠른 경로 투표", "Fast path vote", null, null,
                now.minusSeconds(60), now.plusSeconds(3600), Ballot.Eligibility.VERIFIED, null, null,
                Ballot.Visibility.HIDDEN_UNTIL_PUBLISHED,
                List.of(new BallotSpec.OptionSpec("가", "A"), new BallotSpec.OptionSpec("나", "B")), List.of()));
        ballots.open(id);
        return id;
    }

    String token() {
        var voter = new Voter(new VoterKey(Digests.sha256Hex(UUID.randomUUID().toString())), null, Set.of());
        return tokens.issue(voter, Instant.now());
    }

    ResponseEntity<String> vote(long ballot, String token, String body) {
        return new Http(port).raw().post().uri("/api/v1/voting/ballots/{id}/votes", ballot)
                .contentType(MediaType.APPLICATION_JSON).header(VoterTokens.HEADER, token).body(body)
                .retrieve().toEntity(String.class);
    }

    @Test
    void aTokenVoteIsAcknowledgedWithoutSessionAndASecondIsRefused() {
        long ballot = openBallot();
        long option = ballots.ballot(ballot).options().getFirst().id();
        String token = token();

        var first = vote(ballot, token, "{\"options\":[" + option + "]}");
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
        assertThat(json.readValue(first.getBody(), Map.class).get("receipt").toString()).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
        assertThat(first.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(first.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(first.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();

        var again = vote(ballot, token, "{\"options\":[" + option + "]}");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(again.getBody()).contains("\"code\":\"voting.duplicate\"", "detailEn");
    }

    @Test
    void badTokensBodiesAndBallotsGetProblemsInKoreanAndEnglish() {
        long ballot = openBallot();
        long option = ballots.ballot(ballot).options().getFirst().id();

        var forged = vote(ballot, token() + "x", "{\"options\":[" + option + "]}");
        assertThat(forged.getStatusCode().value()).isEqualTo(401);
        assertThat(forged.getBody()).contains("voting.token.invalid");

        var unreadable = vote(ballot, token(), "{\"options\":[");
        assertThat(unreadable.getStatusCode().value()).isEqualTo(400);
        assertThat(unreadable.getBody()).contains("\"code\":\"error.body\"", "detailEn");

        var unknown = vote(Long.MAX_VALUE / 2, token(), "{\"options\":[" + option + "]}");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);

        var notAnOption = vote(ballot, token(), "{\"options\":[-1]}");
        assertThat(notAnOption.getStatusCode().value()).isEqualTo(400);
        assertThat(notAnOption.getBody()).contains("voting.choice.unknownOption");
    }

    @Test
    void withoutATokenTheRequestGoesOnToTheApiWhichAsksForOne() {
        long ballot = openBallot();
        var anonymous = new Http(port).raw().post().uri("/api/v1/voting/ballots/{id}/votes", ballot)
                .contentType(MediaType.APPLICATION_JSON).body("{\"options\":[1]}").retrieve().toEntity(String.class);
        assertThat(anonymous.getStatusCode().value()).isIn(401, 403);
    }

    @Test
    void onlyJsonBodiesTakeTheFastPath() {
        assertThat(VoteFastPath.json("application/json")).isTrue();
        assertThat(VoteFastPath.json("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(VoteFastPath.json("application/json-patch+json")).isFalse();
        assertThat(VoteFastPath.json("application/x-www-form-urlencoded")).isFalse();
        assertThat(VoteFastPath.json(null)).isFalse();
    }

    @Test
    void overloadAnswers503WithRetryAfter() throws Exception {
        var filter = new VoteFastPath((id, request, token, http) -> {
            throw new Overloaded(4);
        }, problems, json);
        var request = new MockHttpServletRequest("POST", "/api/v1/voting/ballots/7/votes");
        request.addHeader(VoterTokens.HEADER, "token");
        request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        request.setContent("{\"options\":[1]}".getBytes());
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("not passed on").isNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("4");
        String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).contains("\"code\":\"voting.overloaded\"", "4초", "try again in 4 seconds");
    }
}
