package org.pyeongga.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.pyeongga.voting.Ballot.Eligibility;
import org.pyeongga.voting.Ballot.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Tallies, publication, voids, the abuse report and staff paper entry on the real database: a hidden tally is hidden
 * in every API response (owners included) until published; publication only after the close; a void before
 * publication shows as 무효 N and turns the receipt to "voided"; free text only for the owner after publication.
 */
@IntegrationTest
class TallyIntegrationTests {

    @Autowired
    Ballots ballots;

    @Autowired
    VoteCasting casting;

    @Autowired
    Tallies tallies;

    @Autowired
    AbuseReports abuse;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    CurrentActor actors;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    long boryeong;

    @BeforeEach
    void setUp() {
        boryeong = VotingFixture.institution(registry, "보령시");
        VotingFixture.people(accounts, registry);
    }

    long open(BallotSpec spec) {
        long id = ballots.create(spec);
        ballots.open(id);
        return id;
    }

    void closeNow(long id) {
        VotingFixture.closeNow(jdbc, id);
    }

    Receipt vote(long ballot, Voter voter, long option, String device) {
        return casting.cast(ballot, voter, Choice.of(List.of(option)), Channel.WEB,
                new CastContext(Instant.now(), device, "net-" + device, null));
    }

    @Test
    void aHiddenTallyIsHiddenInEveryApiResponseUntilPublishedAfterTheClose() {
        long id = open(VotingFixture.single(boryeong, "비공개 결과"));
        List<Long> options = ballots.ballot(id).options().stream().map(Ballot.Option::id).toList();
        for (int i = 0; i < 5; i++) {
            vote(id, VotingFixture.citizen(null), options.get(i % 2), "d" + i);
        }
        tallies.recount(id);
        assertThat(jdbc.sql("select counted from voting_tally where ballot_id = :b").param("b", id).query(Long.class).single())
                .isEqualTo(5);

        String admin = TestUsers.admin(accounts);
        var anonymous = new Http(port).getJson("/api/v1/voting/ballots/{id}/results", id);
        assertThat(anonymous.getBody()).containsEntry("visible", false).containsEntry("hiddenReason", "voting.tally.hidden")
                .containsEntry("tally", null);
        assertThat(String.valueOf(anonymous.getBody().get("hiddenReasonEn"))).contains("not even the owner");
        var asAdmin = Http.api(port, admin).getJson("/api/v1/voting/ballots/{id}/results", id);
        assertThat(asAdmin.getBody()).containsEntry("visible", false);
        var adminApi = Http.api(port, admin).getJson("/api/v1/voting/admin/ballots/{id}/results", id);
        assertThat(adminApi.getStatusCode().value()).isEqualTo(200);
        assertThat(adminApi.getBody()).containsEntry("tally", null).containsEntry("hiddenReason", "voting.tally.hidden");
        assertThat(VotingFixture.as(users, VotingFixture.BORYEONG_COORDINATOR, () -> tallies.visibleTally(id, actors.current()))
                .visible()).isFalse();
        // the ballot itself carries no counts anywhere
        for (String body : List.of(
                new Http(port).raw().get().uri("/api/v1/voting/ballots/{id}", id).retrieve().body(String.class),
                new Http(port).raw().get().uri("/api/v1/voting/ballots").retrieve().body(String.class),
                Http.api(port, admin).raw().get().uri("/api/v1/voting/admin/ballots").retrieve().body(String.class))) {
            assertThat(body).doesNotContain("counted", "\"votes\"", "tally", "points");
        }

        assertThatThrownBy(() -> tallies.publish(id)).extracting("messageKey").isEqualTo("voting.publish.notClosed");
        closeNow(id);
        assertThatThrownBy(() -> VotingFixture.as(users, VotingFixture.GUNSAN_COORDINATOR, () -> tallies.publish(id)))
                .extracting("messageKey").isEqualTo("voting.ballot.notFound");
        assertThat(new Http(port).getJson("/api/v1/voting/ballots/{id}/results", id).getBody()).containsEntry("visible", false);
        VotingFixture.as(users, VotingFixture.BORYEONG_COORDINATOR, () -> tallies.publish(id));
        assertThatThrownBy(() -> tallies.publish(id)).extracting("messageKey").isEqualTo("voting.publish.already");

        var published = new Http(port).getJson("/api/v1/voting/ballots/{id}/results", id);
        assertThat(published.getBody()).containsEntry("visible", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> tally = (Map<String, Object>) published.getBody().get("tally");
        assertThat(tally).containsEntry("counted", 5).containsEntry("voided", 0);
        assertThat(ballots.state(ballots.ballot(id))).isEqualTo(Ballot.State.PUBLISHED);
    }

    @Test
    void liveTalliesShowWhileVotingRuns() {
        long id = open(VotingFixture.single(boryeong, "실시간 결과", VotingFixture.now().minusSeconds(5),
                VotingFixture.now().plusSeconds(3600), Eligibility.VERIFIED, null, null, Visibility.LIVE));
        long option = ballots.ballot(id).options().getFirst().id();
        vote(id, VotingFixture.citizen(null), option, "live");
        tallies.recount(id);
        Tally.View view = tallies.visibleTally(id, Actor.anonymous());
        assertThat(view.visible()).isTrue();
        assertThat(view.tally().options().getFirst().votes()).isEqualTo(1);
        // the scheduled job recounts open ballots too
        vote(id, VotingFixture.citizen(null), option, "live2");
        tallies.recountRunning();
        assertThat(tallies.visibleTally(id, Actor.anonymous()).tally().counted()).isEqualTo(2);
    }

    @Test
    void theOwnerVoidsAVoteBeforePublicationTheTallyShowsItAndTheReceiptSaysVoided() {
        long id = open(VotingFixture.single(boryeong, "무효 처리", VotingFixture.now().minusSeconds(5),
                VotingFixture.now().plusSeconds(3600), Eligibility.VERIFIED, null, null, Visibility.LIVE));
        long option = ballots.ballot(id).options().getFirst().id();
        Voter cheat = VotingFixture.citizen(null);
        Receipt voidedReceipt = vote(id, cheat, option, "same-phone");
        List<Receipt> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(vote(id, VotingFixture.citizen(i == 0 ? "4413000000" : "4418000000"), option, "same-phone"));
        }
        assertThatThrownBy(() -> vote(id, cheat, option, "same-phone")).extracting("messageKey").isEqualTo("voting.duplicate");

        AbuseReport report = VotingFixture.as(users, VotingFixture.BORYEONG_COORDINATOR, () -> abuse.report(id, "44180"));
        assertThat(report.participations()).isEqualTo(4);
        assertThat(report.devices()).singleElement().satisfies(r -> assertThat(r.votes()).isEqualTo(4));
        assertThat(report.rejectedDuplicates()).isEqualTo(1);
        assertThat(report.regionKnown()).isEqualTo(3);
        assertThat(report.outsideRegion()).isEqualTo(1);
        assertThat(report.perMinute()).isNotEmpty();
        assertThatThrownBy(() -> VotingFixture.as(users, VotingFixture.GUNSAN_COORDINATOR, () -> abuse.report(id, null)))
                .extracting("messageKey").isEqualTo("voting.ballot.notFound");

        String ref = jdbc.sql("select ref from voting_participation where ballot_id = :b and voter_key = :k").param("b", id)
                .param("k", cheat.key().value()).query(String.class).single();
        List<AbuseReport.Participation> rows = VotingFixture.as(users, VotingFixture.BORYEONG_COORDINATOR,
                () -> abuse.participations(id, report.devices().getFirst().hash(), null));
        assertThat(rows).hasSize(4).extracting(AbuseReport.Participation::ref).contains(ref);

        assertThatThrownBy(() -> VotingFixture.as(users, VotingFixture.BORYEONG_COORDINATOR, () -> {
            abuse.voidVote(id, ref, " ");
            return null;
        })).extracting("messageKey").isEqualTo("voting.void.reason");
        VotingFixture.as(users, VotingFixture.BORYEONG_COORDINATOR, () -> {
            abuse.voidVote(id, ref, "같은 기기에서 대량 투표");
            return null;
        });
        assertThatThrownBy(() -> abuse.voidVote(id, ref, "또")).extracting("messageKey").isEqualTo("voting.void.already");
        assertThatThrownBy(() -> abuse.voidVote(id, "NOSUCHREF", "사유")).extracting("messageKey").isEqualTo("voting.void.unknown");

        Tally tally = tallies.visibleTally(id, Actor.anonymous()).tally();
        assertThat(tally.counted()).isEqualTo(3);
        assertThat(tally.voided()).isEqualTo(1);
        assertThat(casting.check(voidedReceipt.code()).orElseThrow().status()).isEqualTo(ReceiptCheck.Status.VOIDED);
        assertThat(others).allSatisfy(r -> assertThat(casting.check(r.code()).orElseThrow().status())
                .isEqualTo(ReceiptCheck.Status.COUNTED));
        assertThat(new Http(port).getJson("/api/v1/voting/receipts/{code}", voidedReceipt.code()).getBody())
                .containsEntry("status", "VOIDED");
        assertThat(jdbc.sql("select void_reason from voting_participation where ref = :r").param("r", ref)
                .query(String.class).single()).isEqualTo("같은 기기에서 대량 투표");
        assertThat(jdbc.sql("select payload from audit_entry where action = 'VotingVoteVoided' and payload like :p")
                .param("p", "%" + ref + "%").query(String.class).single()).doesNotContain(cheat.key().value());

        closeNow(id);
        tallies.publish(id);
        String otherRef = jdbc.sql("select ref from voting_participation where ballot_id = :b and voided_at is null limit 1")
                .param("b", id).query(String.class).single();
        assertThatThrownBy(() -> abuse.voidVote(id, otherRef, "공표 후")).extracting("messageKey")
                .isEqualTo("voting.void.published");
    }

