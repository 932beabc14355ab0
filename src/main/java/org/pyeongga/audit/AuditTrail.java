package org.pyeongga.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail's API: verify the hash chain (report the first broken link) and read records. Records are written
 * only by {@link AuditRecorder}, from events.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditStore store;
    private final AuditPermissions permissions;
    private final org.pyeongga.core.CurrentActor actors;

    AuditTrail(AuditStore store, AuditPermissions permissions, org.pyeongga.core.CurrentActor actors) {
        this.store = store;
        this.permissions = permissions;
        this.actors = actors;
    }

    /** Searches the trail within what the current actor may read (403 for anyone else). */
    @Transactional(readOnly = true)
    public org.pyeongga.core.ResultPage<AuditEntry> search(AuditQuery query, int page, int size) {
        var scope = permissions.scope(actors.current());
        int offset = org.pyeongga.core.ResultPage.offset(page, size, 1_000);
        return new org.pyeongga.core.ResultPage<>(store.search(query, scope, offset, size), page, size,
                store.count(query, scope));
    }

    /** Verification for people: checked by the audit policy (the whole chain is checked, only the result is shown). */
    @Transactional(readOnly = true)
    public ChainVerification verifyAsCurrentUser() {
        permissions.scope(actors.current());
        return verify();
    }

    /**
     * Recomputes every record's hash in order and checks it links to the one before: the first record whose content,
     * position or link does not match is reported. Reads the whole chain; run it as a job, not per request.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        var state = new Object() {
            long checked;
            long expectedSeq = 1;
            String prevHash = GENESIS;
            Long brokenSeq;
            String reason;
        };
        store.forEachInOrder(entry -> {
            if (state.brokenSeq != null) {
                return;
            }
            state.checked++;
            if (entry.seq() != state.expectedSeq) {
                state.brokenSeq = entry.seq();
                state.reason = "sequence gap: expected " + state.expectedSeq;
            } else if (!entry.prevHash().equals(state.prevHash)) {
                state.brokenSeq = entry.seq();
                state.reason = "link to the previous record does not match";
            } else if (!entry.hash().equals(hash(entry))) {
                state.brokenSeq = entry.seq();
                state.reason = "content does not match its hash";
            }
            state.expectedSeq = entry.seq() + 1;
            state.prevHash = entry.hash();
        });
        return new ChainVerification(state.checked, state.brokenSeq, state.reason);
    }

    /** Nightly check; a broken chain is logged as an error for the operators' monitoring. */
    @Scheduled(cron = "${pyeongga.audit.verify-cron:0 30 3 * * *}", zone = "Asia/Seoul")
    void verifyNightly() {
        ChainVerification result = verify();
        if (result.intact()) {
            log.info("Audit chain intact ({} records)", result.checked());
        } else {
            log.error("AUDIT CHAIN BROKEN at record {}: {}", result.firstBrokenSeq(), result.reason());
        }
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> recent(int limit) {
        return store.recent(Math.clamp(limit, 1, 1_000));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> aboutInstitution(long institutionId, int limit) {
        return store.aboutInstitution(institutionId, Math.clamp(limit, 1, 1_000));
    }

    static String hash(AuditEntry entry) {
        return org.pyeongga.core.Digests.sha256Hex(entry.canonicalText());
    }

}
