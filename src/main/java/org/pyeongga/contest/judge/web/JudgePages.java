package org.pyeongga.contest.judge.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.pyeongga.contest.StageModel;
import org.pyeongga.contest.Stages;
import org.pyeongga.core.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A contest judge's pages, made for a tablet (820 × 1180) in the presentation room: the stages they judge, the
 * finalists in presentation order, and one screen per entry with the criteria as large touch targets. A judge sees and
 * saves only their own choices (draft, corrected until submitted); no total, no other judge's score; a closed stage
 * takes nothing more.
 */
@Controller
class JudgePages {

    private final Stages stages;

    JudgePages(Stages stages) {
        this.stages = stages;
    }

    @ModelAttribute("section")
    String section() {
        return "contestjudge";
    }

    @GetMapping("/judge")
    String mine(Model model) {
        model.addAttribute("stages", stages.myStages());
        return "contest/cstage/judge-stages";
    }

    @GetMapping("/judge/contests/stages/{stageId}")
    String stage(@PathVariable long stageId, Model model) {
        model.addAttribute("stage", stages.myStage(stageId));
        return "contest/cstage/judge-stage";
    }

    @GetMapping("/judge/contests/stages/{stageId}/entries/{entryId}")
    String entry(@PathVariable long stageId, @PathVariable long entryId, Model model) {
        return entryPage(stages.myStage(stageId), entryId, model);
    }

    @PostMapping("/judge/contests/stages/{stageId}/entries/{entryId}")
    String save(@PathVariable long stageId, @PathVariable long entryId, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response) {
        boolean submit = "submit".equals(form.get("action"));
        Map<String, Integer> levels = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("level_") && value != null && value.matches("[0-9]{1,2}")) {
                levels.put(name.substring("level_".length()), Integer.parseInt(value));
            }
        });
        try {
            stages.score(stageId, entryId, levels, submit);
        } catch (UserFacingException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            model.addAttribute("entered", levels);
            return entryPage(stages.myStage(stageId), entryId, model);
        }
        var stage = stages.myStage(stageId);
        if (submit) {
            var next = stage.entries().stream().filter(e -> !e.submitted()).findFirst();
            return next.map(e -> "redirect:/judge/contests/stages/" + stageId + "/entries/" + e.entryId() + "?submitted")
                    .orElse("redirect:/judge/contests/stages/" + stageId + "?done");
        }
        return "redirect:/judge/contests/stages/" + stageId + "/entries/" + entryId + "?saved";
    }

    private static String entryPage(StageModel.JudgeStage stage, long entryId, Model model) {
        var entries = stage.entries();
        int index = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).entryId() == entryId) {
                index = i;
            }
        }
        if (index < 0) {
            throw UserFacingException.notFound("contestjudging.entry.notFound");
        }
        model.addAttribute("stage", stage);
        model.addAttribute("entry", entries.get(index));
        model.addAttribute("position", index + 1);
        model.addAttribute("previous", index > 0 ? entries.get(index - 1) : null);
        model.addAttribute("next", index + 1 < entries.size() ? entries.get(index + 1) : null);
        return "contest/cstage/judge-entry";
    }
}
