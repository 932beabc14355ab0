package org.pyeongga.organization;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default start: the four groups of the 2024 적극행정 종합평가 (광역 17, 시 75, 군 82, 구 69 as of
 * 2024-12-31), created once. The registry itself is reference data and comes from a migration, not from here.
 */
@Component
@ConditionalOnProperty(name = "pyeongga.demo.enabled", havingValue = "true")
class RegistryDemoData {

    private static final Logger log = LoggerFactory.getLogger(RegistryDemoData.class);
    static final String PREFIX = "MOIS-PROACTIVE-2024";

    private final EvaluationGroups groups;
    private final GroupStore store;

    RegistryDemoData(EvaluationGroups groups, GroupStore store) {
        this.groups = groups;
        this.store = store;
    }

    /** Before the evaluation demo, which ranks institutions in these groups. */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(10)
    void load() {
        if (store.codeExists(PREFIX + "-METROPOLITAN")) {
            return;
        }
        groups.defineStandard(PREFIX, LocalDate.of(2024, 12, 31));
        log.info("Demo data: defined the four 2024 evaluation groups {}-*", PREFIX);
    }
}
