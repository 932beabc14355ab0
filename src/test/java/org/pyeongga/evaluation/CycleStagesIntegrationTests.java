package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Each cycle's dated stages: open from their start until (not including) their close; a closed stage says when it was. */
@IntegrationTest
class CycleStagesIntegrationTests {

    @Autowired
    Evaluations evaluations;

    @Autowired
    CycleStages stages;

    private long cycle(String code) {
        long program = evaluations.createProgram(code, "단계 시험 평가", null, "YEARLY");
        var rule = GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("우수", new BigDecimal("0.3")),
                new GradeRuleSpec.Band("보통", BigDecimal.ONE)), RoundingMode.FLOOR, true, false);
        return evaluations.createCycle(program, new NewCycle("2026년(2025년 실적)", 2026, 2025, null,
                LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), rule, List.of()));
    }

    @Test
    void aStageIsOpenOnlyWithinItsWindowAndAClosedOneSaysWhen() {
        long cycle = cycle("TEST-STAGES");
        Instant now = Instant.now();
        stages.schedule(cycle, List.of(
                new StageWindow(CycleStage.SUBMISSION, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))),
                new StageWindow(CycleStage.MUTUAL_VIEWING, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(5)))));

        assertThat(stages.isOpen(cycle, CycleStage.SUBMISSION)).isFalse();
        assertThat(stages.hasClosed(cycle, CycleStage.SUBMISSION)).isTrue();
        assertThat(stages.isOpen(cycle, CycleStage.MUTUAL_VIEWING)).isTrue();
        assertThat(stages.isOpen(cycle, CycleStage.OBJECTION)).isFalse();
        assertThat(stages.hasClosed(cycle, CycleStage.OBJECTION)).isFalse();
        assertThat(stages.stages(cycle).keySet()).containsExactly(CycleStage.SUBMISSION, CycleStage.MUTUAL_VIEWING);

        assertThatThrownBy(() -> stages.requireOpen(cycle, CycleStage.SUBMISSION))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("evaluation.stage.closed");
                    assertThat(e.args()[0]).isEqualTo("실적 제출");
                });
        assertThatThrownBy(() -> stages.requireOpen(cycle, CycleStage.OBJECTION))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("evaluation.stage.unscheduled"));
        stages.requireOpen(cycle, CycleStage.MUTUAL_VIEWING);

        // moving a window reopens it; the other stages keep theirs
        stages.schedule(cycle, List.of(new StageWindow(CycleStage.SUBMISSION, now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(2)))));
        assertThat(stages.isOpen(cycle, CycleStage.SUBMISSION)).isTrue();
        assertThat(stages.isOpen(cycle, CycleStage.MUTUAL_VIEWING)).isTrue();
    }

    @Test
    void aWindowMustCloseAfterItOpens() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> new StageWindow(CycleStage.SCORING, now, now)).isInstanceOf(IllegalArgumentException.class);
    }
}
