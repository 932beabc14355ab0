package org.pyeongga.evaluation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.evaluation.Publications;
import org.pyeongga.scoring.EvaluatorMethod;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's runs page: every kept run with its evaluator normalization, a new run with another one, the
 * chosen run, two runs compared (who moved, whose grade changed), and publication of the chosen run.
 */
@Controller
class RunPages {

    /** The automatic choice first (the engine's default), then the methods it chooses among. */
    static final List<EvaluatorMethod> METHODS = java.util.stream.Stream.concat(java.util.stream.Stream.of(EvaluatorMethod.AUTOMATIC),
            java.util.Arrays.stream(EvaluatorMethod.values()).filter(m -> m != EvaluatorMethod.AUTOMATIC)).toList();

    private final Publications publications;

    RunPages(Publications publications) {
        this.publications = publications;
    }

    @ModelAttribute("section")
    String section() {
        return "evaluations";
    }

    /** What the publication form held (kept when it is refused, so nothing typed is lost). */
    record PublishForm(@Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postingFrom,
            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postingTo, @Nullable String legalBasis,
            @Nullable String methodText) {}

    @GetMapping("/admin/evaluations/{cycleId}/runs")
    String runs(@PathVariable long cycleId, @RequestParam(required = false) @Nullable Integer a,
            @RequestParam(required = false) @Nullable Integer b, Model model) {
        var overview = publications.overview(cycleId);
        model.addAttribute("overview", overview);
        model.addAttribute("methods", METHODS);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PublishForm(null, null, null, null));
        }
        if (a != null && b != null) {
            model.addAttribute("comparison", publications.compare(cycleId, a, b));
        }
        return "results/runs";
    }

    @PostMapping("/admin/evaluations/{cycleId}/runs")
    String rerun(@PathVariable long cycleId, @RequestParam EvaluatorMethod method, @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        int run = publications.rerun(cycleId, method, note);
        redirect.addFlashAttribute("notice", "results.run.computed");
        redirect.addFlashAttribute("noticeArg", run);
        return "redirect:/admin/evaluations/" + cycleId + "/runs";
    }

    @PostMapping("/admin/evaluations/{cycleId}/runs/{runNo}/choose")
    String choose(@PathVariable long cycleId, @PathVariable int runNo, RedirectAttributes redirect) {
        publications.choose(cycleId, runNo);
        redirect.addFlashAttribute("notice", "results.run.chosen");
        redirect.addFlashAttribute("noticeArg", runNo);
        return "redirect:/admin/evaluations/" + cycleId + "/runs";
    }

    @PostMapping("/admin/evaluations/{cycleId}/publication")
    String publish(@PathVariable long cycleId, @ModelAttribute("form") PublishForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var publication = publications.publish(cycleId, new Publications.PublicationRequest(form.postingFrom(),
                    form.postingTo(), form.legalBasis(), form.methodText()));
            redirect.addFlashAttribute("notice", "results.publication.done");
            redirect.addFlashAttribute("noticeArg", publication.runNo());
            return "redirect:/admin/evaluations/" + cycleId + "/runs";
        } catch (UserFacingException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            model.addAttribute("form", form);
            return runs(cycleId, null, null, model);
        }
    }
}
