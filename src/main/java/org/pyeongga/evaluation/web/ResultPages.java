package org.pyeongga.evaluation.web;

import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.evaluation.Evaluations;
import org.pyeongga.evaluation.ResultTables;
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
    private final ResultTables tables;

    private final org.pyeongga.evaluation.Publications publications;

    ResultPages(Evaluations evaluations, ResultTables tables, org.pyeongga.evaluation.Publications publications) {
        this.evaluations = evaluations;
        this.tables = tables;
        this.publications = publications;
    }

    @ModelAttribute("section")
    String section() {
        return "evaluations";
    }

    @GetMapping("/admin/evaluations")
    String cycles(Model model) {
        model.addAttribute("cycles", evaluations.cycles());
        model.addAttribute("published", publications.publishedCycles().stream()
                .map(org.pyeongga.evaluation.Publications.PublishedCycle::cycleId).collect(java.util.stream.Collectors.toSet()));
        return "evaluation/cycles";
    }

    @GetMapping("/admin/evaluations/{cycleId}/results")
    String results(@PathVariable long cycleId, @RequestParam(required = false) @Nullable Integer run, Model model) {
        var result = evaluations.resultForReview(cycleId, run);
        model.addAttribute("label", evaluations.cycleLabel(cycleId));
        model.addAttribute("result", result);
        return "evaluation/results";
    }

    /** The run as CSV for Excel (UTF-8 with BOM; no cell can run as a formula), rank intervals included. */
    @GetMapping("/admin/evaluations/{cycleId}/results.csv")
    org.springframework.http.ResponseEntity<byte[]> csv(@PathVariable long cycleId,
            @RequestParam(required = false) @Nullable Integer run, java.util.Locale locale) {
        var result = evaluations.resultForReview(cycleId, run);
        return Exports.csv(tables.csv(tables.table(result, true, locale)), "results-" + cycleId + "-" + result.runNo());
    }

    /** The run as an Excel workbook, rank intervals included. */
    @GetMapping("/admin/evaluations/{cycleId}/results.xlsx")
    org.springframework.http.ResponseEntity<byte[]> xlsx(@PathVariable long cycleId,
            @RequestParam(required = false) @Nullable Integer run, java.util.Locale locale) {
        var result = evaluations.resultForReview(cycleId, run);
        return Exports.xlsx(tables.xlsx(tables.table(result, true, locale), evaluations.cycleLabel(cycleId)),
                "results-" + cycleId + "-" + result.runNo());
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
        model.addAttribute("bands", evaluations.gradeRule(cycleId).effectiveBands());
        return "evaluation/explanation";
    }
}
