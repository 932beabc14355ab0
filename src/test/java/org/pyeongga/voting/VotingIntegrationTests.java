package org.pyeongga.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.Ballot.Eligibility;
import org.pyeongga.voting.Ballot.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Voting on the real database and over HTTP: identity → voter token → vote → receipt; one vote per key (the second is
 * refused and recorded as a rejected attempt); the closing time to the second by the received-at instant; eligibility;
 * forged and missing tokens; invalid choices; drafts unknown to voters; only the owner's managers change a ballot.
 */
@IntegrationTest
class VotingIntegrationTests {

    @Autowired
    Ballots ballots;

    @Autowired
    VoteCasting casting;

    @Autowired
    VoterTokens tokens;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.pyeongga.core.CurrentActor actors;

    @LocalServerPort
    int port;

    long boryeong;
    long gunsan;

    @BeforeEach
    void setUp() {
        boryeong = VotingFixture.institution(registry, "보령시");
        gunsan = VotingFixture.institution(registry, "군산시");
        VotingFixture.people(accounts, registry);
    }

    long openBallot(BallotSpec spec) {
        long id = ballots.create(spec);
        ballots.open(id);
        return id;
    }

    String token(String testPerson, String residence) {
        var answer = new Http(port).postJson("/api/v1/voting/identity",
                Map.of("name", "김민지", "birthDate", "1990-03-01", "testPerson", testPerson, "residenceCode", residence));
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsKeys("voterToken", "expiresAt");
        return (String) answer.getBody().get("voterToken");
    }

