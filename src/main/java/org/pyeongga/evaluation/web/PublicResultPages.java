package org.pyeongga.evaluation.web;

import java.util.Locale;
import org.pyeongga.evaluation.Publications;
import org.pyeongga.evaluation.ResultTables;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Published results for everyone, no sign-in: the list of published cycles, a cycle's grades by group with its winners,
 * method, legal basis and posting period, and each institution's explanation. An unpublished cycle is a 404 here.
 */
@Controller
class PublicResultPages {

    private final Publications publications;
    private final ResultTables tables;

    PublicResultPages(Publications publications, ResultTables tables) {
        this.publications = publications;
        this.tables = tables;
    }

    @ModelAttribute("section")
    String section() {
        return "results";
    }

    @GetMapping("/results")
    String cycles(Model model) {
        model.addAttribute("cycles", publications.publishedCycles());
        return "results/cycles";
    }

    @GetMapping("/results/cycles/{cycleId}")
    String cycle(@PathVariable long cycleId, Model model) {
        model.addAttribute("result", publications.publicResult(cycleId));
        return "results/cycle";
    }

    @GetMapping("/results/cycles/{cycleId}/institutions/{institutionId}")
    String institution(@PathVariable long cycleId, @PathVariable long institutionId, Model model) {
        model.addAttribute("explanation", publications.publicExplanation(cycleId, institutionId));
        return "results/institution";
    }

    @GetMapping("/results/cycles/{cycleId}/results.csv")
    ResponseEntity<byte[]> csv(@PathVariable long cycleId, Locale locale) {
        var result = publications.publishedResult(cycleId);
        return Exports.csv(tables.csv(tables.table(result, false, locale)), "results-" + cycleId);
    }

    @GetMapping("/results/cycles/{cycleId}/results.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long cycleId, Locale locale) {
        var result = publications.publishedResult(cycleId);
        return Exports.xlsx(tables.xlsx(tables.table(result, false, locale), "results-" + cycleId), "results-" + cycleId);
    }
}
