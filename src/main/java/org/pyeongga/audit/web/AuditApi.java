package org.pyeongga.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.pyeongga.audit.AuditEntry;
import org.pyeongga.audit.AuditQuery;
import org.pyeongga.audit.AuditTrail;
import org.pyeongga.audit.ChainVerification;
import org.pyeongga.core.ResultPage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over REST, for audit officers and system administrators (HTTP Basic). */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "감사 (Audit)", description = "감사 기록 검색과 해시 체인 검증 (감사 담당·시스템 관리자)")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(summary = "감사 기록 검색 (Search the audit trail)")
    ResultPage<AuditEntry> search(@RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return trail.search(new AuditQuery(actor, institution, action, from, to), page, size);
    }

    @GetMapping("/verification")
    @Operation(summary = "해시 체인 검증 (Verify the hash chain: the first broken record, if any)")
    ChainVerification verify() {
        return trail.verifyAsCurrentUser();
    }
}
