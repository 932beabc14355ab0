package org.pyeongga.judging.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.judging.Judging;
import org.pyeongga.judging.PanelKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators' judging pages: rounds; per round its settings, panels and members, conflicts, automatic assignment,
 * progress and reminders; per panel its assignments with manual overrides and reopening of sheets.
 */
@Controller
class JudgingAdminPages {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final Judging judging;

    JudgingAdminPages(Judging judging) {
        this.judging = judging;
    }

    @ModelAttribute("section")
    String section() {
        return "judging";
    }

    @GetMapping("/admin/judging")
    String rounds(Model model) {
        model.addAttribute("rounds", judging.rounds());
        return "judging/rounds";
    }

    @GetMapping("/admin/judging/rounds/{roundId}")
    String round(@PathVariable long roundId, Model model) {
        var round = judging.round(roundId);
        model.addAttribute("round", round);
        model.addAttribute("closesAt", round.closesAt() == null ? "" : LocalDateTime.ofInstant(round.closesAt(), SEOUL).toString());
        model.addAttribute("panels", judging.panels(roundId));
        model.addAttribute("progress", judging.progress(roundId));
        model.addAttribute("conflicts", judging.conflicts(roundId));
        model.addAttribute("institutions", judging.institutions(roundId));
        model.addAttribute("reminders", judging.reminders(roundId));
        model.addAttribute("kinds", PanelKind.values());
        return "judging/round";
    }

    @PostMapping("/admin/judging/rounds/{roundId}/settings")
    String settings(@PathVariable long roundId, @RequestParam String commentBelow, @RequestParam int formerEmployerYears,
            @RequestParam(required = false) @Nullable String closesAt, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return onRound(roundId, model, response, redirect, "judging.notice.settings", () -> {
            BigDecimal fraction;
            LocalDateTime closes;
            try {
                fraction = new BigDecimal(commentBelow.strip());
                closes = closesAt == null || closesAt.isBlank() ? null : LocalDateTime.parse(closesAt.strip());
            } catch (RuntimeException e) {
                throw UserFacingException.badInput("judging.settings.commentBelow");
            }
            judging.configureRound(roundId, fraction, formerEmployerYears, closes == null ? null : closes.atZone(SEOUL).toInstant());
            return null;
        });
    }

    @PostMapping("/admin/judging/rounds/{roundId}/panels")
    String createPanel(@PathVariable long roundId, @RequestParam PanelKind kind, @RequestParam String name,
            @RequestParam int requiredPerSubject, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return onRound(roundId, model, response, redirect, "judging.notice.panel",
                () -> judging.createPanel(roundId, kind, name, requiredPerSubject));
    }

    @PostMapping("/admin/judging/rounds/{roundId}/panels/{panelId}/members")
    String addMember(@PathVariable long roundId, @PathVariable long panelId, @RequestParam String email,
            @RequestParam(defaultValue = "0") int maxLoad, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return onRound(roundId, model, response, redirect, "judging.notice.member", () -> judging.addMember(panelId, email, maxLoad));
    }

    @PostMapping("/admin/judging/rounds/{roundId}/panels/{panelId}/criteria")
    String moveCriterion(@PathVariable long roundId, @PathVariable long panelId, @RequestParam String criterion, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return onRound(roundId, model, response, redirect, "judging.notice.criterion", () -> {
            judging.moveCriterion(panelId, criterion.strip());
            return null;
        });
    }

    @PostMapping("/admin/judging/rounds/{roundId}/panels/{panelId}/assign")
    String assign(@PathVariable long roundId, @PathVariable long panelId, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return onRound(roundId, model, response, redirect, null, () -> {
            var run = judging.assignAutomatically(panelId);
            redirect.addFlashAttribute("run", run);
            return null;
        });
    }

    @PostMapping("/admin/judging/rounds/{roundId}/conflicts")
    String declare(@PathVariable long roundId, @RequestParam long userId, @RequestParam long institutionId,
            @RequestParam String reason, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return onRound(roundId, model, response, redirect, "judging.notice.conflict",
                () -> judging.declareConflict(roundId, userId, institutionId, reason));
    }

