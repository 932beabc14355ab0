package org.pyeongga.evaluation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.evaluation.CrossReviews;
import org.pyeongga.evaluation.CycleStage;
import org.pyeongga.evaluation.CycleStages;
import org.pyeongga.evaluation.Evaluations;
import org.pyeongga.evaluation.ReviewPermissions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Cross-review pages: an institution's review page per cycle (the group's submissions while viewing is open, the
 * objection form, its objections and those against it to answer) and the administrator's objection and verification
 * pages. Forms post, and come back to the page with what changed or with the reason it was refused.
 */
@Controller
class ReviewPages {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CycleStages.SEOUL);

    private final CrossReviews reviews;
    private final Evaluations evaluations;
    private final CurrentActor actors;

    ReviewPages(CrossReviews reviews, Evaluations evaluations, CurrentActor actors) {
        this.reviews = reviews;
        this.evaluations = evaluations;
        this.actors = actors;
    }

    /** Dates on these pages, in Korean time. */
    public static final class Dates {
        public String at(@Nullable Instant instant) {
            return instant == null ? "—" : SHOWN.format(instant);
        }
    }

    @ModelAttribute("section")
    String section() {
        return "review";
    }

    @ModelAttribute("dates")
    Dates dates() {
        return new Dates();
    }

    private boolean anonymous() {
        return actors.current().kind() == Actor.Kind.ANONYMOUS;
    }

    @GetMapping("/evaluations/review")
    String index(Model model) {
        if (anonymous()) {
            return "redirect:/login";
        }
        model.addAttribute("cycles", reviews.cycles());
        return "evaluation/review/index";
    }

    @GetMapping("/evaluations/review/{cycleId}")
    String cycle(@PathVariable long cycleId, Model model) {
        if (anonymous()) {
            return "redirect:/login";
        }
        return cyclePage(cycleId, model);
    }

    private String cyclePage(long cycleId, Model model) {
        var cycle = reviews.cycles().stream().filter(c -> c.cycleId() == cycleId && c.institutionId() != null).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("review.cycle.notOpen", cycleId));
        model.addAttribute("cycle", cycle);
        boolean viewing = reviews.stages(cycleId).open(CycleStage.MUTUAL_VIEWING) || cycle.open(CycleStage.OBJECTION);
        var submissions = viewing ? reviews.groupSubmissions(cycleId) : List.<CrossReviews.SubmissionView>of();
        model.addAttribute("submissions", submissions.stream().filter(s -> !s.cases().isEmpty() || !s.evidence().isEmpty()).toList());
        model.addAttribute("withoutSubmission", submissions.stream().filter(s -> s.cases().isEmpty() && s.evidence().isEmpty()).count());
        model.addAttribute("viewing", viewing);
        var objections = reviews.objections(cycleId);
        model.addAttribute("filed", objections.stream().filter(o -> o.party() == ReviewPermissions.Party.OBJECTOR).toList());
        model.addAttribute("received", objections.stream().filter(o -> o.party() == ReviewPermissions.Party.OBJECTED_TO).toList());
        model.addAttribute("targets", evaluations.targets(cycleId).stream()
                .filter(t -> t.group().equals(cycle.group()) && t.institutionId() != cycle.institutionId()).toList());
        model.addAttribute("indicators", evaluations.framework(cycleId));
        model.addAttribute("maxText", CrossReviews.MAX_TEXT);
        return "evaluation/review/cycle";
    }

    @GetMapping("/evaluations/review/{cycleId}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long cycleId, @PathVariable long evidenceId) {
        var file = reviews.evidenceFile(cycleId, evidenceId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(file.content());
    }

    @PostMapping("/evaluations/review/{cycleId}/objections")
    String file(@PathVariable long cycleId, @RequestParam(required = false) @Nullable Long targetInstitutionId,
            @RequestParam(required = false) @Nullable String indicatorCode, @RequestParam(required = false) @Nullable String reason,
            Model model, HttpServletResponse response) {
        try {
            if (targetInstitutionId == null || indicatorCode == null || indicatorCode.isBlank()) {
                throw UserFacingException.badInput("review.objection.choose");
            }
            reviews.file(cycleId, new CrossReviews.NewObjection(targetInstitutionId, indicatorCode,
                    reason == null ? "" : reason, null));
            return "redirect:/evaluations/review/" + cycleId + "?filed";
        } catch (UserFacingException e) {
            return refused(e, response, model, () -> {
                model.addAttribute("draft", new Draft(targetInstitutionId, indicatorCode, reason));
                return cyclePage(cycleId, model);
            });
        }
    }

    /** What the user typed into the objection form, shown again when it was refused. */
    public record Draft(@Nullable Long targetInstitutionId, @Nullable String indicatorCode, @Nullable String reason) {}

    @PostMapping("/evaluations/review/{cycleId}/objections/{objectionId}/answer")
    String answer(@PathVariable long cycleId, @PathVariable long objectionId,
            @RequestParam(required = false) @Nullable String answer, Model model, HttpServletResponse response) {
        try {
            reviews.answer(cycleId, objectionId, answer == null ? "" : answer);
            return "redirect:/evaluations/review/" + cycleId + "?answered#objection-" + objectionId;
        } catch (UserFacingException e) {
            return refused(e, response, model, () -> cyclePage(cycleId, model));
        }
    }

    // --- administrators ---

    @GetMapping("/admin/evaluations/{cycleId}/review")
    String admin(@PathVariable long cycleId, Model model) {
        return adminPage(cycleId, model);
    }

    private String adminPage(long cycleId, Model model) {
        model.addAttribute("cycleId", cycleId);
        model.addAttribute("rule", reviews.rule(cycleId));
        model.addAttribute("label", evaluations.cycleLabel(cycleId));
        var stages = reviews.stages(cycleId);
        model.addAttribute("ruleEditable", !stages.of(CycleStage.OBJECTION).reached());
        model.addAttribute("rulingOpen", stages.open(CycleStage.RULING));
        model.addAttribute("objections", reviews.objections(cycleId));
        model.addAttribute("corrections", reviews.corrections(cycleId));
        model.addAttribute("rulings", CrossReviews.Ruling.values());
        model.addAttribute("maxText", CrossReviews.MAX_TEXT);
        return "evaluation/review/admin";
    }

    @PostMapping("/admin/evaluations/{cycleId}/review/rule")
    String setRule(@PathVariable long cycleId, @RequestParam(defaultValue = "false") boolean objectorHidden,
            @RequestParam(defaultValue = "ZERO") String rejectedEvidence, Model model, HttpServletResponse response) {
        try {
            reviews.setRule(cycleId, new CrossReviews.ReviewRule(objectorHidden, rejectedEvidence));
            return "redirect:/admin/evaluations/" + cycleId + "/review?ruleSet";
        } catch (UserFacingException e) {
            return refused(e, response, model, () -> adminPage(cycleId, model));
        }
    }

    @PostMapping("/admin/evaluations/{cycleId}/review/objections/{objectionId}/ruling")
    String rule(@PathVariable long cycleId, @PathVariable long objectionId,
            @RequestParam(required = false) CrossReviews.@Nullable Ruling ruling,
            @RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable String newValue,
            Model model, HttpServletResponse response) {
        try {
            reviews.rule(cycleId, objectionId, ruling, reason == null ? "" : reason, number(newValue));
            return "redirect:/admin/evaluations/" + cycleId + "/review?ruled#objection-" + objectionId;
        } catch (UserFacingException e) {
            return refused(e, response, model, () -> adminPage(cycleId, model));
        }
    }

    @GetMapping("/admin/evaluations/{cycleId}/verification")
    String verification(@PathVariable long cycleId, Model model) {
        return verificationPage(cycleId, model);
    }

    private String verificationPage(long cycleId, Model model) {
        model.addAttribute("cycleId", cycleId);
        model.addAttribute("label", evaluations.cycleLabel(cycleId));
        model.addAttribute("rule", reviews.rule(cycleId));
        model.addAttribute("evidence", reviews.evidenceForVerification(cycleId));
        model.addAttribute("verificationOpen", reviews.stages(cycleId).open(CycleStage.VERIFICATION));
        model.addAttribute("corrections", reviews.corrections(cycleId).stream().filter(c -> c.source().equals("VERIFICATION")).toList());
        model.addAttribute("marks", CrossReviews.EvidenceMark.values());
        model.addAttribute("maxText", CrossReviews.MAX_TEXT);
        return "evaluation/review/verification";
    }

    @GetMapping("/admin/evaluations/{cycleId}/verification/evidence/{evidenceId}")
    ResponseEntity<byte[]> adminEvidence(@PathVariable long cycleId, @PathVariable long evidenceId) {
        return evidence(cycleId, evidenceId);
    }

    @PostMapping("/admin/evaluations/{cycleId}/verification/{evidenceId}")
    String verify(@PathVariable long cycleId, @PathVariable long evidenceId,
            @RequestParam(required = false) CrossReviews.@Nullable EvidenceMark mark,
            @RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable String correctedValue,
            Model model, HttpServletResponse response) {
        try {
            reviews.verify(cycleId, evidenceId, mark, note, number(correctedValue));
            return "redirect:/admin/evaluations/" + cycleId + "/verification?verified#evidence-" + evidenceId;
        } catch (UserFacingException e) {
            return refused(e, response, model, () -> verificationPage(cycleId, model));
        }
    }

    private static @Nullable BigDecimal number(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw UserFacingException.badInput("review.value.number", text.strip());
        }
    }

    /** Shows the page again with the refusal (status kept); nothing was changed. */
    private static String refused(UserFacingException e, HttpServletResponse response, Model model,
            java.util.function.Supplier<String> page) {
        response.setStatus(e.status().value());
        model.addAttribute("error", e);
        return page.get();
    }
}
