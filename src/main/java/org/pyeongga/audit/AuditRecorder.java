package org.pyeongga.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.pyeongga.core.AboutInstitutions;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every event a Pyeongga module publishes (a record type under {@code org.pyeongga}) as the next link of the
 * chain, synchronously and in the publisher's transaction: the change and its audit record commit together or not at
 * all (docs/decisions/0005-audit-trail.md). The actor is read on the publishing thread.
 */
@Component
class AuditRecorder {

    private static final String ROOT = "org.pyeongga.";

    private final AuditStore store;
    private final CurrentActor actors;
    private final JsonMapper json;
    private final Clock clock;

    AuditRecorder(AuditStore store, CurrentActor actors, JsonMapper json, Clock clock) {
        this.store = store;
        this.actors = actors;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void on(Object event) {
        Class<?> type = event.getClass();
        if (!type.isRecord() || !type.getPackageName().startsWith(ROOT) || type.getPackageName().startsWith(ROOT + "audit")) {
            return;
        }
        String module = type.getPackageName().substring(ROOT.length()).split("\\.")[0];
        List<Long> institutions = event instanceof AboutInstitutions about ? about.institutionIds() : List.of();
        Actor actor = actors.current();
        String payload = json.writeValueAsString(event);

        store.lockChain();
        var last = store.last();
        long seq = last.map(e -> e.seq() + 1).orElse(1L);
        String prev = last.map(AuditEntry::hash).orElse(AuditTrail.GENESIS);
        Instant at = AuditStore.toMicros(Instant.now(clock));
        var unsigned = new AuditEntry(seq, at, actor, module, type.getSimpleName(), institutions, payload, prev, "");
        store.insert(new AuditEntry(seq, at, actor, module, type.getSimpleName(), institutions, payload, prev,
                AuditTrail.hash(unsigned)));
    }
}
