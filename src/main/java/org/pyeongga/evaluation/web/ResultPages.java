package org.pyeongga.evaluation.web;

import org.jspecify.annotations.Nullable;
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