    @Test
    void freeTextIsForTheOwnerOnlyAfterPublication() {
        long id = open(VotingFixture.survey(boryeong, "자유 응답"));
        Ballot survey = ballots.ballot(id);
        long multiple = survey.questions().get(0).id();
        long scale = survey.questions().get(1).id();
        long text = survey.questions().get(2).id();
        long first = survey.questions().get(0).options().getFirst().id();
        casting.cast(id, VotingFixture.citizen(null), Choice.ofAnswers(Map.of(multiple, Choice.Answer.option(first),
                scale, Choice.Answer.scale(4), text, Choice.Answer.text("주차장이 부족해요"))), Channel.WEB, CastContext.at(Instant.now()));
        closeNow(id);
        tallies.publish(id);
        Tally.View owner = VotingFixture.as(users, VotingFixture.BORYEONG_COORDINATOR, () -> tallies.visibleTally(id, actors.current()));
        assertThat(owner.tally().questions().get(2).texts()).containsExactly("주차장이 부족해요");
        assertThat(owner.tally().questions().get(1).average()).isEqualTo(4.0);
        assertThat(tallies.visibleTally(id, Actor.anonymous()).tally().questions().get(2).texts()).isEmpty();
        assertThat(new Http(port).raw().get().uri("/api/v1/voting/ballots/{id}/results", id).retrieve().body(String.class))
                .doesNotContain("주차장");
        assertThat(VotingFixture.as(users, VotingFixture.GUNSAN_COORDINATOR, () -> tallies.visibleTally(id, actors.current()))
                .tally().questions().get(2).texts()).isEmpty();
    }

