package org.pyeongga.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pyeongga.core.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dated stages of each cycle and the one question every other part asks: is this stage open now? A closed stage
 * refuses with the stage's name and dates (409), so an institution sees why its submission is locked.
 */
@Service
public class CycleStages {

    /** Stage dates are shown in Korean time, whatever the server's zone. */
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SEOUL);

    private final EvaluationStore store;
    private final EvaluationPermissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CycleStages(EvaluationStore store, EvaluationPermissions permissions, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    /** Sets (or moves) the windows of the given stages; stages not named keep theirs. */
    @Transactional
    public void schedule(long cycleId, List<StageWindow> windows) {
        permissions.requireManage();
        requireCycle(cycleId);
        for (StageWindow window : windows) {
            store.upsertStage(cycleId, window);
        }
        events.publishEvent(new CycleStagesScheduled(cycleId, windows));
    }

    /** The cycle's scheduled stages in their natural order. */
    public Map<CycleStage, StageWindow> stages(long cycleId) {
        requireCycle(cycleId);
        Map<CycleStage, StageWindow> stages = new EnumMap<>(CycleStage.class);
        store.stages(cycleId).forEach(w -> stages.put(w.stage(), w));
        return stages;
    }

    public Optional<StageWindow> window(long cycleId, CycleStage stage) {
        return Optional.ofNullable(stages(cycleId).get(stage));
    }

    public boolean isOpen(long cycleId, CycleStage stage) {
        return window(cycleId, stage).map(w -> w.isOpenAt(now())).orElse(false);
    }

    /** Has the stage closed (its window is in the past)? An unscheduled stage has not. */
    public boolean hasClosed(long cycleId, CycleStage stage) {
        return window(cycleId, stage).map(w -> !now().isBefore(w.closesAt())).orElse(false);
    }

    /** Refuses (409, in Korean with the stage's dates) unless the stage is open now. */
    public void requireOpen(long cycleId, CycleStage stage) {
        StageWindow window = window(cycleId, stage)
                .orElseThrow(() -> UserFacingException.conflict("evaluation.stage.unscheduled", stage.korean()));
        if (!window.isOpenAt(now())) {
            throw UserFacingException.conflict("evaluation.stage.closed", stage.korean(),
                    SHOWN.format(window.opensAt()), SHOWN.format(window.closesAt()));
        }
    }

    public Instant now() {
        return clock.instant();
    }

    private void requireCycle(long cycleId) {
        if (store.cycle(cycleId).isEmpty()) {
            throw UserFacingException.notFound("evaluation.cycle.notFound", cycleId);
        }
    }
}
