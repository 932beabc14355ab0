package org.pyeongga.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A search of the audit trail: by person (actor id), institution, action (event name) and period (inclusive dates, KST). */
public record AuditQuery(@Nullable String actorId, @Nullable Long institutionId, @Nullable String action,
        @Nullable LocalDate from, @Nullable LocalDate to) {}