    @Test
    void theDatabaseSumsAgreeWithCountingEveryChoiceInJava() {
        long survey = open(VotingFixture.survey(boryeong, "합계 비교"));
        Ballot s = ballots.ballot(survey);
        List<Long> options = s.questions().get(0).options().stream().map(Ballot.Option::id).toList();
        long multiple = open(new BallotSpec(boryeong, Ballot.Kind.MULTIPLE, null, 2, "복수 합계", "Multiple sums", null, null,
                VotingFixture.now().minusSeconds(5), VotingFixture.now().plusSeconds(3600), Eligibility.VERIFIED, null, null,
                Visibility.LIVE, List.of(new BallotSpec.OptionSpec("가", "A"), new BallotSpec.OptionSpec("나", "B"),
                        new BallotSpec.OptionSpec("다", "C")), List.of()));
        List<Long> m = ballots.ballot(multiple).options().stream().map(Ballot.Option::id).toList();
        for (int i = 0; i < 12; i++) {
            Map<Long, Choice.Answer> answers = new java.util.HashMap<>(Map.of(
                    s.questions().get(0).id(), Choice.Answer.options(i % 3 == 0 ? options.subList(0, 2) : List.of(options.get(i % 3))),
                    s.questions().get(1).id(), Choice.Answer.scale(1 + i * 7 % 5)));
            if (i % 4 != 0) {
                answers.put(s.questions().get(2).id(), Choice.Answer.text("의견 " + (char) ('가' + i * 5 % 12)));
            }
            casting.cast(survey, VotingFixture.citizen(null), Choice.ofAnswers(answers), Channel.WEB, CastContext.at(Instant.now()));
            casting.cast(multiple, VotingFixture.citizen(null), Choice.of(i % 2 == 0 ? m.subList(0, 2) : m.subList(2, 3)),
                    Channel.WEB, CastContext.at(Instant.now()));
        }
        String ref = jdbc.sql("select ref from voting_participation where ballot_id = :b limit 1").param("b", survey)
                .query(String.class).single();
        abuse.voidVote(survey, ref, "합계 비교용 무효");
        for (long id : List.of(survey, multiple)) {
            Tally sums = tallies.count(id);
            Tally java = tallies.countInJava(ballots.ballot(id), sums.computedAt());
            assertThat(sums).usingRecursiveComparison().isEqualTo(java);
        }
        assertThat(tallies.count(survey).voided()).isEqualTo(1);
        assertThat(tallies.count(multiple).options()).extracting(Tally.Count::votes).containsExactly(6L, 6L, 6L);
    }

