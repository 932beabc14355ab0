package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo cross-review on the demo cycle (SYNTHETIC): four cities of the 시 group (논산시, 군산시, 보령시, 공주시) with a
 * case summary and evidence each, and objections in every state — filed (one against 논산시 for nonsan@ to answer,
 * one by 논산시), answered, upheld with the value corrected, partly upheld, dismissed. The review stages are left
 * open for two weeks from the start (overlapping, so every role can try its step at once); objectors are hidden.
 */
@Component
@ConditionalOnProperty(name = "pyeongga.demo.enabled", havingValue = "true")
class ReviewDemoData {

    private static final Logger log = LoggerFactory.getLogger(ReviewDemoData.class);
    private static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final ObjectionStore store;
    private final CrossReviews reviews;
    private final Evaluations evaluations;
    private final CycleStages stages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewDemoData(JdbcClient jdbc, ObjectionStore store, CrossReviews reviews, Evaluations evaluations, CycleStages stages,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.reviews = reviews;
        this.evaluations = evaluations;
        this.stages = stages;
        this.events = events;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(35)
    void load() {
        Optional<Long> found = jdbc.sql("""
                        select c.id from evaluation_cycle c join evaluation_program p on p.id = c.program_id
                         where p.code = :code order by c.id limit 1
                        """)
                .param("code", EvaluationDemoData.CODE).query(Long.class).optional();
        if (found.isEmpty()) {
            return;
        }
        long cycle = found.get();
        if (!store.objections(cycle).isEmpty()) {
            return; // loaded before
        }
        var targets = evaluations.targets(cycle);
        long nonsan = city(targets, "논산시");
        long gunsan = city(targets, "군산시");
        long boryeong = city(targets, "보령시");
        long gongju = city(targets, "공주시");
        if (List.of(nonsan, gunsan, boryeong, gongju).contains(-1L)) {
            return;
        }
        if (!stages.stages(cycle).containsKey(CycleStage.OBJECTION)) {
            reviews.setRule(cycle, new CrossReviews.ReviewRule(true, "ZERO"));
        }
        Map<Long, String> names = Map.of(nonsan, "논산시", gunsan, "군산시", boryeong, "보령시", gongju, "공주시");
        names.forEach((id, name) -> {
            caseSummary(cycle, id, name);
            evidence(cycle, id, "A13", name + " 우수사례 증빙.pdf");
            evidence(cycle, id, "A9", name + " 교육 이수 명단.pdf");
        });

        Instant now = clock.instant();
        long filedAgainstNonsan = file(cycle, gunsan, nonsan, "A9", "교육 이수율 산정에 외부 위탁교육 인원이 중복 포함된 것으로 보입니다.");
        file(cycle, nonsan, gunsan, "A8", "인센티브 부여율의 분모에서 휴직자를 뺀 근거가 증빙에 없습니다.");
        long answered = file(cycle, boryeong, gunsan, "A13", "대표 우수사례의 성과 수치(민원 처리기간 40% 단축)가 증빙과 다릅니다.");
        long upheld = file(cycle, nonsan, boryeong, "A9", "교육 이수율이 이수 명단의 인원(전체 직원의 약 80%)보다 높게 산정되었습니다.");
        long partly = file(cycle, gongju, nonsan, "A13", "대표 우수사례 중 일부 사업은 2022년에 끝난 사업입니다.");
        long dismissed = file(cycle, gunsan, gongju, "A9", "교육 이수 기준 시간이 다른 기관보다 짧습니다.");
        answer(cycle, answered, gunsan, "단축률은 2023년 1~12월 평균이며, 보완 자료(월별 처리기간 표)를 올렸습니다.");
        answer(cycle, upheld, boryeong, "이수 명단은 상반기분만 올렸습니다. 하반기 명단을 보완합니다.");
        answer(cycle, partly, nonsan, "세 사업 중 한 사업은 2022년 착수, 2023년 완료로 실적 기간에 해당합니다.");
        answer(cycle, dismissed, gongju, "이수 기준 시간은 인사혁신처 지침(연 10시간)을 따랐습니다.");
        log.debug("Demo objection {} stays filed for 논산시 to answer", filedAgainstNonsan);

        // rulings go through the service (the administrator's path), with the ruling stage open for that moment
        stages.schedule(cycle, List.of(new StageWindow(CycleStage.RULING, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofMinutes(10)))));
        BigDecimal old = store.value(cycle, boryeong, "A9").orElse(BigDecimal.valueOf(90));
        BigDecimal corrected = old.multiply(new BigDecimal("0.8")).setScale(1, RoundingMode.HALF_UP);
        reviews.rule(cycle, upheld, CrossReviews.Ruling.UPHELD,
                "하반기 명단을 더해도 이수 인원은 전체의 80% 수준으로 확인되어 실적 값을 정정합니다.", corrected);
        reviews.rule(cycle, partly, CrossReviews.Ruling.PARTLY_UPHELD,
                "2022년에 끝난 한 사업은 제외하고 나머지 두 사업으로 평가합니다 (정성 지표: 평가위원에게 전달).", null);
        reviews.rule(cycle, dismissed, CrossReviews.Ruling.DISMISSED, "지침의 기준 시간을 따른 것으로 확인되었습니다.", null);

        stages.schedule(cycle, List.of(
                new StageWindow(CycleStage.MUTUAL_VIEWING, now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(14))),
                new StageWindow(CycleStage.OBJECTION, now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(14))),
                new StageWindow(CycleStage.OBJECTION_ANSWER, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(14))),
                new StageWindow(CycleStage.RULING, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(14))),
                new StageWindow(CycleStage.VERIFICATION, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(14)))));
        log.info("Demo data: cross-review of cycle {} with 6 objections (filed, answered, upheld, partly upheld, dismissed)", cycle);
    }

    private static long city(List<CycleTarget> targets, String name) {
        return targets.stream().filter(t -> t.group().equals("시") && t.name().endsWith(name)).mapToLong(CycleTarget::institutionId)
                .findFirst().orElse(-1L);
    }

    /** An objection as the institution's coordinator would file it (the demo has no signed-in user to file as). */
    private long file(long cycle, long objector, long target, String indicator, String reason) {
        long indicatorId = store.indicator(cycle, indicator).orElseThrow().id();
        long id = store.insertObjection(cycle, objector, target, indicatorId, reason, SYSTEM);
        events.publishEvent(new ObjectionFiled(cycle, id, objector, target, indicator));
        return id;
    }

    private void answer(long cycle, long objection, long target, String text) {
        store.answer(objection, text, SYSTEM);
        events.publishEvent(new ObjectionAnswered(cycle, objection, target));
    }

    private void caseSummary(long cycle, long institution, String name) {
        jdbc.sql("""
                        insert into evaluation_case_summary (cycle_id, institution_id, indicator_id, title, body, written_by)
                        select :c, :i, id, :t, :b, :by from evaluation_indicator where cycle_id = :c and code = 'A13'
                        on conflict do nothing
                        """)
                .param("c", cycle).param("i", institution).param("t", name + " 민원 처리 절차 간소화 (데모)")
                .param("b", name + "은(는) 2023년 인허가 민원의 사전컨설팅을 도입해 처리기간을 줄였습니다. 이 요약은 데모용 합성 자료입니다.")
                .param("by", SYSTEM).update();
    }

    private void evidence(long cycle, long institution, String indicator, String fileName) {
        byte[] content = ("%PDF-1.4\n% Pyeongga demo evidence (synthetic): " + fileName + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("""
                        insert into evaluation_evidence (cycle_id, institution_id, indicator_id, file_name, content_type, size_bytes,
                                                         sha256, content, uploaded_by)
                        select :c, :i, i.id, :f, 'PDF', :s, :sha, :content, :by from evaluation_indicator i
                         where i.cycle_id = :c and i.code = :code
                           and not exists (select 1 from evaluation_evidence e
                                            where e.cycle_id = :c and e.institution_id = :i and e.indicator_id = i.id)
                        """)
                .param("c", cycle).param("i", institution).param("code", indicator).param("f", fileName)
                .param("s", content.length).param("sha", sha).param("content", content).param("by", SYSTEM).update();
    }
}
