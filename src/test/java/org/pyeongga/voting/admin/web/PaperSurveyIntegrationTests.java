package org.pyeongga.voting.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.BallotSpec;
import org.pyeongga.voting.BallotSpec.OptionSpec;
import org.pyeongga.voting.BallotSpec.QuestionSpec;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.CastContext;
import org.pyeongga.voting.Channel;
import org.pyeongga.voting.Choice;
import org.pyeongga.voting.VoteCasting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Paper survey responses on the real app: staff of the owner institution see every question as the portal shows it
 * and enter a response for a person they verified; a required question left out, too many choices or a too-long text
 * answer gives the portal's message, keeps what was typed and stores nothing; a second response by the same person,
 * on paper or on the web, is refused as a duplicate; another institution's coordinator gets 404, an evaluator 403;
 * a closed survey refuses.
 */
@IntegrationTest
class PaperSurveyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Ballots ballots;

    @Autowired
    VoteCasting casting;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void personas() {
        BallotAdminFixture.personas(accounts, registry);
    }

    /**
     * An open survey of 보령시 like its top-10 news vote: a required single choice, up to 2 of 3 news (optional), a
     * required 1–5 scale and an optional comment of at most 20 characters.
     */
    static long openSurvey(Ballots ballots, InstitutionRegistry registry, String title) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long id = ballots.create(new BallotSpec(BallotAdminFixture.boryeong(registry), Ballot.Kind.SURVEY, null, 1, title,
                title + " (en)", "", "", now.minusSeconds(3600), now.plusSeconds(86400), Ballot.Eligibility.VERIFIED, null, null,
                Ballot.Visibility.LIVE, List.of(), List.of(
                        new QuestionSpec(Ballot.QuestionKind.SINGLE, "가장 큰 뉴스", "Top story", true, 1, 0,
                                List.of(new OptionSpec("머드축제", "Mud festival"), new OptionSpec("해저터널", "Undersea tunnel"))),
                        new QuestionSpec(Ballot.QuestionKind.MULTIPLE, "기억나는 뉴스 (2개까지)", "Remembered (up to 2)", false, 2, 0,
                                List.of(new OptionSpec("신청사", "New city hall"), new OptionSpec("관광객 증가", "More visitors"),
                                        new OptionSpec("청년 창업", "Young founders"))),
                        new QuestionSpec(Ballot.QuestionKind.SCALE, "올해 시정 만족도", "Satisfaction", true, 1, 0, List.of()),
                        new QuestionSpec(Ballot.QuestionKind.TEXT, "하고 싶은 말", "Comment", false, 1, 20, List.of()))));
        ballots.open(id);
        return id;
    }

    static String identity(String name, String person) {
        return "name=" + encode(name) + "&birthDate=1958-07-15&testPerson=" + person + "&residenceCode=4418000000";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long participations(long survey) {
        return jdbc.sql("select count(*) from voting_participation where ballot_id = :b").param("b", survey)
                .query(Long.class).single();
    }

    @Test
    void staffOfTheOwnerEnterAPaperSurveyResponseOncePerPersonAcrossChannels() {
        long survey = openSurvey(ballots, registry, "보령시 10대 뉴스 종이 시험");
        List<Ballot.Question> q = ballots.ballot(survey).questions();
        long festival = q.get(0).options().get(0).id();
        long hall = q.get(1).options().get(0).id();
        long visitors = q.get(1).options().get(1).id();
        long founders = q.get(1).options().get(2).id();
        String base = "/admin/voting/" + survey + "/paper";
        Http staff = Http.signedIn(port, BallotAdminFixture.STAFF);

        // every question as the portal shows it, no refusal
        var page = staff.getPage(base);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("종이 설문 응답 입력", "가장 큰 뉴스", "머드축제", "기억나는 뉴스 (2개까지)", "올해 시정 만족도",
                "하고 싶은 말", "name=\"q_" + q.get(3).id() + "\"", "maxlength=\"20\"", "종이 설문 응답 접수")
                .doesNotContain("설문은 종이 입력을 받지 않습니다");

        // a required question left out, three of at most two, a comment too long: the portal's messages, all typed kept
        String bad = identity("김보령", "survey-1") + "&q_" + q.get(1).id() + "=" + hall + "&q_" + q.get(1).id() + "=" + visitors
                + "&q_" + q.get(1).id() + "=" + founders + "&q_" + q.get(2).id() + "=4&q_" + q.get(3).id() + "="
                + encode("해저터널 개통을 정말 축하합니다 모두 고맙습니다");
        var refused = staff.postForm(base, bad);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("1번 문항에 답해 주세요.", "2번 문항에서는 2개까지 고를 수 있습니다.",
                "4번 문항의 답은 20자까지 쓸 수 있습니다. 지금 26자입니다.", "href=\"#q-" + q.get(0).id() + "\"",
                "value=\"김보령\"", "value=\"survey-1\"", "해저터널 개통을 정말 축하합니다 모두 고맙습니다</textarea>");
        assertThat(refused.getBody()).containsPattern("value=\"" + visitors + "\"\\s+checked");
        assertThat(participations(survey)).isZero();

        // a good response: the receipt, channel STAFF with the staff member, the answers stored
        String good = identity("김보령", "survey-1") + "&q_" + q.get(0).id() + "=" + festival + "&q_" + q.get(1).id() + "=" + hall
                + "&q_" + q.get(2).id() + "=4&q_" + q.get(3).id() + "=" + encode("축제 최고");
        var entered = staff.postForm(base, good);
        assertThat(entered.getStatusCode().value()).isEqualTo(200);
        assertThat(entered.getBody()).contains("종이 설문 응답 접수 완료", "응답하신 분께 이 접수 번호를 드리세요", "id=\"receipt\"");
        assertThat(jdbc.sql("select channel || ':' || (staff_user_id is not null) from voting_participation where ballot_id = :b")
                .param("b", survey).query(String.class).list()).containsExactly("STAFF:true");
        assertThat(jdbc.sql("select choice::text from voting_ballot_box where ballot_id = :b").param("b", survey)
                .query(String.class).single()).contains("축제 최고");

        // the same person again on paper: a duplicate, the form kept
        var again = staff.postForm(base, good);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("이미 참여하셨습니다", "이미 웹이나 종이로 응답했습니다", "value=\"김보령\"", "축제 최고</textarea>");

        // … and on the web (the portal's casting path)
        Map<String, String> person = Map.of("name", "김보령", "birthDate", "1958-07-15", "testPerson", "survey-1",
                "residenceCode", "4418000000");
        var voter = casting.voterFor(casting.verifier(null).complete(person));
        Choice web = Choice.ofAnswers(Map.of(q.get(0).id(), Choice.Answer.options(List.of(festival)), q.get(2).id(),
                Choice.Answer.scale(5)));
        assertThatThrownBy(() -> casting.cast(survey, voter, web, Channel.WEB, CastContext.at(Instant.now())))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("voting.duplicate"));

        // someone who answered on the web first is refused on paper
        var webVoter = casting.voterFor(casting.verifier(null).complete(Map.of("name", "이웹", "birthDate", "1958-07-15",
                "testPerson", "survey-2", "residenceCode", "4418000000")));
        casting.cast(survey, webVoter, web, Channel.WEB, CastContext.at(Instant.now()));
        String webGood = good.replace(encode("김보령"), encode("이웹")).replace("survey-1", "survey-2");
        assertThat(staff.postForm(base, webGood).getStatusCode().value()).isEqualTo(409);
        assertThat(participations(survey)).isEqualTo(2);
    }

    @Test
    void othersCannotEnterAndAClosedSurveyRefuses() {
        long survey = openSurvey(ballots, registry, "보령시 종이 설문 권한 시험");
        List<Ballot.Question> q = ballots.ballot(survey).questions();
        String base = "/admin/voting/" + survey + "/paper";
        String good = identity("박논산", "survey-other") + "&q_" + q.get(0).id() + "=" + q.get(0).options().get(1).id()
                + "&q_" + q.get(2).id() + "=3";

        Http other = Http.signedIn(port, BallotAdminFixture.OTHER_COORDINATOR);
        Http evaluator = Http.signedIn(port, BallotAdminFixture.EVALUATOR);
        assertThat(other.getPage(base).getStatusCode().value()).isEqualTo(404);
        assertThat(other.postForm(base, good).getStatusCode().value()).isEqualTo(404);
        assertThat(evaluator.getPage(base).getStatusCode().value()).isEqualTo(403);
        assertThat(evaluator.postForm(base, good).getStatusCode().value()).isEqualTo(403);
        assertThat(participations(survey)).isZero();

        // the owner's staff: the list and the tabs lead to the paper page of a survey too
        Http staff = Http.signedIn(port, BallotAdminFixture.STAFF);
        assertThat(staff.getPage("/admin/voting").getBody()).contains(base);

        BallotAdminFixture.close(jdbc, survey);
        var closed = staff.getPage(base);
        assertThat(closed.getStatusCode().value()).isEqualTo(409);
        assertThat(closed.getBody()).contains("투표가 마감되었습니다").doesNotContain("종이 설문 응답 접수<");
        assertThat(staff.postForm(base, good).getStatusCode().value()).isEqualTo(409);
        assertThat(participations(survey)).isZero();
    }
}
