package org.pyeongga.evaluation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.evaluation.Evaluations;
import org.pyeongga.judging.Judging;
import org.pyeongga.judging.PanelKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators open a cycle's judging round (정성평가) here; the judging pages take over from there. */
@Controller
class JudgingRoundPages {

    private final Evaluations evaluations;
    private final Judging judging;

    JudgingRoundPages(Evaluations evaluations, Judging judging) {
        this.evaluations = evaluations;
        this.judging = judging;
    }

    @ModelAttribute("section")
    String section() {
        return "judging";
    }

    @GetMapping("/admin/evaluations/judging")
    String cycles(Model model) {
        var cycles = evaluations.cycles();
        Map<Long, Long> rounds = new HashMap<>();
        cycles.forEach(c -> judging.roundFor("evaluation", String.valueOf(c.id())).ifPresent(r -> rounds.put(c.id(), r)));
        model.addAttribute("cycles", cycles);
        model.addAttribute("rounds", rounds);
        model.addAttribute("kinds", PanelKind.values());
        return "evaluation/judging/open";
    }

    @PostMapping("/admin/evaluations/{cycleId}/judging")
    String open(@PathVariable long cycleId, @RequestParam PanelKind kind, @RequestParam String panelName,
            @RequestParam int requiredPerSubject, Model model, HttpServletResponse response) {
        try {
            long round = evaluations.openJudgingRound(cycleId, kind, panelName, requiredPerSubject);
            return "redirect:/admin/judging/rounds/" + round;
        } catch (UserFacingException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            return cycles(model);
        }
    }
}
