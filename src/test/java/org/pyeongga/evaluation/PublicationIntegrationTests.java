package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.scoring.EvaluatorMethod;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Result runs with different evaluator normalizations are kept side by side, one is chosen, compared and published
 * once; a published cycle is frozen; the public sees published cycles only, with evaluators anonymized; history
 * phrases come from the grades of the program's published cycles.
 */
@IntegrationTest
class PublicationIntegrationTests {

    @Autowired
    Evaluations evaluations;

    @Autowired
    Publications publications;

    @Autowired
    CycleStages stages;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private ResultsFixture fixture() {
        return new ResultsFixture(evaluations, groups, stages, "TEST-PUBLICATION");
    }

    private long cycle(long program, String label, int evaluationYear, Map<Integer, Double> strength) {
        return fixture().cycle(program, label, evaluationYear, strength);
    }

    private void panel(long cycle, long seed) {
        fixture().panel(cycle, seed);
    }

    private void closeScoring(long cycle) {
        fixture().closeScoring(cycle);
    }

    private static Publications.PublicationRequest request() {
        return ResultsFixture.request();
    }

    private static Map<Integer, Double> spread(int n) {
        return ResultsFixture.spread(n);
    }

    @Test
    void runsAreKeptWithTheirMethodChosenComparedAndPublishedOnce() {
        long program = evaluations.createProgram("TEST-PUB-RUNS", "적극행정 종합평가 (발표)", null, "YEARLY");
        long cycle = cycle(program, "2024년(2023년 실적)", 2024, spread(18));
        panel(cycle, 41);
        int raw = publications.rerun(cycle, EvaluatorMethod.RAW_MEAN, "원점수 평균");
        int bias = publications.rerun(cycle, EvaluatorMethod.BIAS_MODEL, "편향 모형");
        var overview = publications.overview(cycle);
        assertThat(overview.runs()).extracting(Publications.RunSummary::runNo, Publications.RunSummary::method)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(raw, EvaluatorMethod.RAW_MEAN),
                        org.assertj.core.groups.Tuple.tuple(bias, EvaluatorMethod.BIAS_MODEL));
        assertThat(overview.chosenRun()).isNull();
        assertThat(overview.blockedKey()).isEqualTo("results.publication.noChosenRun");
        // each run keeps its own panel figures: the method the engine actually used
        assertThat(evaluations.result(cycle, raw).panels().getFirst().method()).isEqualTo(EvaluatorMethod.RAW_MEAN.korean());
        assertThat(evaluations.result(cycle, bias).panels().getFirst().method()).isEqualTo(EvaluatorMethod.BIAS_MODEL.korean());

