package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionKind;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small cycle for cross-review tests: three cities in the group 시 (A objects, B is objected to, C looks on) and one
 * county alone in 군 (D), a framework of two quantitative indicators and one qualitative, values and panel scores, a
 * coordinator per institution, and each institution's case summary and evidence rows written straight into the
 * submission tables (the submission pages write them in the app).
 */
final class ObjectionFixtures {

    static final LocalDate AS_OF = LocalDate.parse("2024-12-31");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final long cycle;
    final long a;
    final long b;
    final long c;
    final long d;
    final String userA;
    final String userB;
    final String userC;
    final String userD;
    /** Evidence ids: B's two items for Q1, B's case evidence for C1, A's item for Q2. */
    final long evidenceB1;
    final long evidenceB2;
    final long evidenceBCase;
    final long evidenceA;

    private final CycleStages stages;

    ObjectionFixtures(Evaluations evaluations, EvaluationGroups groups, InstitutionRegistry registry, CycleStages stages,
            Accounts accounts, JdbcClient jdbc) {
        this.stages = stages;
        int n = SEQUENCE.incrementAndGet();
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36) + n;
        a = institution(registry, InstitutionKind.CITY, "논산");
        b = institution(registry, InstitutionKind.CITY, "군산");
        c = institution(registry, InstitutionKind.CITY, "보령");
        d = institution(registry, InstitutionKind.COUNTY, "부여");
        long cities = groups.define("TEST-REVIEW-CITY-" + tag, "시 (이의 시험)", null, null, AS_OF, List.of(a, b, c));
        long counties = groups.define("TEST-REVIEW-COUNTY-" + tag, "군 (이의 시험)", null, null, AS_OF, List.of(d));
        long program = evaluations.createProgram("TEST-REVIEW-" + tag, "이의신청 시험 평가", "Objection test", "YEARLY");
        var rule = GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("우수", new BigDecimal("0.3")),
                new GradeRuleSpec.Band("보통", BigDecimal.ONE)), RoundingMode.FLOOR, true, false);
        cycle = evaluations.createCycle(program, new NewCycle("2024년(2023년 실적)", 2024, 2023, null,
                LocalDate.parse("2023-01-01"), LocalDate.parse("2023-12-31"), rule,
                List.of(new NewCycle.TargetGroup("시", cities), new NewCycle.TargetGroup("군", counties))));
        evaluations.defineFramework(cycle, List.of(
                new IndicatorSpec("Q1", "정량", "이행 성과", "적극행정 교육 이수율", "QUANTITATIVE", new BigDecimal("10"),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)),
                new IndicatorSpec("Q2", "정량", "이행 성과", "규제 개선 실적", "QUANTITATIVE", new BigDecimal("10"),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)),
                new IndicatorSpec("C1", "정성", "우수사례", "대표 우수사례", "QUALITATIVE", new BigDecimal("10"),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100))));
        evaluations.publishFramework(cycle);
        Map<Long, int[]> values = Map.of(a, new int[] {70, 60}, b, new int[] {90, 50}, c, new int[] {60, 70}, d, new int[] {80, 80});
        values.forEach((id, v) -> evaluations.enterValues(cycle, id,
                Map.of("Q1", BigDecimal.valueOf(v[0]), "Q2", BigDecimal.valueOf(v[1]))));
        for (String evaluator : List.of("평가위원 1", "평가위원 2")) {
            evaluations.enterPanelScores(cycle, "C1", evaluator, Map.of(a, BigDecimal.valueOf(70), b, BigDecimal.valueOf(75),
                    c, BigDecimal.valueOf(65), d, BigDecimal.valueOf(70)));
        }
        userA = user(accounts, "a", tag, a);
        userB = user(accounts, "b", tag, b);
        userC = user(accounts, "c", tag, c);
        userD = user(accounts, "d", tag, d);
        for (long institution : List.of(a, b, c, d)) {
            jdbc.sql("""
                            insert into evaluation_case_summary (cycle_id, institution_id, indicator_id, title, body, written_by)
                            select :c, :i, id, :t, :body, 'test' from evaluation_indicator where cycle_id = :c and code = 'C1'
                            """)
                    .param("c", cycle).param("i", institution).param("t", "우수사례 " + institution)
                    .param("body", "기관 " + institution + "의 적극행정 우수사례 요약").update();
        }
        evidenceB1 = evidence(jdbc, b, "Q1", "교육 이수 명단.pdf");
        evidenceB2 = evidence(jdbc, b, "Q1", "교육 결과 보고.pdf");
        evidenceBCase = evidence(jdbc, b, "C1", "우수사례 사진.png");
        evidenceA = evidence(jdbc, a, "Q2", "규제 개선 목록.pdf");
    }

    private static long institution(InstitutionRegistry registry, InstitutionKind kind, String name) {
        return registry.search(new InstitutionQuery(AS_OF, null, kind, null, name, false), 0, 5).items().getFirst().id();
    }

    private static String user(Accounts accounts, String who, String tag, long institution) {
        String email = "review-" + who + "-" + tag + "@test.pyeongga.kr";
        accounts.create(email, "이의 시험 " + who.toUpperCase(), TestUsers.PASSWORD,
                Set.of(new Membership(institution, Role.INSTITUTION_COORDINATOR)));
        return email;
    }

    private long evidence(JdbcClient jdbc, long institution, String indicator, String fileName) {
        byte[] content = ("%PDF-1.4 증빙 " + fileName).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return jdbc.sql("""
                        insert into evaluation_evidence (cycle_id, institution_id, indicator_id, file_name, content_type, size_bytes,
                                                         sha256, content, uploaded_by)
                        select :c, :i, id, :f, :t, :s, :sha, :content, 'test' from evaluation_indicator where cycle_id = :c and code = :code
                        returning id
                        """)
                .param("c", cycle).param("i", institution).param("code", indicator).param("f", fileName)
                .param("t", fileName.endsWith(".png") ? "PNG" : "PDF").param("s", content.length).param("sha", sha)
                .param("content", content).query(Long.class).single();
    }

    /** Where a stage is put relative to now. */
    enum At { BEFORE, OPEN, CLOSED }

    /** Moves the windows of the given stages (before: tomorrow; open: since an hour ago; closed: ended yesterday). */
    void set(Map<CycleStage, At> where) {
        Instant now = Instant.now();
        stages.schedule(cycle, where.entrySet().stream().map(e -> switch (e.getValue()) {
            case BEFORE -> new StageWindow(e.getKey(), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
            case OPEN -> new StageWindow(e.getKey(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
            case CLOSED -> new StageWindow(e.getKey(), now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)));
        }).toList());
    }

    /** Only {@code stage} is open: the review stages before it have closed, those after it are still to come. */
    void only(CycleStage stage) {
        Map<CycleStage, At> where = new java.util.EnumMap<>(CycleStage.class);
        for (CycleStage s : ReviewPermissions.REVIEW_STAGES) {
            where.put(s, s.ordinal() < stage.ordinal() ? At.CLOSED : s == stage ? At.OPEN : At.BEFORE);
        }
        set(where);
    }
}
