package org.pyeongga.audit;

import java.time.Instant;
import java.util.List;
import org.pyeongga.core.Actor;

/** One record of the audit trail: who did what, when, about which institutions, and its link in the hash chain. */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        Actor actor,
        String module,
        String action,
        List<Long> institutionIds,
        String payload,
        String prevHash,
        String hash) {

    public AuditEntry {
        institutionIds = List.copyOf(institutionIds);
    }

    /** The text the hash is computed over: every field but the hash itself, in a fixed order. */
    String canonicalText() {
        return String.join("\n",
                Long.toString(seq),
                occurredAt.toString(),
                actor.kind().name(),
                actor.id(),
                actor.name(),
                module,
                action,
                institutionIds.toString(),
                payload,
                prevHash);
    }
}