        var comparison = publications.compare(cycle, raw, bias);
        assertThat(comparison.institutions()).isEqualTo(18);
        assertThat(comparison.methodA()).isEqualTo(EvaluatorMethod.RAW_MEAN);
        assertThat(comparison.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.rankA() != c.rankB() || c.gradeChanged()).isTrue());

        assertThatThrownBy(() -> publications.publish(cycle, request())).hasMessage("results.publication.noChosenRun");
        publications.choose(cycle, raw);
        publications.choose(cycle, bias);
        assertThat(publications.overview(cycle).runs()).filteredOn(Publications.RunSummary::chosen)
                .extracting(Publications.RunSummary::runNo).containsExactly(bias);
        assertThatThrownBy(() -> publications.choose(cycle, 99)).hasMessage("evaluation.run.notFound");

        // scoring still open: refused, nothing published
        Instant now = Instant.now();
        stages.schedule(cycle, List.of(new StageWindow(CycleStage.SCORING, now.minus(5, ChronoUnit.DAYS), now.plus(5, ChronoUnit.DAYS))));
        assertThatThrownBy(() -> publications.publish(cycle, request()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status().value()).isEqualTo(409))
                .hasMessage("results.publication.scoringOpen");
        closeScoring(cycle);
        // bad input: refused with a reason, nothing published
        assertThatThrownBy(() -> publications.publish(cycle, new Publications.PublicationRequest(LocalDate.parse("2024-03-31"),
                LocalDate.parse("2024-03-01"), "근거", "방법"))).hasMessage("results.publication.postingOrder");
        assertThatThrownBy(() -> publications.publish(cycle, new Publications.PublicationRequest(LocalDate.parse("2024-03-01"),
                LocalDate.parse("2024-03-31"), "  ", "방법"))).hasMessage("results.publication.legalBasisRequired");
        assertThat(publications.overview(cycle).publication()).isNull();

        var publication = publications.publish(cycle, request());
        assertThat(publication.runNo()).isEqualTo(bias);
        assertThat(publication.publishedByName()).isNotBlank();
        assertThat(publication.postingFrom()).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(publications.overview(cycle).blockedKey()).isEqualTo("results.publication.already");

        // frozen: no new run, no other choice, no second publication (all 409)
        for (var refused : List.<Runnable>of(() -> evaluations.computeResults(cycle, "다시"),
                () -> publications.rerun(cycle, EvaluatorMethod.Z_SCORE, null), () -> publications.choose(cycle, raw))) {
            assertThatThrownBy(refused::run).isInstanceOfSatisfying(UserFacingException.class,
                    e -> assertThat(e.status().value()).isEqualTo(409)).hasMessage("results.publication.frozen");
        }
        assertThatThrownBy(() -> publications.publish(cycle, request())).hasMessage("results.publication.already");
        assertThat(publications.overview(cycle).runs()).hasSize(2);

        // the audit trail has the choice and the publication
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ResultsPublished' and payload like :p")
                .param("p", "%\"cycleId\":" + cycle + ",%").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ResultRunChosen' and payload like :p")
                .param("p", "%\"cycleId\":" + cycle + ",%").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select payload from audit_entry where action = 'EvaluationResultsComputed' and payload like :p order by seq")
                .param("p", "%\"cycleId\":" + cycle + ",%").query(String.class).list())
                .anyMatch(p -> p.contains("BIAS_MODEL")).anyMatch(p -> p.contains("RAW_MEAN"));
    }

    @Test
    void thePublicSeesPublishedCyclesOnlyWithEvaluatorsAnonymized() {
        long program = evaluations.createProgram("TEST-PUB-PUBLIC", "공개 시험 평가", "Public test evaluation", "YEARLY");
        long published = cycle(program, "2024년(2023년 실적)", 2024, spread(18));
        long unpublished = cycle(program, "2025년(2024년 실적)", 2025, spread(18));
        panel(published, 7);
        panel(unpublished, 8);
        publications.choose(published, evaluations.computeResults(published, null));
        publications.choose(unpublished, evaluations.computeResults(unpublished, null));
        closeScoring(published);
        closeScoring(unpublished);
        publications.publish(published, request());

        Http citizen = new Http(port);
        String list = citizen.getPage("/results").getBody();
        assertThat(list).contains("/results/cycles/" + published).doesNotContain("/results/cycles/" + unpublished + "\"");
        for (String path : List.of("/results/cycles/" + unpublished, "/results/cycles/" + unpublished + "/institutions/"
                + evaluations.targets(unpublished).getFirst().institutionId(), "/results/cycles/" + unpublished + "/results.csv")) {
            var page = citizen.getPage(path);
            assertThat(page.getStatusCode().value()).as(path).isEqualTo(404);
        }
        assertThat(citizen.getPage("/results/cycles/" + unpublished).getBody()).contains("발표된 평가 결과가 없습니다");
        assertThat(citizen.getJson("/api/v1/results/cycles/{id}", unpublished).getStatusCode().value()).isEqualTo(404);
        assertThat(citizen.getJsonList("/api/v1/results/cycles").getBody()).extracting(c -> ((Number) c.get("cycleId")).longValue())
                .contains(published).doesNotContain(unpublished);

        String page = citizen.getPage("/results/cycles/" + published).getBody();
        assertThat(page).contains("2024년(2023년 실적) 결과", "「지방자치단체 적극행정 운영규정」 제18조", "2024-03-01 ~ 2024-03-31",
                "내림 (FLOOR)", "수상 기관", "최우수");
        var result = publications.publicResult(published);
        var winner = result.winners("시").getFirst();
        assertThat(winner.grade()).isEqualTo("최우수");
        assertThat(result.winners("시")).hasSize(3); // floor(0.3 × 10) = 3, 최우수 included

        long institution = winner.institutionId();
        String explanation = citizen.getPage("/results/cycles/{c}/institutions/{i}", published, institution).getBody();
        assertThat(explanation).contains("평가위원 A", "평가위원 B", "대표 우수사례", "사전컨설팅 건수", "배점")
                .doesNotContain("김평가", "위원.kr");
        var json = citizen.getJson("/api/v1/results/cycles/{c}/institutions/{i}", published, institution);
        assertThat(json.getStatusCode().value()).isEqualTo(200);
        assertThat(json.getBody().toString()).doesNotContain("김평가").contains("evaluator=A");
        // the explanation adds up: every indicator's score sums to the total
        var detail = publications.publicExplanation(published, institution);
        assertThat(detail.indicators().stream().map(Publications.IndicatorLine::score).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(detail.row().total());
        assertThat(detail.indicators()).filteredOn(l -> "Q1".equals(l.indicatorCode())).singleElement()
                .satisfies(l -> assertThat(l.panel()).isNotEmpty().extracting(Publications.PanelScore::evaluator).startsWith("A"));
        assertThat(detail.indicators()).filteredOn(l -> "R1".equals(l.indicatorCode())).singleElement()
                .satisfies(l -> assertThat(l.weight()).isEqualByComparingTo("30"));
        // nowhere in the stored publication is an evaluator's name
        assertThat(jdbc.sql("select count(*) from evaluation_published_panel_score where cycle_id = :c").param("c", published)
                .query(Long.class).single()).isPositive();

        // exports of the published run are public, in English too
        var csv = citizen.raw().get().uri("/results/cycles/{id}/results.csv", published).retrieve().toEntity(byte[].class);
        assertThat(new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("\uFEFF\"평가군\",\"순위\",\"기관\",\"총점\",\"등급\"");
        var english = citizen.raw().get().uri("/results/cycles/{id}/results.csv?lang=en", published)
                .header("Accept-Language", "en").retrieve().toEntity(byte[].class);
        assertThat(new String(english.getBody(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("\uFEFF\"Group\",\"Rank\"");
    }

    @Test
    void historyPhrasesFollowTheGradesOfThePublishedCycles() {
        long program = evaluations.createProgram("TEST-PUB-HISTORY", "이력 시험 평가", null, "YEARLY");
        // 2023: institution 0 best, then 1, 2 …; 2024: the same, except that the last one jumps to the top
        Map<Integer, Double> first = new HashMap<>();
        Map<Integer, Double> second = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            first.put(i, 0.9 - 0.05 * i);
            second.put(i, 0.85 - 0.05 * i);
        }
        second.put(9, 0.99);
        long earlier = cycle(program, "2023년(2022년 실적)", 2023, first);
        long later = cycle(program, "2024년(2023년 실적)", 2024, second);
        for (long c : List.of(earlier, later)) {
            publications.choose(c, evaluations.computeResults(c, null));
            closeScoring(c);
        }
        publications.publish(later, request());
        // before the earlier cycle is published there is no history to speak of
        assertThat(publications.publicResult(later).rows()).allSatisfy(r -> assertThat(r.history()).isEmpty());
        publications.publish(earlier, request());

        var list = evaluations.targets(later).stream().filter(t -> t.group().equals("시")).toList();
        var result = publications.publicResult(later);
        Map<Long, List<String>> phrases = new HashMap<>();
        result.rows().forEach(r -> phrases.put(r.institutionId(), r.history().stream().map(HistoryPhrase::korean).toList()));
        // the strengths went by place in the group (targets are listed by group, then name)
        assertThat(phrases.get(list.get(9).institutionId())).containsExactly("첫 최우수", "두 단계 상승");
        assertThat(phrases.get(list.get(0).institutionId())).containsExactly("2년 연속 우수", "한 단계 하락");
        assertThat(phrases.get(list.get(1).institutionId())).containsExactly("2년 연속 우수");
        assertThat(phrases.get(list.get(2).institutionId())).containsExactly("한 단계 하락");
        assertThat(phrases.get(list.get(5).institutionId())).isEmpty();
        assertThat(result.rows().stream().filter(r -> r.institutionId() == list.get(0).institutionId()).findFirst().orElseThrow()
                .history()).extracting(HistoryPhrase::english).containsExactly("우수 2 years in a row", "Down one grade");
        String page = new Http(port).getPage("/results/cycles/" + later).getBody();
        assertThat(page).contains("2년 연속 우수", "첫 최우수", "두 단계 상승");
    }

    @Test
    void onlyAdministratorsRunChooseAndPublishOverTheApi() {
        long program = evaluations.createProgram("TEST-PUB-API", "API 시험 평가", null, "YEARLY");
        long cycle = cycle(program, "2024년(2023년 실적)", 2024, spread(18));
        panel(cycle, 3);
        evaluations.computeResults(cycle, null);
        closeScoring(cycle);
        String admin = TestUsers.withRole(accounts, Role.PROGRAM_ADMIN);
        Http api = Http.api(port, admin);
        Map<String, Object> body = Map.of("postingFrom", "2024-03-01", "postingTo", "2024-03-31", "legalBasis", "근거 규정",
                "methodText", "평가 방법");

        // other roles: no runs, no choice, no publication; anonymous: 401
        for (Role role : List.of(Role.INSTITUTION_COORDINATOR, Role.EVALUATOR, Role.AUDIT_OFFICER)) {
            Http other = Http.api(port, TestUsers.withRole(accounts, role));
            assertThat(other.getJson("/api/v1/evaluations/cycles/{c}/runs", cycle).getStatusCode().value()).as("%s", role).isEqualTo(403);
            assertThat(other.postJson("/api/v1/evaluations/cycles/{c}/runs/1/choose", Map.of(), cycle).getStatusCode().value()).isEqualTo(403);
            var refused = other.postJson("/api/v1/evaluations/cycles/{c}/publication", body, cycle);
            assertThat(refused.getStatusCode().value()).as("%s publishes", role).isEqualTo(403);
            assertThat((String) refused.getBody().get("detail")).contains("권한이 없습니다");
        }
        assertThat(new Http(port).getJson("/api/v1/evaluations/cycles/{c}/runs", cycle).getStatusCode().value()).isEqualTo(401);
        // the pages refuse the same people: a coordinator can neither see the runs nor publish through the form
        Http coordinator = Http.signedIn(port, TestUsers.withRole(accounts, Role.INSTITUTION_COORDINATOR));
        var runsPage = coordinator.getPage("/admin/evaluations/{c}/runs", cycle);
        assertThat(runsPage.getStatusCode().value()).isEqualTo(403);
        assertThat(runsPage.getBody()).contains("권한이 없습니다").doesNotContain("김평가");
        var form = coordinator.postForm("/admin/evaluations/" + cycle + "/publication",
                "postingFrom=2024-03-01&postingTo=2024-03-31&legalBasis=x&methodText=y");
        assertThat(form.getStatusCode().value()).isEqualTo(403);
        assertThat(coordinator.postForm("/admin/evaluations/" + cycle + "/runs/1/choose", "").getStatusCode().value()).isEqualTo(403);
        assertThat(coordinator.getPage("/admin/evaluations/{c}/results.xlsx", cycle).getStatusCode().value()).isEqualTo(403);
        assertThat(new Http(port).getPage("/admin/evaluations/{c}/runs", cycle).getStatusCode().value()).isEqualTo(302);
        assertThat(new Http(port).getJson("/api/v1/results/cycles/{c}", cycle).getStatusCode().value()).isEqualTo(404);
        assertThat(publications.overview(cycle).chosenRun()).isNull();

        var run = api.postJson("/api/v1/evaluations/cycles/{c}/runs", Map.of("method", "TRIMMED_MEAN", "note", "절사 평균"), cycle);
        assertThat(run.getStatusCode().value()).isEqualTo(201);
        assertThat(run.getBody().get("runNo")).isEqualTo(2);
        var bad = api.postJson("/api/v1/evaluations/cycles/{c}/publication", body, cycle);
        assertThat(bad.getStatusCode().value()).isEqualTo(409);
        assertThat((String) bad.getBody().get("detail")).contains("발표할 산출을 먼저 고르세요");
        var compare = api.getJson("/api/v1/evaluations/cycles/{c}/runs/compare?a=1&b=2", cycle);
        assertThat(compare.getStatusCode().value()).isEqualTo(200);
        assertThat(compare.getBody().get("methodB")).isEqualTo("TRIMMED_MEAN");
        assertThat(api.postJson("/api/v1/evaluations/cycles/{c}/runs/2/choose", Map.of(), cycle).getBody().get("chosenRun")).isEqualTo(2);
        var published = api.postJson("/api/v1/evaluations/cycles/{c}/publication", body, cycle);
        assertThat(published.getStatusCode().value()).isEqualTo(201);
        assertThat(published.getBody().get("runNo")).isEqualTo(2);
        var frozen = api.postJson("/api/v1/evaluations/cycles/{c}/runs", Map.of("method", "Z_SCORE"), cycle);
        assertThat(frozen.getStatusCode().value()).isEqualTo(409);
        assertThat((String) frozen.getBody().get("detail")).contains("동결");
        assertThat(new Http(port).getJson("/api/v1/results/cycles/{c}", cycle).getBody().get("runNo")).isEqualTo(2);
        // administrators export any run; others are refused even for the published one's run number
        var adminXlsx = api.raw().get().uri("/api/v1/evaluations/cycles/{c}/runs/1/results.xlsx", cycle).retrieve().toEntity(byte[].class);
        assertThat(adminXlsx.getStatusCode().value()).isEqualTo(200);
        var adminCsv = api.raw().get().uri("/api/v1/evaluations/cycles/{c}/runs/1/results.csv", cycle).retrieve().toEntity(String.class);
        assertThat(adminCsv.getBody()).startsWith("\uFEFF\"평가군\"").contains("순위 구간 5%");
        assertThat(Http.api(port, TestUsers.withRole(accounts, Role.INSTITUTION_COORDINATOR)).raw().get()
                .uri("/api/v1/evaluations/cycles/{c}/runs/1/results.csv", cycle).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(403);
        var docs = new Http(port).getJson("/api-docs");
        assertThat(docs.getBody().get("paths")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKeys(
                "/api/v1/results/cycles", "/api/v1/results/cycles/{cycleId}",
                "/api/v1/results/cycles/{cycleId}/institutions/{institutionId}", "/api/v1/results/cycles/{cycleId}/results.xlsx",
                "/api/v1/evaluations/cycles/{cycleId}/runs", "/api/v1/evaluations/cycles/{cycleId}/runs/{runNo}/choose",
                "/api/v1/evaluations/cycles/{cycleId}/runs/compare", "/api/v1/evaluations/cycles/{cycleId}/publication");
        var xlsx = new Http(port).raw().get().uri("/api/v1/results/cycles/{c}/results.xlsx", cycle).retrieve().toEntity(byte[].class);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats");
        assertThat(new Http(port).raw().get().uri("/api/v1/results/cycles/{c}/results.xlsx", cycle + 1000).retrieve()
                .toEntity(byte[].class).getStatusCode().value()).isEqualTo(404);
    }
}
