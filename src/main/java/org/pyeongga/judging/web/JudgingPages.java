package org.pyeongga.judging.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.judging.Judging;
import org.pyeongga.judging.JudgingModel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** An evaluator's pages: their assignments by round, and one score sheet with its rubric (draft, submit). */
@Controller
class JudgingPages {

    private final Judging judging;

    JudgingPages(Judging judging) {
        this.judging = judging;
    }

    @ModelAttribute("section")
    String section() {
        return "judging";
    }

    @GetMapping("/judging")
    String mine(Model model) {
        Map<String, List<JudgingModel.Assignment>> byRound = new LinkedHashMap<>();
        for (var a : judging.myAssignments()) {
            byRound.computeIfAbsent(a.roundTitle(), k -> new java.util.ArrayList<>()).add(a);
        }
        model.addAttribute("rounds", byRound);
        return "judging/mine";
    }

    @GetMapping("/judging/assignments/{id}")
    String sheet(@PathVariable long id, Model model) {
        model.addAttribute("sheet", judging.sheet(id));
        return "judging/sheet";
    }

    @PostMapping("/judging/assignments/{id}/conflict")
    String declare(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Model model,
            HttpServletResponse response, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            judging.declareOwnConflict(id, reason == null ? "" : reason);
            redirect.addFlashAttribute("notice", "judging.notice.ownConflict");
            return "redirect:/judging";
        } catch (UserFacingException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            model.addAttribute("sheet", judging.sheet(id));
            return "judging/sheet";
        }
    }

    @PostMapping("/judging/assignments/{id}")
    String save(@PathVariable long id, @RequestParam(required = false) @Nullable Integer level,
            @RequestParam(required = false) @Nullable String comment, @RequestParam(defaultValue = "draft") String action,
            Model model, HttpServletResponse response) {
        boolean submit = action.equals("submit");
        try {
            judging.saveSheet(id, level, comment, submit);
            return "redirect:/judging/assignments/" + id + (submit ? "?submitted" : "?saved");
        } catch (UserFacingException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            model.addAttribute("sheet", judging.sheet(id));
            model.addAttribute("enteredLevel", level);
            model.addAttribute("enteredComment", comment);
            return "judging/sheet";
        }
    }
}