    @PostMapping("/admin/judging/rounds/{roundId}/expertise")
    String expertise(@PathVariable long roundId, @RequestParam long userId, @RequestParam(defaultValue = "") String tags,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return onRound(roundId, model, response, redirect, "judging.notice.expertise", () -> {
            judging.setExpertise(userId, new java.util.LinkedHashSet<>(java.util.Arrays.asList(tags.split(","))));
            return null;
        });
    }

    @PostMapping("/admin/judging/rounds/{roundId}/former-employers")
    String formerEmployer(@PathVariable long roundId, @RequestParam long userId, @RequestParam long institutionId,
            @RequestParam(required = false) @Nullable String until, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return onRound(roundId, model, response, redirect, "judging.notice.formerEmployer", () -> {
            java.time.LocalDate day;
            try {
                day = java.time.LocalDate.parse(until == null ? "" : until.strip());
            } catch (RuntimeException e) {
                throw UserFacingException.badInput("judging.formerEmployer.until");
            }
            judging.recordFormerEmployer(userId, institutionId, day);
            return null;
        });
    }

    @PostMapping("/admin/judging/rounds/{roundId}/reminders")
    String remind(@PathVariable long roundId, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        return onRound(roundId, model, response, redirect, null, () -> {
            redirect.addFlashAttribute("report", judging.remind(roundId, JudgingApi.baseUrl(request)));
            return null;
        });
    }

    /** Runs a change; on success back to the round with a notice, on a user's error the round page with the message. */
    private String onRound(long roundId, Model model, HttpServletResponse response, RedirectAttributes redirect,
            @Nullable String notice, Supplier<@Nullable Object> change) {
        try {
            change.get();
            if (notice != null) {
                redirect.addFlashAttribute("notice", notice);
            }
            return "redirect:/admin/judging/rounds/" + roundId;
        } catch (UserFacingException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            return round(roundId, model);
        }
    }

    @GetMapping("/admin/judging/panels/{panelId}")
    String panel(@PathVariable long panelId, Model model) {
        var assignments = judging.assignments(panelId);
        var subjects = judging.subjects(panelId);
        var panel = judging.panels(roundOf(panelId)).stream().filter(p -> p.id() == panelId).findFirst().orElseThrow();
        model.addAttribute("panel", panel);
        model.addAttribute("round", judging.round(panel.roundId()));
        model.addAttribute("assignments", assignments);
        model.addAttribute("subjects", subjects);
        return "judging/panel";
    }

    private long roundOf(long panelId) {
        return judging.roundOfPanel(panelId);
    }

    @PostMapping("/admin/judging/panels/{panelId}/assignments")
    String addAssignment(@PathVariable long panelId, @RequestParam long subjectId, @RequestParam long userId,
            @RequestParam String reason, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return onPanel(panelId, model, response, redirect, "judging.notice.added",
                () -> judging.addAssignment(subjectId, userId, reason));
    }

    @PostMapping("/admin/judging/panels/{panelId}/assignments/{assignmentId}/remove")
    String remove(@PathVariable long panelId, @PathVariable long assignmentId, @RequestParam String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return onPanel(panelId, model, response, redirect, "judging.notice.removed", () -> {
            judging.removeAssignment(assignmentId, reason);
            return null;
        });
    }

    @PostMapping("/admin/judging/panels/{panelId}/assignments/{assignmentId}/reopen")
    String reopen(@PathVariable long panelId, @PathVariable long assignmentId, @RequestParam String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return onPanel(panelId, model, response, redirect, "judging.notice.reopened", () -> {
            judging.reopen(assignmentId, reason);
            return null;
        });
    }

    private String onPanel(long panelId, Model model, HttpServletResponse response, RedirectAttributes redirect, String notice,
            Supplier<@Nullable Object> change) {
        try {
            change.get();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/admin/judging/panels/" + panelId;
        } catch (UserFacingException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            return panel(panelId, model);
        }
    }
}
