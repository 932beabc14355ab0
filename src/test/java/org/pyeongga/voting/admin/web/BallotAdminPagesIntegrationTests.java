package org.pyeongga.voting.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ballot form on the real app: a coordinator creates a draft (options added, reordered and removed on the server),
 * bad input keeps everything typed and lists each problem, a draft opens after confirmation and is then frozen; the
 * list shows state and participation; everyone else is refused as the permission policy says.
 */
@IntegrationTest
class BallotAdminPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Ballots ballots;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void personas() {
        BallotAdminFixture.personas(accounts, registry);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> draft(String title) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("kind", "MULTIPLE");
        f.put("titleKo", title);
        f.put("titleEn", "Test ballot");
        f.put("descriptionKo", "설명");
        f.put("descriptionEn", "About");
        f.put("options[0].labelKo", "첫째 안");
        f.put("options[0].labelEn", "First");
        f.put("options[1].labelKo", "둘째 안");
        f.put("options[1].labelEn", "Second");
        f.put("options[2].labelKo", "셋째 안");
        f.put("options[2].labelEn", "Third");
        f.put("maxChoices", "2");
        f.put("countingRule", "BORDA");
        f.put("eligibility", "REGION");
        f.put("regionCode", "44180");
        f.put("opensAt", "2030-05-01T09:00:00");
        f.put("closesAt", "2030-05-10T18:00:00");
        f.put("visibility", "HIDDEN_UNTIL_PUBLISHED");
        return f;
    }

    @Test
    void aCoordinatorCreatesEditsAndOpensADraft() {
        Http coordinator = Http.signedIn(port, BallotAdminFixture.COORDINATOR);
        var newPage = coordinator.getPage("/admin/voting/new");
        assertThat(newPage.getStatusCode().value()).isEqualTo(200);
        assertThat(newPage.getBody()).contains("새 투표·설문 만들기", "충청남도 보령시", "보령시 (44180)");

        // the buttons change the form on the server and keep what was typed
        Map<String, String> f = draft("시험 투표 만들기");
        f.put("action", "addOption");
        var added = coordinator.postForm("/admin/voting/new", form(f));
        assertThat(added.getStatusCode().value()).isEqualTo(200);
        assertThat(added.getBody()).contains("name=\"options[3].labelKo\"", "value=\"셋째 안\"", "value=\"시험 투표 만들기\"");
        f.put("action", "upOption:1");
        assertThat(coordinator.postForm("/admin/voting/new", form(f)).getBody())
                .containsSubsequence("value=\"둘째 안\"", "value=\"첫째 안\"", "value=\"셋째 안\"");

        f.put("action", "save");
        var created = coordinator.postForm("/admin/voting/new", form(f));
        assertThat(created.getStatusCode().value()).isEqualTo(302);
        String location = String.valueOf(created.getHeaders().getLocation());
        long id = Long.parseLong(location.replaceAll(".*/admin/voting/(\\d+).*", "$1"));
        Ballot ballot = ballots.managedBallots().stream().filter(b -> b.id() == id).findFirst().orElseThrow();
        assertThat(ballot.kind()).isEqualTo(Ballot.Kind.MULTIPLE);
        assertThat(ballot.maxChoices()).isEqualTo(2);
        assertThat(ballot.regionPrefix()).isEqualTo("44180");
        assertThat(ballot.opensAt()).hasToString("2030-05-01T00:00:00Z"); // 09:00 KST
        assertThat(ballot.options()).extracting(Ballot.Option::labelKo).containsExactly("첫째 안", "둘째 안", "셋째 안");

        var overview = coordinator.getPage("/admin/voting/" + id);
        assertThat(overview.getBody()).contains("시험 투표 만들기", "작성 중", "2030-05-01 09:00:00", "충청남도 보령시", "0명");
        var list = coordinator.getPage("/admin/voting");
        assertThat(list.getBody()).contains("시험 투표 만들기", "작성 중");

        // an edit of the draft, then opening it after the confirmation page
        var edit = coordinator.getPage("/admin/voting/" + id + "/edit");
        assertThat(edit.getBody()).contains("value=\"2030-05-01T09:00\"", "value=\"첫째 안\"");
        f.put("titleKo", "시험 투표 고침");
        f.put("options[2].labelKo", "");
        f.put("options[2].labelEn", "");
        assertThat(coordinator.postForm("/admin/voting/" + id + "/edit", form(f)).getStatusCode().value()).isEqualTo(302);
        assertThat(coordinator.getPage("/admin/voting/" + id + "/open").getBody()).contains("투표를 열면");
        assertThat(coordinator.postForm("/admin/voting/" + id + "/open", "").getStatusCode().value()).isEqualTo(302);
        assertThat(coordinator.getPage("/admin/voting/" + id).getBody()).contains("시험 투표 고침", "예정");
        assertThat(coordinator.getPage("/admin/voting/" + id + "/edit").getStatusCode().value()).isEqualTo(409);
        assertThat(coordinator.postForm("/admin/voting/" + id + "/edit", form(f)).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void badInputKeepsEverythingTypedAndListsEachProblem() {
        Http coordinator = Http.signedIn(port, BallotAdminFixture.COORDINATOR);
        Map<String, String> f = draft("");
        f.put("titleEn", "Kept English title");
        f.put("closesAt", "2030-04-01T09:00:00");
        f.put("options[1].labelEn", "");
        f.put("maxChoices", "7");
        f.put("action", "save");
        long before = ballots.managedBallots().size();
        var refused = coordinator.postForm("/admin/voting/new", form(f));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("입력 내용을 확인해 주세요: 고칠 곳 4개", "한국어 제목을 입력하세요",
                "마감 일시는 시작 일시보다 뒤여야 합니다", "2번 선택지의 한국어와 영어 이름을 모두 입력하세요",
                "최대 선택 수는 1에서 선택지 수(3) 사이여야 합니다", "href=\"#titleKo\"", "href=\"#option-1-en\"",
                "value=\"Kept English title\"", "value=\"둘째 안\"", "value=\"2030-04-01T09:00:00\"", "value=\"7\"");
        assertThat(ballots.managedBallots()).hasSize((int) before);

        // a survey needs a question; in English the same summary is in English
        Map<String, String> survey = draft("설문");
        survey.put("kind", "SURVEY");
        survey.put("action", "save");
        Http english = Http.newSession(port, BallotAdminFixture.COORDINATOR); // the language choice stays in its session
        var noQuestion = english.postForm("/admin/voting/new?lang=en", form(survey));
        assertThat(noQuestion.getBody()).contains("Please check your input", "A survey needs at least one question");
    }

    @Test
    void aSurveyWithEveryQuestionType() {
        Http coordinator = Http.signedIn(port, BallotAdminFixture.COORDINATOR);
        Map<String, String> f = draft("시험 설문");
        f.put("kind", "SURVEY");
        f.put("eligibility", "STAFF");
        f.put("questions[0].kind", "MULTIPLE");
        f.put("questions[0].textKo", "뉴스를 고르세요");
        f.put("questions[0].textEn", "Choose news");
        f.put("questions[0].required", "true");
        f.put("questions[0].maxChoices", "2");
        f.put("questions[0].optionsKo", "가\n나\n다");
        f.put("questions[0].optionsEn", "A\nB\nC");
        f.put("questions[1].kind", "SCALE");
        f.put("questions[1].textKo", "만족도");
        f.put("questions[1].textEn", "Satisfaction");
        f.put("questions[2].kind", "TEXT");
        f.put("questions[2].textKo", "의견");
        f.put("questions[2].textEn", "Comment");
        f.put("questions[2].maxLength", "300");
        f.put("action", "save");
        var created = coordinator.postForm("/admin/voting/new", form(f));
        assertThat(created.getStatusCode().value()).isEqualTo(302);
        long id = Long.parseLong(String.valueOf(created.getHeaders().getLocation()).replaceAll(".*/admin/voting/(\\d+).*", "$1"));
        Ballot survey = ballots.managedBallots().stream().filter(b -> b.id() == id).findFirst().orElseThrow();
        assertThat(survey.options()).isEmpty();
        assertThat(survey.staffInstitutionId()).isEqualTo(BallotAdminFixture.boryeong(registry));
        assertThat(survey.questions()).extracting(Ballot.Question::kind).containsExactly(Ballot.QuestionKind.MULTIPLE,
                Ballot.QuestionKind.SCALE, Ballot.QuestionKind.TEXT);
        assertThat(survey.questions().get(0).options()).extracting(Ballot.Option::labelEn).containsExactly("A", "B", "C");
        assertThat(survey.questions().get(0).required()).isTrue();
        assertThat(survey.questions().get(1).required()).isFalse();
        assertThat(survey.questions().get(2).maxLength()).isEqualTo(300);
    }

    @Test
    void othersAreRefusedAsThePolicySays() {
        long open = BallotAdminFixture.openBallot(ballots, registry, "권한 시험 투표", Ballot.Visibility.HIDDEN_UNTIL_PUBLISHED);
        Http other = Http.signedIn(port, BallotAdminFixture.OTHER_COORDINATOR);
        assertThat(other.getPage("/admin/voting").getBody()).doesNotContain("권한 시험 투표");
        for (String path : new String[] {"", "/edit", "/open"}) {
            assertThat(other.getPage("/admin/voting/" + open + path).getStatusCode().value()).as(path).isEqualTo(404);
        }
        assertThat(other.postForm("/admin/voting/" + open + "/open", "").getStatusCode().value()).isEqualTo(404);
        assertThat(other.postForm("/admin/voting/" + open + "/edit", form(draft("x"))).getStatusCode().value()).isEqualTo(404);

        Http staff = Http.signedIn(port, BallotAdminFixture.STAFF);
        assertThat(staff.getPage("/admin/voting").getBody()).contains("권한 시험 투표", "종이 투표 입력")
                .doesNotContain("새 투표·설문 만들기");
        assertThat(staff.getPage("/admin/voting/" + open).getStatusCode().value()).isEqualTo(403);
        assertThat(staff.getPage("/admin/voting/new").getStatusCode().value()).isEqualTo(403);

        Http evaluator = Http.signedIn(port, BallotAdminFixture.EVALUATOR);
        assertThat(evaluator.getPage("/admin/voting").getStatusCode().value()).isEqualTo(403);
        assertThat(evaluator.getPage("/admin/voting/" + open).getStatusCode().value()).isEqualTo(403);
        assertThat(evaluator.getPage("/admin/voting/new").getStatusCode().value()).isEqualTo(403);

        Http anonymous = Http.browser(port);
        assertThat(anonymous.getPage("/admin/voting").getStatusCode().value()).isEqualTo(302);
        assertThat(anonymous.getPage("/admin/voting/" + open).getStatusCode().value()).isEqualTo(302);
    }
}