    ResponseEntity<Map<String, Object>> vote(long ballot, String token, Object body) {
        return new Http(port).raw().post().uri("/api/v1/voting/ballots/{id}/votes", ballot)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (token != null) {
                        h.set(VoterTokens.HEADER, token);
                    }
                }).body(body).retrieve().toEntity(new ParameterizedTypeReference<>() { });
    }

    @Test
    void aVerifiedCitizenVotesOnceAndTheReceiptSaysCountedButNotTheChoice() {
        long id = openBallot(VotingFixture.single(boryeong, "시민 투표 한 번만"));
        Ballot ballot = ballots.ballot(id);
        String token = token("once-" + id, "");

        var list = new Http(port).getJsonList("/api/v1/voting/ballots");
        assertThat(list.getBody()).anySatisfy(b -> assertThat(b.get("id")).isEqualTo((int) id));
        var one = new Http(port).getJson("/api/v1/voting/ballots/{id}", id);
        assertThat(one.getStatusCode().value()).isEqualTo(200);
        assertThat(one.getBody()).containsEntry("state", "OPEN").containsKey("options");

        var first = vote(id, token, Map.of("options", List.of(ballot.options().get(1).id())));
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        String receipt = (String) first.getBody().get("receipt");
        assertThat(receipt).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

        var again = vote(id, token, Map.of("options", List.of(ballot.options().get(0).id())));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).containsEntry("code", "voting.duplicate").containsKey("detailEn");
        assertThat(String.valueOf(again.getBody().get("detail"))).contains("이미 참여");
        // the same person verified again (a new token) is the same key
        var third = vote(id, token("once-" + id, ""), Map.of("options", List.of(ballot.options().get(2).id())));
        assertThat(third.getStatusCode().value()).isEqualTo(409);

        assertThat(count("voting_participation", id)).isEqualTo(1);
        assertThat(count("voting_ballot_box", id)).isEqualTo(1);
        assertThat(count("voting_rejected_attempt", id)).isEqualTo(2);

        var check = new Http(port).getJson("/api/v1/voting/receipts/{code}", receipt.toLowerCase());
        assertThat(check.getStatusCode().value()).isEqualTo(200);
        assertThat(check.getBody()).containsEntry("status", "COUNTED").containsEntry("titleKo", "시민 투표 한 번만")
                .containsOnlyKeys("ballotId", "titleKo", "titleEn", "status");
        assertThat(new Http(port).getJson("/api/v1/voting/receipts/{code}", "AAAA-BBBB-CCCC-DDDD").getStatusCode().value())
                .isEqualTo(404);
        // the receipt code itself is not stored, only its hash
        assertThat(jdbc.sql("select count(*) from voting_ballot_box where receipt_hash = :c").param("c", receipt)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from voting_ballot_box where receipt_hash = :h")
                .param("h", org.pyeongga.core.Digests.sha256Hex(receipt.replace("-", ""))).query(Long.class).single())
                .isOne();
    }

    @Test
    void theClosingTimeCountsToTheSecondByTheReceivedAtInstant() {
        Instant closes = VotingFixture.now().plusSeconds(3600);
        Instant opens = VotingFixture.now().minusSeconds(10);
        long id = openBallot(VotingFixture.single(boryeong, "마감 시각", opens, closes, Eligibility.VERIFIED, null, null,
                Visibility.LIVE));
        Choice choice = Choice.of(List.of(ballots.ballot(id).options().getFirst().id()));

        assertThat(casting.cast(id, VotingFixture.citizen(null), choice, Channel.WEB, CastContext.at(closes)).code()).isNotBlank();
        assertThat(casting.cast(id, VotingFixture.citizen(null), choice, Channel.WEB,
                CastContext.at(closes.plusMillis(999))).code()).isNotBlank();
        Voter late = VotingFixture.citizen(null);
        assertThatThrownBy(() -> casting.cast(id, late, choice, Channel.WEB, CastContext.at(closes.plusSeconds(1))))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("voting.closed");
        assertThatThrownBy(() -> casting.cast(id, late, choice, Channel.WEB, CastContext.at(opens.minusMillis(1))))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("voting.notOpen");
        assertThat(casting.cast(id, late, choice, Channel.WEB, CastContext.at(opens)).code()).isNotBlank();
        assertThat(count("voting_participation", id)).isEqualTo(3);
        assertThat(count("voting_ballot_box", id)).isEqualTo(3);
    }

    @Test
    void eligibilityByRegionAndStaffAndTokensAreChecked() {
        long region = openBallot(VotingFixture.single(boryeong, "보령시 주민만", VotingFixture.now().minusSeconds(5),
                VotingFixture.now().plusSeconds(3600), Eligibility.REGION, "44180", null, Visibility.HIDDEN_UNTIL_PUBLISHED));
        long option = ballots.ballot(region).options().getFirst().id();
        var outsider = vote(region, token("outsider-" + region, "4413000000"), Map.of("options", List.of(option)));
        assertThat(outsider.getStatusCode().value()).isEqualTo(403);
        assertThat(outsider.getBody()).containsEntry("code", "voting.ineligible");
        assertThat(vote(region, token("unknown-" + region, ""), Map.of("options", List.of(option))).getStatusCode().value())
                .isEqualTo(403);
        assertThat(vote(region, token("resident-" + region, "4418025000"), Map.of("options", List.of(option)))
                .getStatusCode().value()).isEqualTo(201);

        var missing = vote(region, null, Map.of("options", List.of(option)));
        assertThat(missing.getStatusCode().value()).isEqualTo(401);
        assertThat(missing.getBody()).containsEntry("code", "voting.token.missing");
        String good = token("forger-" + region, "4418000000");
        var forged = vote(region, good.substring(0, good.length() - 2) + "xx", Map.of("options", List.of(option)));
        assertThat(forged.getStatusCode().value()).isEqualTo(401);
        assertThat(forged.getBody()).containsEntry("code", "voting.token.invalid");
        var expired = tokens.issue(VotingFixture.citizen("4418000000"), Instant.now().minus(VoterTokens.VALIDITY).minusSeconds(1));
        assertThat(vote(region, expired, Map.of("options", List.of(option))).getStatusCode().value()).isEqualTo(401);
        assertThat(count("voting_participation", region)).isEqualTo(1);

        // staff keys vote on their institution's staff ballots only; citizens never there
        long staffBallot = openBallot(VotingFixture.single(boryeong, "보령시 직원 투표", VotingFixture.now().minusSeconds(5),
                VotingFixture.now().plusSeconds(3600), Eligibility.STAFF, null, boryeong, Visibility.HIDDEN_UNTIL_PUBLISHED));
        long staffOption = ballots.ballot(staffBallot).options().getFirst().id();
        Voter clerk = tokens.staffVoter(VotingFixture.as(users, VotingFixture.BORYEONG_CLERK,
                actors::current)).orElseThrow();
        assertThat(casting.cast(staffBallot, clerk, Choice.of(List.of(staffOption)), Channel.WEB,
                CastContext.at(Instant.now())).code()).isNotBlank();
        assertThatThrownBy(() -> casting.cast(staffBallot, VotingFixture.citizen("4418000000"),
                Choice.of(List.of(staffOption)), Channel.WEB, CastContext.at(Instant.now())))
                .extracting("messageKey").isEqualTo("voting.ineligible");
        Voter gunsanStaff = new Voter(clerk.key(), null, Set.of(gunsan));
        assertThatThrownBy(() -> casting.cast(staffBallot, gunsanStaff, Choice.of(List.of(staffOption)), Channel.WEB,
                CastContext.at(Instant.now()))).extracting("messageKey").isEqualTo("voting.ineligible");
        assertThatThrownBy(() -> casting.cast(region, clerk, Choice.of(List.of(option)), Channel.WEB,
                CastContext.at(Instant.now()))).extracting("messageKey").isEqualTo("voting.ineligible");
    }

    @Test
    void invalidChoicesAreRefusedInKoreanAndEnglishAndStoreNothing() {
        long id = openBallot(VotingFixture.single(boryeong, "잘못된 선택"));
        Ballot ballot = ballots.ballot(id);
        String token = token("invalid-" + id, "");
        var two = vote(id, token, Map.of("options", List.of(ballot.options().get(0).id(), ballot.options().get(1).id())));
        assertThat(two.getStatusCode().value()).isEqualTo(400);
        assertThat(two.getBody()).containsEntry("code", "voting.choice.count");
        assertThat(String.valueOf(two.getBody().get("detailEn"))).contains("Choose between 1 and 1");
        assertThat(vote(id, token, Map.of("options", List.of(999_999_999L))).getBody())
                .containsEntry("code", "voting.choice.unknownOption");
        assertThat(vote(id, token, Map.of("options", List.of())).getBody()).containsEntry("code", "voting.choice.count");
        assertThat(vote(id, token, "{not json").getStatusCode().value()).isEqualTo(400);

        long survey = openBallot(VotingFixture.survey(boryeong, "설문 검사"));
        Ballot s = ballots.ballot(survey);
        long multiple = s.questions().get(0).id();
        long scale = s.questions().get(1).id();
        long text = s.questions().get(2).id();
        List<Long> three = s.questions().get(0).options().stream().map(Ballot.Option::id).toList();
        assertThat(vote(survey, token, Map.of("answers", Map.of(String.valueOf(multiple), three, String.valueOf(scale), 3)))
                .getBody()).containsEntry("code", "voting.choice.questionCount");
        assertThat(vote(survey, token, Map.of("answers", Map.of(String.valueOf(multiple), three.subList(0, 2))))
                .getBody()).containsEntry("code", "voting.choice.required");
        assertThat(vote(survey, token, Map.of("answers", Map.of(String.valueOf(multiple), three.subList(0, 2),
                String.valueOf(scale), 6))).getBody()).containsEntry("code", "voting.choice.scale");
        assertThat(vote(survey, token, Map.of("answers", Map.of(String.valueOf(multiple), three.subList(0, 1),
                String.valueOf(scale), 4, String.valueOf(text), "가".repeat(21)))).getBody())
                .containsEntry("code", "voting.choice.textLength");
        assertThat(count("voting_participation", id) + count("voting_participation", survey)).isZero();

        var ok = vote(survey, token, Map.of("answers", Map.of(String.valueOf(multiple), three.subList(0, 2),
                String.valueOf(scale), 4, String.valueOf(text), "좋아요")));
        assertThat(ok.getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.sql("select choice::text from voting_ballot_box where ballot_id = :b").param("b", survey)
                .query(String.class).single()).contains("좋아요");
    }

    @Test
    void draftsAreUnknownToVotersAndOnlyTheOwnersManagersChangeABallot() {
        long draft = ballots.create(VotingFixture.single(boryeong, "작성 중인 투표"));
        assertThat(new Http(port).getJson("/api/v1/voting/ballots/{id}", draft).getStatusCode().value()).isEqualTo(404);
        assertThat(vote(draft, token("draft-" + draft, ""), Map.of("options", List.of(1))).getStatusCode().value())
                .isEqualTo(404);
        assertThat(new Http(port).getJsonList("/api/v1/voting/ballots").getBody())
                .noneSatisfy(b -> assertThat(b.get("id")).isEqualTo((int) draft));

        BallotSpec changed = VotingFixture.single(boryeong, "작성 중인 투표 (고침)");
        assertThatThrownBy(() -> VotingFixture.as(users, VotingFixture.GUNSAN_COORDINATOR, () -> {
            ballots.update(draft, changed);
            return null;
        })).extracting("messageKey").isEqualTo("voting.ballot.notFound");
        assertThatThrownBy(() -> VotingFixture.as(users, VotingFixture.BORYEONG_CLERK, () -> ballots.create(changed)))
                .extracting("messageKey").isEqualTo("error.forbidden");
        VotingFixture.as(users, VotingFixture.BORYEONG_COORDINATOR, () -> {
            ballots.update(draft, changed);
            ballots.open(draft);
            return null;
        });
        assertThat(ballots.ballot(draft).titleKo()).isEqualTo("작성 중인 투표 (고침)");
        assertThatThrownBy(() -> ballots.update(draft, changed)).extracting("messageKey").isEqualTo("voting.ballot.notDraft");
        assertThat(VotingFixture.as(users, VotingFixture.GUNSAN_COORDINATOR, ballots::managedBallots))
                .noneMatch(b -> b.id() == draft);
    }

    @Test
    void badBallotsAreRefusedWithAReason() {
        Instant now = VotingFixture.now();
        assertThatThrownBy(() -> ballots.create(VotingFixture.single(boryeong, "거꾸로", now, now.minusSeconds(1),
                Eligibility.VERIFIED, null, null, Visibility.LIVE))).extracting("messageKey").isEqualTo("voting.ballot.times");
        assertThatThrownBy(() -> ballots.create(VotingFixture.single(boryeong, "지역 없음", now, now.plusSeconds(60),
                Eligibility.REGION, null, null, Visibility.LIVE))).extracting("messageKey").isEqualTo("voting.ballot.region");
        assertThatThrownBy(() -> ballots.create(VotingFixture.single(boryeong, " ", now, now.plusSeconds(60),
                Eligibility.VERIFIED, null, null, Visibility.LIVE))).extracting("messageKey").isEqualTo("voting.ballot.title");
        var ranked = new BallotSpec(boryeong, Ballot.Kind.RANKED, null, 1, "순위", "Ranked", null, null, now,
                now.plusSeconds(60), Eligibility.VERIFIED, null, null, null,
                List.of(new BallotSpec.OptionSpec("가", "A"), new BallotSpec.OptionSpec("나", "B")), List.of());
        assertThatThrownBy(() -> ballots.create(ranked)).extracting("messageKey").isEqualTo("voting.ballot.countingRule");
    }

    private long count(String table, long ballot) {
        return jdbc.sql("select count(*) from " + table + " where ballot_id = :b").param("b", ballot).query(Long.class).single();
    }
}