    @Test
    void staffEnterAPaperVoteForAPersonTheyVerifiedOncePerPersonAcrossChannels() {
        long id = open(VotingFixture.single(boryeong, "종이 투표"));
        long option = ballots.ballot(id).options().getFirst().id();
        Map<String, String> person = Map.of("name", "박순자", "birthDate", "1948-05-02", "testPerson", "paper-" + id,
                "residenceCode", "4418000000");
        Receipt receipt = VotingFixture.as(users, VotingFixture.BORYEONG_CLERK, () -> casting.enterPaperVote(id, person,
                Choice.of(List.of(option)), CastContext.at(Instant.now())));
        assertThat(casting.check(receipt.code())).isPresent();
        var row = jdbc.sql("select channel, staff_user_id, region_code from voting_participation where ballot_id = :b")
                .param("b", id).query((rs, i) -> List.of(rs.getString(1), String.valueOf(rs.getLong(2)), rs.getString(3))).single();
        assertThat(row.get(0)).isEqualTo("STAFF");
        assertThat(row.get(2)).isEqualTo("4418000000");
        String payload = jdbc.sql("select payload from audit_entry where action = 'VotingPaperVoteEntered' and payload like :p")
                .param("p", "%\"ballotId\":" + id + ",%").query(String.class).single();
        assertThat(payload).contains(row.get(1)).doesNotContain("\"" + option + "\"", "박순자", "options");

        // the same person on the web: already voted
        String token = (String) new Http(port).postJson("/api/v1/voting/identity", person).getBody().get("voterToken");
        var web = new Http(port).raw().post().uri("/api/v1/voting/ballots/{id}/votes", id)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).header(VoterTokens.HEADER, token)
                .body(Map.of("options", List.of(option))).retrieve().onStatus(s -> true, (q, r) -> { })
                .toEntity(String.class);
        assertThat(web.getStatusCode().value()).isEqualTo(409);
        assertThat(web.getBody()).contains("voting.duplicate");
        // staff of another institution may not enter votes for this one; nor may anyone unsigned
        assertThatThrownBy(() -> VotingFixture.as(users, VotingFixture.GUNSAN_COORDINATOR, () -> casting.enterPaperVote(id,
                Map.of("name", "이", "birthDate", "1950-01-01", "testPerson", "x-" + id), Choice.of(List.of(option)),
                CastContext.at(Instant.now())))).extracting("messageKey").isEqualTo("error.forbidden");
        assertThatThrownBy(() -> casting.enterPaperVote(id, Map.of("name", "이", "birthDate", "1950-01-01", "testPerson",
                "y-" + id), Choice.of(List.of(option)), CastContext.at(Instant.now()))).extracting("messageKey")
                .isEqualTo("error.forbidden");
    }
}
