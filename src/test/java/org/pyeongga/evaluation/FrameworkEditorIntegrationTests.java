package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.scoring.Explanation;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The framework editor over its REST API: the 2023 적극행정 종합평가 framework (5 items, 18 indicators, with entered
 * inputs of computed indicators) is configured by a program administrator, copied into the next cycle, changed,
 * published as a versioned snapshot, refused after publication, reopened with a reason; computed indicators (a ratio,
 * an achievement with a cap) are derived from their inputs when results are computed; only administrators may change.
 */
@IntegrationTest
class FrameworkEditorIntegrationTests {

    static final String[] ITEMS = {"추진계획 수립", "제도 활성화 노력", "이행 성과", "우수사례", "주민체감도"};

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    static List<Long> groupIds;

    private Http admin() {
        return Http.api(port, TestUsers.withRole(accounts, Role.PROGRAM_ADMIN));
    }

    private List<Map<String, Object>> targets() {
        synchronized (FrameworkEditorIntegrationTests.class) {
            if (groupIds == null) {
                groupIds = groups.defineStandard("TEST-FRAMEWORK-2023", LocalDate.parse("2024-12-31"));
            }
        }
        String[] names = {"광역", "시", "군", "구"};
        List<Map<String, Object>> targets = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            targets.add(Map.of("name", names[g], "evaluationGroupId", groupIds.get(g)));
        }
        return targets;
    }

    static Map<String, Object> excellentRule() {
        return Map.of("kind", "LAYERS", "layers", List.of(
                Map.of("kind", "QUOTAS", "quotas", Map.of("광역", 1, "시", 1, "군", 1, "구", 1), "winner", "최우수",
                        "tiesTakeBetterGrade", true, "gradeItems", false),
                Map.of("kind", "BANDS", "bands", List.of(Map.of("label", "우수", "upTo", 0.3), Map.of("label", "보통", "upTo", 1)),
                        "rounding", "FLOOR", "tiesTakeBetterGrade", true, "gradeItems", false)),
                "tiesTakeBetterGrade", true, "gradeItems", false);
    }

    private long cycle(Http api, long program, String label, int year, List<Map<String, Object>> targets) {
        var created = api.postJson("/api/v1/evaluations/programs/{p}/cycles", Map.of("label", label, "evaluationYear", year,
                "performanceYear", year - 1, "periodFrom", (year - 1) + "-01-01", "periodTo", (year - 1) + "-12-31",
                "gradeRule", excellentRule(), "targets", targets), program);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return ((Number) created.getBody().get("id")).longValue();
    }

    /** An indicator as the API takes it; {@code extra} sets formula, inputs, panel and so on. */
    static Map<String, Object> indicator(String code, String area, String item, String name, String kind, Object points,
            String normalization, Object low, Object high, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("area", area);
        m.put("item", item);
        m.put("name", name);
        m.put("kind", kind);
        m.put("points", points);
        m.put("polarity", "HIGHER_IS_BETTER");
        m.put("normalization", normalization);
        m.put("low", low);
        m.put("high", high);
        m.put("itemGraded", false);
        m.put("evidenceRequired", false);
        m.putAll(extra);
        return m;
    }

    /** The 2023 framework: 5 items, 18 scored indicators, and the entered inputs of its computed ones. */
    static List<Map<String, Object>> framework2023() {
        List<Map<String, Object>> list = new ArrayList<>();
        list.add(indicator("IN.COMMITTEE.HELD", "입력값", "산식 입력", "위원회 상정 안건 수", "INPUT", 0, "MIN_MAX", null, null, Map.of()));
        list.add(indicator("IN.COMMITTEE.DONE", "입력값", "산식 입력", "위원회 의결 안건 수", "INPUT", 0, "MIN_MAX", null, null, Map.of()));
        list.add(indicator("IN.CONSULT", "입력값", "산식 입력", "사전컨설팅 실적 건수", "INPUT", 0, "MIN_MAX", null, null, Map.of()));
        list.add(indicator("IN.CASES", "입력값", "산식 입력", "적극행정 우수사례 발굴 건수", "INPUT", 0, "MIN_MAX", null, null, Map.of()));
        int[] perItem = {3, 4, 5, 3, 3};
        int k = 0;
        for (int item = 0; item < ITEMS.length; item++) {
            for (int i = 0; i < perItem[item]; i++, k++) {
                String code = "I" + (k + 1);
                String area = item < 3 ? "정량" : "정성";
                Object points = k < 10 ? 6 : 5;
                Map<String, Object> extra = new HashMap<>();
                String kind = item < 3 ? "QUANTITATIVE" : item == 4 ? "CITIZEN" : "QUALITATIVE";
                String normalization = "FRACTION_OF";
                Object high = 100;
                if (code.equals("I4")) { // 적극행정위원회 의결률 = 의결 ÷ 상정 × 100
                    extra.putAll(Map.of("formula", "RATIO", "inputA", "IN.COMMITTEE.DONE", "inputB", "IN.COMMITTEE.HELD",
                            "multiplier", 100));
                } else if (code.equals("I5")) { // 사전컨설팅 목표 달성도: 실적 ÷ 20건, 120 % 상한
                    extra.putAll(Map.of("formula", "ACHIEVEMENT", "inputA", "IN.CONSULT", "target", 20, "cap", 1.2));
                    high = 1.2;
                } else if (code.equals("I8")) { // 우수사례 발굴 건수, 10건 상한
                    extra.putAll(Map.of("formula", "COUNT", "inputA", "IN.CASES", "cap", 10));
                    high = 10;
                }
                if (kind.equals("QUALITATIVE")) {
                    extra.putAll(Map.of("panelKind", "EXPERT", "rubric", "탁월 90~100, 우수 80~89, 보통 70~79"));
                } else if (kind.equals("CITIZEN")) {
                    extra.put("panelKind", "CITIZEN");
                }
                extra.putAll(Map.of("evidence", "추진계획서·결과 보고서 (PDF 또는 HWP)", "evidenceRequired", item < 3));
                list.add(indicator(code, area, ITEMS[item], "지표 " + (k + 1), kind, points, normalization, null, high, extra));
            }
        }
        return list;
    }

    private static ResponseEntity<Map<String, Object>> put(Http api, String uri, Object body, Object... vars) {
        return api.raw().put().uri(uri, vars).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(new ParameterizedTypeReference<>() { });
    }

    private static int delete(Http api, String uri, Object... vars) {
        return api.raw().delete().uri(uri, vars).retrieve().toBodilessEntity().getStatusCode().value();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> indicators(Http api, long cycle) {
        return (List<Map<String, Object>>) api.getJson("/api/v1/evaluations/cycles/{c}/framework", cycle).getBody().get("indicators");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the2023FrameworkIsConfiguredCopiedChangedPublishedAndVersioned() {
        Http api = admin();
        var program = api.postJson("/api/v1/evaluations/programs", Map.of("code", "TEST-FRAMEWORK", "name",
                "지방자치단체 적극행정 종합평가", "nameEn", "Proactive administration", "cadence", "YEARLY"));
        assertThat(program.getStatusCode().value()).isEqualTo(201);
        long programId = ((Number) program.getBody().get("id")).longValue();
        long c2023 = cycle(api, programId, "2024년(2023년 실적)", 2024, targets());

        for (var indicator : framework2023()) {
            var added = api.postJson("/api/v1/evaluations/cycles/{c}/framework/indicators", indicator, c2023);
            assertThat(added.getStatusCode().value()).as("%s", added.getBody()).isEqualTo(201);
        }
        var framework = api.getJson("/api/v1/evaluations/cycles/{c}/framework", c2023).getBody();
        var all = (List<Map<String, Object>>) framework.get("indicators");
        assertThat(all).hasSize(22);
        assertThat(all.stream().filter(i -> !i.get("kind").equals("INPUT"))).hasSize(18)
                .extracting(i -> i.get("item")).containsOnly((Object[]) ITEMS);
        assertThat(new BigDecimal(String.valueOf(framework.get("totalPoints")))).isEqualByComparingTo("100");
        var tree = (List<Map<String, Object>>) framework.get("tree");
        assertThat(tree).extracting(a -> a.get("name")).containsExactly("입력값", "정량", "정성");
        assertThat(all.stream().filter(i -> i.get("code").equals("I13")).findFirst().orElseThrow())
                .containsEntry("panelKind", "EXPERT").containsEntry("evidenceRequired", false);
        assertThat(all.stream().filter(i -> i.get("code").equals("I1")).findFirst().orElseThrow())
                .containsEntry("evidenceRequired", true);

        // bad input changes nothing and says why, in Korean and English
        var duplicate = api.postJson("/api/v1/evaluations/cycles/{c}/framework/indicators", framework2023().get(5), c2023);
        assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
        assertThat(duplicate.getBody()).containsEntry("code", "framework.indicator.duplicate");
        var noPanel = indicator("Q9", "정성", "우수사례", "패널 없음", "QUALITATIVE", 5, "FRACTION_OF", null, 100, Map.of());
        assertThat(api.postJson("/api/v1/evaluations/cycles/{c}/framework/indicators", noPanel, c2023).getBody())
                .containsEntry("code", "framework.indicator.panel");
        var badRatio = indicator("R9", "정량", "이행 성과", "분모 없음", "QUANTITATIVE", 5, "MIN_MAX", null, null,
                Map.of("formula", "RATIO", "inputA", "IN.CASES"));
        assertThat(api.postJson("/api/v1/evaluations/cycles/{c}/framework/indicators", badRatio, c2023).getBody())
                .containsEntry("code", "framework.indicator.formulaInputs");
        var unknownInput = indicator("R9", "정량", "이행 성과", "없는 입력", "QUANTITATIVE", 5, "MIN_MAX", null, null,
                Map.of("formula", "COUNT", "inputA", "I1"));
        assertThat(api.postJson("/api/v1/evaluations/cycles/{c}/framework/indicators", unknownInput, c2023).getBody())
                .containsEntry("code", "framework.indicator.inputMissing");
        assertThat(delete(api, "/api/v1/evaluations/cycles/{c}/framework/indicators/{code}", c2023, "IN.CONSULT")).isEqualTo(409);
        var badRule = put(api, "/api/v1/evaluations/cycles/{c}/framework/grade-rule", Map.of("kind", "BANDS", "bands",
                List.of(Map.of("label", "우수", "upTo", 0.3), Map.of("label", "보통", "upTo", 0.9)), "rounding", "FLOOR",
                "tiesTakeBetterGrade", true, "gradeItems", false), c2023);
        assertThat(badRule.getStatusCode().value()).isEqualTo(400);
        assertThat(badRule.getBody()).containsEntry("code", "framework.rule.bandsLast");
        assertThat(indicators(api, c2023)).hasSize(22);

        var published = api.postJson("/api/v1/evaluations/cycles/{c}/framework/publish", Map.of(), c2023);
        assertThat(published.getBody()).containsEntry("version", 1);
        // a published framework refuses every edit with 409, in Korean and English
        var refused = api.postJson("/api/v1/evaluations/cycles/{c}/framework/indicators",
                indicator("X1", "정량", "이행 성과", "추가", "QUANTITATIVE", 1, "MIN_MAX", null, null, Map.of()), c2023);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).containsEntry("code", "framework.frozen");
        assertThat((String) refused.getBody().get("detail")).contains("확정된 지표 체계(판 1)");
        assertThat((String) refused.getBody().get("detailEn")).contains("published (version 1)");
        assertThat(put(api, "/api/v1/evaluations/cycles/{c}/framework/areas/{a}", Map.of("name", "정량지표"), c2023, "정량")
                .getStatusCode().value()).isEqualTo(409);
        assertThat(delete(api, "/api/v1/evaluations/cycles/{c}/framework/indicators/{code}", c2023, "I1")).isEqualTo(409);
        assertThat(put(api, "/api/v1/evaluations/cycles/{c}/framework/grade-rule", excellentRule(), c2023)
                .getStatusCode().value()).isEqualTo(409);
        var snapshot = api.getJson("/api/v1/evaluations/cycles/{c}/framework/versions/1", c2023).getBody();
        assertThat((List<?>) snapshot.get("indicators")).hasSize(22);

        // the next cycle starts from a copy of last cycle's framework, then changes
        long c2024 = cycle(api, programId, "2025년(2024년 실적)", 2025, targets());
        var copied = api.postJson("/api/v1/evaluations/cycles/{c}/framework/copy", Map.of("fromCycleId", c2023), c2024);
        assertThat(copied.getBody()).containsEntry("indicators", 22);
        var i2 = new LinkedHashMap<>(indicators(api, c2024).stream().filter(i -> i.get("code").equals("I2")).findFirst().orElseThrow());
        i2.put("points", 8);
        i2.put("name", "적극행정 실행계획 수립");
        assertThat(put(api, "/api/v1/evaluations/cycles/{c}/framework/indicators/{code}", i2, c2024, "I2")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(delete(api, "/api/v1/evaluations/cycles/{c}/framework/indicators/{code}", c2024, "I3")).isEqualTo(204);
        assertThat(put(api, "/api/v1/evaluations/cycles/{c}/framework/areas/{a}/items/{i}", Map.of("name", "제도 개선 노력"),
                c2024, "정량", "제도 활성화 노력").getStatusCode().value()).isEqualTo(204);
        assertThat(api.postJson("/api/v1/evaluations/cycles/{c}/framework/publish", Map.of(), c2024).getBody())
                .containsEntry("version", 1);
        // reopening needs a reason and makes version 2
        var noReason = api.postJson("/api/v1/evaluations/cycles/{c}/framework/reopen", Map.of("reason", " "), c2024);
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody()).containsEntry("code", "framework.reopen.reason");
        assertThat(api.postJson("/api/v1/evaluations/cycles/{c}/framework/reopen", Map.of("reason", "지표 5 배점 오기 정정"), c2024)
                .getBody()).containsEntry("version", 2);
        var i5 = new LinkedHashMap<>(indicators(api, c2024).stream().filter(i -> i.get("code").equals("I5")).findFirst().orElseThrow());
        i5.put("cap", 1.1);
        i5.put("high", 1.1);
        assertThat(put(api, "/api/v1/evaluations/cycles/{c}/framework/indicators/{code}", i5, c2024, "I5")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/evaluations/cycles/{c}/framework/indicators",
                indicator("I19", "정성", "주민체감도", "국민평가단 대표사례 평가", "QUALITATIVE", 2, "FRACTION_OF", null, 100,
                        Map.of("panelKind", "CITIZEN")), c2024).getStatusCode().value()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/evaluations/cycles/{c}/framework/publish", Map.of(), c2024).getBody())
                .containsEntry("version", 2);

        var versions = api.getJsonList("/api/v1/evaluations/cycles/{c}/framework/versions", c2024).getBody();
        assertThat(versions).extracting(v -> v.get("version") + " " + v.get("action"))
                .containsExactly("1 PUBLISHED", "2 REOPENED", "2 PUBLISHED");
        assertThat(versions.get(0)).containsEntry("actedBy", "시험 PROGRAM_ADMIN").containsEntry("indicators", 21);
        assertThat(versions.get(1)).containsEntry("reason", "지표 5 배점 오기 정정");
        var changes = (Map<String, Object>) versions.get(2).get("changes");
        assertThat(changes).containsEntry("added", List.of("I19")).containsEntry("removed", List.of())
                .containsEntry("gradeRuleChanged", false);
        assertThat((List<Map<String, Object>>) changes.get("changed")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("code", "I5").containsEntry("fields", List.of("high", "cap")));
        // the snapshot of version 1 keeps what was published then
        var v1 = (List<Map<String, Object>>) api.getJson("/api/v1/evaluations/cycles/{c}/framework/versions/1", c2024)
                .getBody().get("indicators");
        assertThat(v1.stream().filter(i -> i.get("code").equals("I5")).findFirst().orElseThrow().get("cap")).isEqualTo(1.2);
        assertThat(v1.stream().filter(i -> i.get("code").equals("I2")).findFirst().orElseThrow())
                .containsEntry("name", "적극행정 실행계획 수립");
        assertThat(v1.stream().filter(i -> i.get("code").equals("I4")).findFirst().orElseThrow())
                .containsEntry("item", "제도 개선 노력");
        // the 2023 cycle is untouched by the copy's changes
        assertThat(indicators(api, c2023).stream().filter(i -> i.get("code").equals("I2")).findFirst().orElseThrow())
                .containsEntry("name", "지표 2");

        // once values are entered, the framework cannot be reopened
        long institution = evaluations.targets(c2024).getFirst().institutionId();
        evaluations.enterValues(c2024, institution, Map.of("I1", BigDecimal.TEN));
        var late = api.postJson("/api/v1/evaluations/cycles/{c}/framework/reopen", Map.of("reason", "늦은 수정"), c2024);
        assertThat(late.getStatusCode().value()).isEqualTo(409);
        assertThat(late.getBody()).containsEntry("code", "framework.reopen.entered");
        var programs = api.getJsonList("/api/v1/evaluations/programs").getBody();
        var mine = programs.stream().filter(p -> p.get("code").equals("TEST-FRAMEWORK")).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) mine.get("cycles")).extracting(c -> c.get("label") + " v" + c.get("version"))
                .containsExactlyInAnyOrder("2024년(2023년 실적) v1", "2025년(2024년 실적) v2");
    }

    @Test
    void computedIndicatorsAreDerivedFromTheirInputsWhenResultsAreComputed() {
        Http api = admin();
        long programId = ((Number) api.postJson("/api/v1/evaluations/programs", Map.of("code", "TEST-FRAMEWORK-COMPUTED",
                "name", "산출 지표 시험", "cadence", "YEARLY")).getBody().get("id")).longValue();
        targets();
        long cycle = cycle(api, programId, "산출 지표", 2024, List.of(Map.of("name", "광역", "evaluationGroupId", groupIds.get(0))));
        for (var indicator : framework2023()) {
            assertThat(api.postJson("/api/v1/evaluations/cycles/{c}/framework/indicators", indicator, cycle)
                    .getStatusCode().value()).isEqualTo(201);
        }
        api.postJson("/api/v1/evaluations/cycles/{c}/framework/publish", Map.of(), cycle);
        var targets = evaluations.targets(cycle);
        assertThat(targets).hasSize(17);
        var random = new SplittableRandom(17);
        for (CycleTarget target : targets) {
            Map<String, BigDecimal> values = new HashMap<>();
            for (int k = 1; k <= 18; k++) {
                values.put("I" + k, BigDecimal.valueOf(random.nextInt(100)));
            }
            values.put("IN.COMMITTEE.HELD", BigDecimal.valueOf(8));
            values.put("IN.COMMITTEE.DONE", BigDecimal.valueOf(random.nextInt(9)));
            values.put("IN.CONSULT", BigDecimal.valueOf(random.nextInt(30)));
            values.put("IN.CASES", BigDecimal.valueOf(random.nextInt(15)));
            evaluations.enterValues(cycle, target.institutionId(), values);
        }
        long first = targets.get(0).institutionId();
        long second = targets.get(1).institutionId();
        // 6 of 8 → 75; 30 against 20 → 1.5, capped at 1.2; 14 cases capped at 10; an entered "I4" never counts
        evaluations.enterValues(cycle, first, Map.of("IN.COMMITTEE.DONE", BigDecimal.valueOf(6), "IN.CONSULT",
                BigDecimal.valueOf(30), "IN.CASES", BigDecimal.valueOf(14), "I4", BigDecimal.valueOf(99)));
        // 9 against 20 → 0.45 (below the cap)
        evaluations.enterValues(cycle, second, Map.of("IN.CONSULT", BigDecimal.valueOf(9)));

        CycleResult result = evaluations.result(cycle, evaluations.computeResults(cycle, "산출 지표"));
        var row = result.rows().stream().filter(r -> r.institutionId() == first).findFirst().orElseThrow();
        Explanation ratio = leaf(row.explanation(), "I4");
        assertThat(ratio.raw()).isEqualByComparingTo("75");
        assertThat(ratio.normalized()).isEqualByComparingTo("0.75");
        assertThat(ratio.formula()).startsWith("입력 IN.COMMITTEE.DONE = 6, IN.COMMITTEE.HELD = 8 → IN.COMMITTEE.DONE ÷ IN.COMMITTEE.HELD × 100 = 75");
        Explanation achievement = leaf(row.explanation(), "I5");
        assertThat(achievement.raw()).isEqualByComparingTo("1.2");
        assertThat(achievement.normalized()).isEqualByComparingTo("1");
        assertThat(achievement.formula()).startsWith("입력 IN.CONSULT = 30 → min(IN.CONSULT ÷ 20, 1.2) = 1.2");
        Explanation count = leaf(row.explanation(), "I8");
        assertThat(count.raw()).isEqualByComparingTo("10");
        assertThat(count.formula()).startsWith("입력 IN.CASES = 14 → min(IN.CASES, 10) = 10");
        var other = result.rows().stream().filter(r -> r.institutionId() == second).findFirst().orElseThrow();
        assertThat(leaf(other.explanation(), "I5").raw()).isEqualByComparingTo("0.45");
        assertThat(leaf(other.explanation(), "I5").normalized()).isEqualByComparingTo("0.375");
        // inputs carry no points and do not appear among the scored indicators
        assertThat(flatten(row.explanation())).extracting(Explanation::indicatorId).doesNotContain("IN.CASES", "IN.CONSULT")
                .hasSize(18);
        assertThat(row.explanation().value()).isEqualByComparingTo(row.total());
    }

    @Test
    void onlyItemsFlaggedInTheFrameworkAreGradedOnTheirOwn() {
        Http api = admin();
        long programId = ((Number) api.postJson("/api/v1/evaluations/programs", Map.of("code", "TEST-FRAMEWORK-ITEMS",
                "name", "민원서비스 종합평가 (항목 등급)", "cadence", "YEARLY")).getBody().get("id")).longValue();
        targets();
        long cycle = cycle(api, programId, "항목 등급", 2024, List.of(Map.of("name", "시", "evaluationGroupId", groupIds.get(1))));
        var bands = Map.of("kind", "BANDS", "bands", List.of(Map.of("label", "가", "upTo", 0.1), Map.of("label", "나", "upTo", 0.3),
                Map.of("label", "다", "upTo", 0.7), Map.of("label", "라", "upTo", 0.9), Map.of("label", "마", "upTo", 1)),
                "rounding", "HALF_UP", "tiesTakeBetterGrade", true, "gradeItems", false);
        assertThat(put(api, "/api/v1/evaluations/cycles/{c}/framework/grade-rule", bands, cycle).getStatusCode().value())
                .isEqualTo(200);
        String[] items = {"민원행정 전략 및 체계", "민원제도 운영", "국민신문고 민원 처리"};
        for (int item = 0; item < items.length; item++) {
            for (int i = 0; i < 2; i++) {
                api.postJson("/api/v1/evaluations/cycles/{c}/framework/indicators", indicator("C" + item + i, "민원",
                        items[item], items[item] + " " + i, "QUANTITATIVE", 5, "FRACTION_OF", null, 100, Map.of()), cycle);
            }
        }
        assertThat(put(api, "/api/v1/evaluations/cycles/{c}/framework/areas/{a}/items/{i}/grading", Map.of("graded", true),
                cycle, "민원", items[0]).getStatusCode().value()).isEqualTo(204);
        assertThat(put(api, "/api/v1/evaluations/cycles/{c}/framework/areas/{a}/items/{i}/grading", Map.of("graded", true),
                cycle, "민원", items[2]).getStatusCode().value()).isEqualTo(204);
        evaluations.publishFramework(cycle);
        var random = new SplittableRandom(307);
        for (CycleTarget target : evaluations.targets(cycle)) {
            Map<String, BigDecimal> values = new HashMap<>();
            for (int item = 0; item < items.length; item++) {
                for (int i = 0; i < 2; i++) {
                    values.put("C" + item + i, BigDecimal.valueOf(random.nextInt(10_000), 2));
                }
            }
            evaluations.enterValues(cycle, target.institutionId(), values);
        }
        CycleResult result = evaluations.result(cycle, evaluations.computeResults(cycle, null));
        assertThat(result.rows()).allSatisfy(r -> assertThat(r.itemGrades()).containsOnlyKeys(items[0], items[2]));
        assertThat(List.of("가", "나", "다", "라", "마")).extracting(g -> result.group("시").stream()
                .filter(r -> g.equals(r.itemGrades().get(items[2]))).count()).containsExactly(8L, 15L, 30L, 15L, 7L);
    }

    @Test
    void onlyProgramAndSystemAdministratorsMayReadOrChangeFrameworks() {
        Http api = admin();
        long programId = ((Number) api.postJson("/api/v1/evaluations/programs", Map.of("code", "TEST-FRAMEWORK-ROLES",
                "name", "권한 시험", "cadence", "YEARLY")).getBody().get("id")).longValue();
        targets();
        long cycle = cycle(api, programId, "권한", 2024, List.of(Map.of("name", "광역", "evaluationGroupId", groupIds.get(0))));
        var indicator = indicator("A1", "정량", "항목", "지표", "QUANTITATIVE", 10, "MIN_MAX", null, null, Map.of());
        for (Role role : List.of(Role.INSTITUTION_COORDINATOR, Role.INDICATOR_OWNER, Role.EVALUATOR, Role.AUDIT_OFFICER)) {
            Http other = Http.api(port, TestUsers.withRole(accounts, role));
            assertThat(other.postJson("/api/v1/evaluations/cycles/{c}/framework/indicators", indicator, cycle)
                    .getStatusCode().value()).as("%s adds", role).isEqualTo(403);
            assertThat(other.getJson("/api/v1/evaluations/cycles/{c}/framework", cycle).getStatusCode().value())
                    .as("%s reads", role).isEqualTo(403);
            assertThat(other.postJson("/api/v1/evaluations/cycles/{c}/framework/publish", Map.of(), cycle)
                    .getStatusCode().value()).as("%s publishes", role).isEqualTo(403);
            assertThat(put(other, "/api/v1/evaluations/cycles/{c}/framework/grade-rule", excellentRule(), cycle)
                    .getStatusCode().value()).as("%s sets the rule", role).isEqualTo(403);
            assertThat(other.getJson("/api/v1/evaluations/programs").getStatusCode().value()).isEqualTo(403);
        }
        Http anonymous = new Http(port);
        assertThat(anonymous.postJson("/api/v1/evaluations/cycles/{c}/framework/indicators", indicator, cycle)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getJson("/api/v1/evaluations/cycles/{c}/framework", cycle).getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.postJson("/api/v1/evaluations/cycles/{c}/framework/reopen", Map.of("reason", "x"), cycle)
                .getStatusCode().value()).isEqualTo(401);
        // nothing was added by anyone refused; the system administrator may
        assertThat(indicators(api, cycle)).isEmpty();
        Http system = Http.api(port, TestUsers.admin(accounts));
        assertThat(system.postJson("/api/v1/evaluations/cycles/{c}/framework/indicators", indicator, cycle)
                .getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void thePagesAreForAdministratorsAndAPublishedFrameworkRefusesChangesThere() {
        Http api = admin();
        long programId = ((Number) api.postJson("/api/v1/evaluations/programs", Map.of("code", "TEST-FRAMEWORK-PAGES",
                "name", "화면 권한 시험", "cadence", "YEARLY")).getBody().get("id")).longValue();
        targets();
        long cycle = cycle(api, programId, "화면", 2024, List.of(Map.of("name", "광역", "evaluationGroupId", groupIds.get(0))));
        String page = "/admin/evaluations/programs/" + programId + "/cycles/" + cycle + "/framework";
        Http coordinator = Http.signedIn(port, TestUsers.withRole(accounts, Role.INSTITUTION_COORDINATOR));
        assertThat(coordinator.getPage("/admin/evaluations/programs").getStatusCode().value()).isEqualTo(403);
        assertThat(coordinator.getPage(page).getStatusCode().value()).isEqualTo(403);
        assertThat(coordinator.postForm(page + "/publish", "").getStatusCode().value()).isEqualTo(403);
        assertThat(coordinator.postForm(page + "/indicators", "code=A1&area=a&item=b&name=c&kind=QUANTITATIVE&points=1")
                .getStatusCode().value()).isEqualTo(403);
        var anonymous = Http.browser(port).getPage(page);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(302);
        assertThat(String.valueOf(anonymous.getHeaders().getLocation())).endsWith("/login");
        // a cycle of another program is not found under this one
        assertThat(Http.signedIn(port, TestUsers.withRole(accounts, Role.PROGRAM_ADMIN))
                .getPage("/admin/evaluations/programs/" + (programId + 999) + "/cycles/" + cycle + "/framework")
                .getStatusCode().value()).isEqualTo(404);

        Http pages = Http.signedIn(port, TestUsers.withRole(accounts, Role.PROGRAM_ADMIN));
        var added = pages.postForm(page + "/indicators", "code=A1&area=" + enc("정량") + "&item=" + enc("추진계획")
                + "&name=" + enc("실행계획") + "&kind=QUANTITATIVE&points=10&polarity=HIGHER_IS_BETTER&normalization=MIN_MAX");
        assertThat(added.getStatusCode().value()).isEqualTo(302);
        var typo = pages.postForm(page + "/indicators", "code=A2&area=a&item=b&name=c&kind=QUANTITATIVE&points=1O"
                + "&polarity=HIGHER_IS_BETTER&normalization=MIN_MAX");
        assertThat(typo.getStatusCode().value()).isEqualTo(400);
        assertThat(typo.getBody()).contains("숫자로 읽을 수 없는 값이 있습니다: 1O");
        assertThat(pages.postForm(page + "/publish", "").getStatusCode().value()).isEqualTo(302);
        var frozen = pages.postForm(page + "/indicators/A1/remove", "");
        assertThat(frozen.getStatusCode().value()).isEqualTo(409);
        assertThat(frozen.getBody()).contains("확정된 지표 체계(판 1)는 바꿀 수 없습니다");
        var versions = pages.getPage(page + "/versions");
        assertThat(versions.getStatusCode().value()).isEqualTo(200);
        assertThat(versions.getBody()).contains("제1판", "첫 확정입니다", "실행계획");
        assertThat(indicators(api, cycle)).extracting(i -> i.get("code")).containsExactly("A1");

        // the new-cycle form refuses what it cannot create, and changes nothing
        String cycles = "/admin/evaluations/programs/" + programId + "/cycles";
        String form = "evaluationYear=2025&performanceYear=2024&half=&periodFrom=2024-01-01&periodTo=2024-12-31";
        var duplicate = pages.postForm(cycles, "label=" + enc("화면") + "&" + form + "&group=" + groupIds.get(0) + "&name-"
                + groupIds.get(0) + "=" + enc("광역"));
        assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
        assertThat(duplicate.getBody()).contains("회차 “화면”이(가) 이미 있습니다");
        var noGroup = pages.postForm(cycles, "label=" + enc("다음 회차") + "&" + form);
        assertThat(noGroup.getStatusCode().value()).isEqualTo(400);
        assertThat(noGroup.getBody()).contains("대상 평가군을 하나 이상 고르세요");
        assertThat(coordinator.postForm(cycles, "label=x&" + form + "&group=" + groupIds.get(0)).getStatusCode().value())
                .isEqualTo(403);
        var copied = pages.postForm(cycles, "label=" + enc("다음 회차") + "&" + form + "&group=" + groupIds.get(0) + "&name-"
                + groupIds.get(0) + "=" + enc("광역") + "&fromCycleId=" + cycle);
        assertThat(copied.getStatusCode().value()).isEqualTo(302);
        var empty = pages.postForm(cycles, "label=" + enc("빈 회차") + "&" + form + "&group=" + groupIds.get(0) + "&name-"
                + groupIds.get(0) + "=" + enc("광역"));
        assertThat(empty.getStatusCode().value()).isEqualTo(302);
        assertThat(pages.getPage(String.valueOf(empty.getHeaders().getLocation())).getBody())
                .contains("회차를 만들었습니다", "등급 없음(순위만)", "아직 지표가 없습니다");
        assertThat(api.getJsonList("/api/v1/evaluations/programs").getBody().stream()
                .filter(p -> p.get("code").equals("TEST-FRAMEWORK-PAGES")).findFirst().orElseThrow().get("cycles").toString())
                .contains("다음 회차", "indicators=1");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Explanation leaf(Explanation root, String code) {
        return flatten(root).stream().filter(e -> code.equals(e.indicatorId())).findFirst().orElseThrow();
    }

    private static List<Explanation> flatten(Explanation node) {
        List<Explanation> leaves = new ArrayList<>();
        if (node.kind().equals("INDICATOR")) {
            leaves.add(node);
        }
        node.parts().forEach(p -> leaves.addAll(flatten(p)));
        return leaves;
    }
}
