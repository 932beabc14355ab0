package org.pyeongga.audit.web;

import static org.pyeongga.core.CsvCells.cell;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.pyeongga.audit.AuditEntry;
import org.pyeongga.audit.AuditQuery;
import org.pyeongga.audit.AuditTrail;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Audit search (person, institution, action, period), CSV export and chain verification, for audit officers. */
@Controller
class AuditPages {

    static final DateTimeFormatter KST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Seoul"));

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var query = new AuditQuery(actor, institution, action, from, to);
        model.addAttribute("section", "audit");
        model.addAttribute("q", query);
        model.addAttribute("result", trail.search(query, Math.max(page, 0), 50));
        model.addAttribute("kst", KST);
        return "audit/search";
    }

    @PostMapping("/audit/verification")
    String verify(Model model) {
        model.addAttribute("verification", trail.verifyAsCurrentUser());
        return search(null, null, null, null, null, 0, model);
    }

    /** The search as CSV (UTF-8 with BOM for Excel), cells that could be formulas neutralised. */
    @GetMapping("/audit/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        var entries = trail.search(new AuditQuery(actor, institution, action, from, to), 0, 1_000);
        StringBuilder csv = new StringBuilder("\uFEFF일련번호,일시(KST),행위자,행위자 종류,모듈,변경,관련 기관,내용,해시\r\n");
        for (AuditEntry e : entries.items()) {
            csv.append(String.join(",", cell(Long.toString(e.seq())), cell(KST.format(e.occurredAt())),
                    cell(e.actor().name() + " (" + e.actor().id() + ")"), cell(e.actor().kind().name()), cell(e.module()),
                    cell(e.action()), cell(e.institutionIds().toString()), cell(e.payload()), cell(e.hash()))).append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

}
