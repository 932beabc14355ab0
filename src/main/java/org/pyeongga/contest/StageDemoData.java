package org.pyeongga.contest;

import java.util.List;
import org.pyeongga.account.StaffCards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default start, once: the 보령시 2024 상반기 demo contest (in JUDGING) gets its template's stages
 * (서면심사 → top 5 → 발표심사), its formula (발표심사 100) published, and the written round opened with the demo's
 * outside evaluators (evaluator@ and evaluator2–4@pyeongga.kr), so evaluator@ finds eight cases to score at /judge. The
 * scores themselves are left to whoever tries the demo; the judges are the judging demo's invented experts.
 */
@Component
@ConditionalOnProperty(name = "pyeongga.demo.enabled", havingValue = "true")
class StageDemoData {

    private static final Logger log = LoggerFactory.getLogger(StageDemoData.class);
    private static final List<String> JUDGES = List.of("evaluator@pyeongga.kr", "evaluator2@pyeongga.kr", "evaluator3@pyeongga.kr",
            "evaluator4@pyeongga.kr");

    private final Stages stages;
    private final FinalFormulas formulas;
    private final StaffCards staff;
    private final JdbcClient jdbc;

    StageDemoData(Stages stages, FinalFormulas formulas, StaffCards staff, JdbcClient jdbc) {
        this.stages = stages;
        this.formulas = formulas;
        this.staff = staff;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(70)
    void load() {
        var contest = jdbc.sql("""
                        select c.id from contest c where c.template = :t and c.phase = 'JUDGING'
                           and not exists (select 1 from contest_stage s where s.contest_id = c.id) order by c.id limit 1
                        """).param("t", ContestTemplates.BORYEONG_2024_H1).query(Long.class).optional();
        List<String> judges = JUDGES.stream().filter(e -> staff.byEmail(e).isPresent()).toList();
        if (contest.isEmpty() || judges.isEmpty()) {
            return;
        }
        long id = contest.get();
        List<Long> created = stages.setUpFromTemplate(id, null);
        formulas.versions(id).stream().findFirst().ifPresent(v -> formulas.publish(id, v.version()));
        stages.open(created.getFirst(), judges, null);
        log.info("Demo data: 보령시 2024 상반기 stages ({}), the written round open for {} judges", created.size(), judges.size());
    }
}
