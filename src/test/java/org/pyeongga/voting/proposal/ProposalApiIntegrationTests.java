package org.pyeongga.voting.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pyeongga.voting.proposal.ProposalFixture.GUNSAN_REGION;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.VoterTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * 정책장터 over HTTP with voter tokens (header {@code X-Pyeongga-Voter}) and the portal cookie: proposing, supporting
 * once, withdrawing; missing, expired and forged tokens refused in Korean and English, changing nothing; the pages of
 * a hidden proposal answer 404 to everyone but its author.
 */
@IntegrationTest
class ProposalApiIntegrationTests {

    @Autowired
    Proposals proposals;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    VoterTokens tokens;

    @LocalServerPort
    int port;

    long gunsan;

    @BeforeEach
    void institution() {
        gunsan = ProposalFixture.institution(registry, "군산시");
    }

    String token(String testPerson, String residence) {
        var answer = new Http(port).postJson("/api/v1/voting/identity",
                Map.of("name", "이서연", "birthDate", "1988-07-12", "testPerson", testPerson, "residenceCode", residence));
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return (String) answer.getBody().get("voterToken");
    }

    ResponseEntity<Map<String, Object>> call(HttpMethod method, String uri, @Nullable String token, @Nullable Object body,
            Object... vars) {
        var request = new Http(port).raw().method(method).uri(uri, vars).accept(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (token != null) {
                        h.set(VoterTokens.HEADER, token);
                    }
                });
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(new ParameterizedTypeReference<>() { });
    }

    long count(long proposal) {
        return proposals.view(proposal, null).proposal().supportCount();
    }

    @Test
    void citizensProposeSupportOnceAndWithdrawWithAVoterToken() {
        long board = ProposalFixture.board(proposals, gunsan, "API 시험", 50, GUNSAN_REGION);
        String author = token("api-author", "5213000000");
        var created = call(HttpMethod.POST, "/api/v1/voting/proposals", author,
                Map.of("boardId", board, "title", "공공 와이파이 확대", "body", "전통시장에 공공 와이파이를.", "category", "ECONOMY_JOBS"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long id = ((Number) created.getBody().get("id")).longValue();
        assertThat(count(id)).isEqualTo(1);

        String supporter = token("api-supporter", "5213000000");
        var supported = call(HttpMethod.POST, "/api/v1/voting/proposals/{id}/supports", supporter, null, id);
        assertThat(supported.getStatusCode().value()).isEqualTo(201);
        assertThat(supported.getBody()).containsEntry("supportCount", 2).containsEntry("supported", true);
        // The same person with a new token (a second identity check) is the same key: refused.
        var again = call(HttpMethod.POST, "/api/v1/voting/proposals/{id}/supports", token("api-supporter", "5213000000"), null, id);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).containsEntry("code", "proposal.support.duplicate");
        var own = call(HttpMethod.POST, "/api/v1/voting/proposals/{id}/supports", author, null, id);
        assertThat(own.getStatusCode().value()).isEqualTo(409);

        var view = call(HttpMethod.GET, "/api/v1/voting/proposals/{id}", supporter, null, id).getBody();
        assertThat(view).containsEntry("mine", false).containsEntry("supported", true);
        assertThat(view.toString()).contains("supportCount=2").doesNotContain("voterKey").doesNotContain("authorKey");
        var withdrawn = call(HttpMethod.DELETE, "/api/v1/voting/proposals/{id}/supports", supporter, null, id);
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
        assertThat(withdrawn.getBody()).containsEntry("supportCount", 1).containsEntry("supported", false);

        // A resident of 논산시 may not take part in 군산시's board.
        var outsider = call(HttpMethod.POST, "/api/v1/voting/proposals/{id}/supports", token("api-outsider", "4423000000"), null, id);
        assertThat(outsider.getStatusCode().value()).isEqualTo(403);
        assertThat(outsider.getBody()).containsEntry("code", "proposal.ineligible");
        assertThat(count(id)).isEqualTo(1);
    }

    @Test
    void missingExpiredOrForgedTokensAreRefusedAndChangeNothing() {
        long board = ProposalFixture.board(proposals, gunsan, "토큰 시험", 50, null);
        long id = proposals.submit(board, ProposalFixture.citizen("token-author"),
                new ProposalModel.NewProposal("벤치 설치", "버스 정류장에 벤치를", ProposalModel.Category.WELFARE));
        var voter = new Voter(ProposalFixture.citizen("token-supporter").key(), null, Set.of());
        String expired = tokens.issue(voter, Instant.now().minus(VoterTokens.VALIDITY).minus(Duration.ofMinutes(1)));
        String valid = tokens.issue(voter, Instant.now());
        String forged = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
        String otherKey = tokens.issue(new Voter(ProposalFixture.citizen("token-other").key(), null, Set.of()), Instant.now());
        String spliced = otherKey.substring(0, otherKey.indexOf('.')) + valid.substring(valid.indexOf('.'));

        var missing = call(HttpMethod.POST, "/api/v1/voting/proposals/{id}/supports", null, null, id);
        assertThat(missing.getStatusCode().value()).isEqualTo(401);
        assertThat(missing.getBody()).containsEntry("code", "proposal.voter.missing")
                .containsEntry("detail", "본인확인이 필요합니다 (X-Pyeongga-Voter 헤더에 투표권 토큰).")
                .containsEntry("detailEn", "An identity check is needed (a voter token in the X-Pyeongga-Voter header).");
        for (String bad : new String[] {expired, forged, spliced, "not-a-token"}) {
            var refused = call(HttpMethod.POST, "/api/v1/voting/proposals/{id}/supports", bad, null, id);
            assertThat(refused.getStatusCode().value()).as(bad).isEqualTo(401);
            assertThat(refused.getBody()).containsEntry("code", "proposal.voter.invalid")
                    .containsEntry("detail", "본인확인이 만료되었거나 올바르지 않습니다. 다시 본인확인을 해 주세요.")
                    .containsEntry("detailEn", "Your identity check has expired or is not valid. Please verify again.");
            assertThat(call(HttpMethod.POST, "/api/v1/voting/proposals", bad,
                    Map.of("boardId", board, "title", "제목", "body", "내용", "category", "OTHER"), id).getStatusCode().value())
                    .isEqualTo(401);
        }
        assertThat(count(id)).isEqualTo(1);
        assertThat(proposals.mine(board, ProposalFixture.citizen("token-supporter"))).isEmpty();
        // The valid one works.
        assertThat(call(HttpMethod.POST, "/api/v1/voting/proposals/{id}/supports", valid, null, id).getStatusCode().value())
                .isEqualTo(201);
    }

    @Test
    void badInputIsAnsweredInKoreanAndEnglish() {
        long board = ProposalFixture.board(proposals, gunsan, "API 입력 시험", 50, null);
        String citizen = token("api-bad-input", "5213000000");
        var longTitle = call(HttpMethod.POST, "/api/v1/voting/proposals", citizen,
                Map.of("boardId", board, "title", "가".repeat(101), "body", "내용", "category", "OTHER"));
        assertThat(longTitle.getStatusCode().value()).isEqualTo(400);
        assertThat(longTitle.getBody()).containsEntry("code", "proposal.title.invalid")
                .containsEntry("detail", "제목을 1자 이상 100자 이하로 쓰세요.")
                .containsEntry("detailEn", "Give a title of 1 to 100 characters.");
        var noCategory = call(HttpMethod.POST, "/api/v1/voting/proposals", citizen,
                Map.of("boardId", board, "title", "제목", "body", "내용"));
        assertThat(noCategory.getBody()).containsEntry("code", "proposal.category.invalid");
        var unknownBoard = call(HttpMethod.POST, "/api/v1/voting/proposals", citizen,
                Map.of("boardId", 999_999, "title", "제목", "body", "내용", "category", "OTHER"));
        assertThat(unknownBoard.getStatusCode().value()).isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/v1/voting/proposals?board={b}", null, null, board).getBody())
                .containsEntry("total", 0);
    }

    @Test
    void aHiddenProposalsPageIsOnlyForItsAuthor() {
        long board = ProposalFixture.board(proposals, gunsan, "페이지 숨김 시험", 50, null);
        String author = token("page-author", "5213000000");
        long id = ((Number) call(HttpMethod.POST, "/api/v1/voting/proposals", author,
                Map.of("boardId", board, "title", "숨길 제안", "body", "내용", "category", "OTHER")).getBody().get("id")).longValue();
        proposals.hide(id, "개인정보가 들어 있습니다.");
        assertThat(new Http(port).getPage("/participate/proposals/{id}", id).getStatusCode().value()).isEqualTo(404);
        assertThat(new Http(port).getPage("/participate/proposals/boards/{b}", board).getBody()).doesNotContain("숨길 제안");
        var asAuthor = new Http(port).raw().get().uri("/participate/proposals/{id}", id).accept(MediaType.TEXT_HTML)
                .header("Cookie", VoterTokens.COOKIE + "=" + author).retrieve().toEntity(String.class);
        assertThat(asAuthor.getStatusCode().value()).isEqualTo(200);
        assertThat(asAuthor.getBody()).contains("숨길 제안").contains("개인정보가 들어 있습니다.");
        var other = new Http(port).raw().get().uri("/participate/proposals/{id}", id).accept(MediaType.TEXT_HTML)
                .header("Cookie", VoterTokens.COOKIE + "=" + token("page-other", "5213000000")).retrieve()
                .toEntity(String.class);
        assertThat(other.getStatusCode().value()).isEqualTo(404);
        assertThat(call(HttpMethod.GET, "/api/v1/voting/proposals/{id}", author, null, id).getBody())
                .containsEntry("mine", true).extractingByKey("proposal").asString().contains("hiddenReason=개인정보가 들어 있습니다.");
    }
}
