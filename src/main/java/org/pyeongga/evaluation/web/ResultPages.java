package org.pyeongga.evaluation.web;

import org.jspecify.annotations.Nullable;
import org.pyeongga.core.CsvCells;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.evaluation.Evaluations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Result runs for administrators: each group's ranking with the rank interval from the Monte Carlo and a flag where it
 * crosses a grade line, the panels' reliability, and per institution the explanation of its total.
 */
@Controller
class ResultPages {

    private final Evaluations evaluations;

    ResultPages(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @ModelAttribute("section")
    String section() {
        return "evaluations";
    }

    @GetMapping("/admin/evaluations")
    String cycles(Model model) {
        model.addAttribute("cycles", evaluations.cycles());
        return "evaluation/cycles";
    }

    @GetMapping("/admin/evaluations/{cycleId}/results")
    String results(@PathVariable long cycleId, @RequestParam(required = false) @Nullable Integer run, Model model) {
        var result = evaluations.resultForReview(cycleId, run);
        model.addAttribute("label", evaluations.cycleLabel(cycleId));
        model.addAttribute("result", result);
        return "evaluation/results";
    }

    /** The run as CSV for Excel (UTF-8 with BOM; no cell can run as a formula). */
    @GetMapping("/admin/evaluations/{cycleId}/results.csv")
    org.springframework.http.ResponseEntity<byte[]> csv(@PathVariable long cycleId,
            @RequestParam(required = false) @Nullable Integer run) {
        var result = evaluations.resultForReview(cycleId, run);
        var items = result.rows().stream().flatMap(r -> r.itemGrades().keySet().stream()).distinct().toList();
        java.util.List<String> header = new java.util.ArrayList<>(java.util.List.of("평가군", "순위", "기관", "총점", "등급",
                "순위 구간 5%", "순위 구간 95%", "중앙 순위", "등급 경계"));
        items.forEach(i -> header.add("항목 등급: " + i));
        StringBuilder csv = new StringBuilder(CsvCells.BOM).append(CsvCells.line(header));
        for (String group : result.groups()) {
            for (var r : result.group(group)) {
                java.util.List<String> cells = new java.util.ArrayList<>(java.util.List.of(r.group(), String.valueOf(r.rank()),
                        r.name(), r.total().toPlainString(), r.grade() == null ? "" : r.grade(), String.valueOf(r.p5Rank()),
                        String.valueOf(r.p95Rank()), String.valueOf(r.medianRank()), r.crossesGradeBoundary() ? "경계" : ""));
                items.forEach(i -> cells.add(r.itemGrades().getOrDefault(i, "")));
                csv.append(CsvCells.line(cells));
            }
        }
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"results-" + cycleId + "-" + result.runNo() + ".csv\"")
                .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping("/admin/evaluations/{cycleId}/results/{institutionId}")
    String explanation(@PathVariable long cycleId, @PathVariable long institutionId,
            @RequestParam(required = false) @Nullable Integer run, Model model) {
        var result = evaluations.resultForReview(cycleId, run);
        var row = result.rows().stream().filter(r -> r.institutionId() == institutionId).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("institution.notFound", institutionId));
        model.addAttribute("label", evaluations.cycleLabel(cycleId));
        model.addAttribute("result", result);
        model.addAttribute("row", row);
        return "evaluation/explanation";
    }
}
