package org.pyeongga.contest.stage.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.ContestResults;
import org.pyeongga.contest.Contests;
import org.pyeongga.contest.FinalFormulas;
import org.pyeongga.contest.FormulaVersion;
import org.pyeongga.contest.StageModel;
import org.pyeongga.contest.Stages;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.judging.PanelKind;
import org.pyeongga.scoring.FinalFormula;
import org.pyeongga.voting.Ballot;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A contest owner's pages: the stages (add one: criteria as lines "CODE | 이름 | Name | 배점"), the final formula
 * (versions, publish; locked once a vote opens), a stage (open with judges, conflicts and reasons, assignments,
 * progress as counts only, close, results), and the final ranking with each score's explanation.
 */
@Controller
class StagePages {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final Stages stages;
    private final FinalFormulas formulas;
    private final ContestResults results;
    private final Contests contests;

    StagePages(Stages stages, FinalFormulas formulas, ContestResults results, Contests contests) {
        this.stages = stages;
        this.formulas = formulas;
        this.results = results;
        this.contests = contests;
    }

    @ModelAttribute("section")
    String section() {
        return "contestadmin";
    }

    @GetMapping("/admin/contests/{contestId}/stages")
    String stages(@PathVariable long contestId, Model model) {
        model.addAttribute("stages", stages.stages(contestId));
        model.addAttribute("contest", contests.contest(contestId));
        model.addAttribute("versions", formulas.versions(contestId));
        model.addAttribute("published", formulas.published(contestId).orElse(null));
        model.addAttribute("lockedAt", formulas.lockedAt(contestId));
        return "contest/cstage/stages";
    }

    @PostMapping("/admin/contests/{contestId}/stages")
    String add(@PathVariable long contestId, @RequestParam String kind, @RequestParam String nameKo, @RequestParam String nameEn,
            @RequestParam(required = false) @Nullable String panelKind, @RequestParam(defaultValue = "") String criteria,
            @RequestParam String passRule, @RequestParam(required = false) @Nullable Integer passCount,
            @RequestParam(required = false) @Nullable BigDecimal passMin, @RequestParam(defaultValue = "100") BigDecimal panelWeight,
            @RequestParam(defaultValue = "0") BigDecimal voteWeight, @RequestParam(required = false) @Nullable Integer voteChoices,
            @RequestParam(required = false) @Nullable String voteEligibility, @RequestParam(required = false) @Nullable String voteRegion,
            @RequestParam(defaultValue = "VOTE_SHARE") String voteScaling, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            var stageKind = StageModel.StageKind.valueOf(kind);
            var vote = voteWeight.signum() > 0 ? new StageModel.VoteSpec(voteChoices == null ? 3 : voteChoices,
                    Ballot.Eligibility.valueOf(voteEligibility == null ? "VERIFIED" : voteEligibility), blankToNull(voteRegion),
                    StageModel.VoteScaling.valueOf(voteScaling)) : null;
            long id = stages.addStage(contestId, new StageModel.NewStage(stageKind, nameKo, nameEn,
                    stageKind == StageModel.StageKind.CITIZEN_VOTE || panelKind == null ? null : PanelKind.valueOf(panelKind),
                    criteria(criteria), StageModel.PassRule.valueOf(passRule), passCount, passMin, panelWeight, voteWeight, vote));
            redirect.addFlashAttribute("notice", "contestjudging.admin.added");
            return "redirect:/admin/contests/" + contestId + "/stages/" + id;
        } catch (IllegalArgumentException e) {
            return failed(contestId, UserFacingException.badInput("contestjudging.stage.incomplete"), model, response);
        } catch (UserFacingException e) {
            return failed(contestId, e, model, response);
        }
    }

    @PostMapping("/admin/contests/{contestId}/stages/from-template")
    String fromTemplate(@PathVariable long contestId, @RequestParam(required = false) @Nullable String region, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            stages.setUpFromTemplate(contestId, region);
            redirect.addFlashAttribute("notice", "contestjudging.admin.fromTemplateDone");
            return "redirect:/admin/contests/" + contestId + "/stages";
        } catch (UserFacingException e) {
            return failed(contestId, e, model, response);
        }
    }

    @PostMapping("/admin/contests/{contestId}/formulas")
    String saveFormula(@PathVariable long contestId, @RequestParam String label, @RequestParam String components, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            formulas.save(contestId, new FormulaVersion.NewFormula(label, components(components)));
            redirect.addFlashAttribute("notice", "contestjudging.admin.formulaSaved");
            return "redirect:/admin/contests/" + contestId + "/stages#formula";
        } catch (UserFacingException e) {
            model.addAttribute("enteredLabel", label);
            model.addAttribute("enteredComponents", components);
            return failed(contestId, e, model, response);
        }
    }

    @PostMapping("/admin/contests/{contestId}/formulas/{version}/publish")
    String publish(@PathVariable long contestId, @PathVariable int version, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            formulas.publish(contestId, version);
            redirect.addFlashAttribute("notice", "contestjudging.admin.formulaPublished");
            return "redirect:/admin/contests/" + contestId + "/stages#formula";
        } catch (UserFacingException e) {
            return failed(contestId, e, model, response);
        }
    }

    private String failed(long contestId, UserFacingException e, Model model, HttpServletResponse response) {
        if (e.status().value() == 404 || e.status().value() == 403) {
            throw e;
        }
        response.setStatus(e.status().value());
        model.addAttribute("error", e);
        return stages(contestId, model);
    }

    @GetMapping("/admin/contests/{contestId}/stages/{stageId}")
    String stage(@PathVariable long contestId, @PathVariable long stageId, Model model) {
        var stage = stages.stage(stageId);
        if (stage.contestId() != contestId) {
            throw UserFacingException.notFound("contestjudging.stage.notFound");
        }
        model.addAttribute("contest", contests.contest(contestId));
        model.addAttribute("stage", stage);
        model.addAttribute("entries", stage.status() == StageModel.Status.SETUP ? List.of() : stages.entries(stageId));
        model.addAttribute("progress", stages.progress(stageId));
        model.addAttribute("assignments", stages.assignments(stageId));
        model.addAttribute("conflicts", stages.conflicts(stageId));
        model.addAttribute("results", stage.status() == StageModel.Status.CLOSED ? stages.results(stageId) : List.of());
        return "contest/cstage/stage";
    }

    @PostMapping("/admin/contests/{contestId}/stages/{stageId}/open")
    String open(@PathVariable long contestId, @PathVariable long stageId, @RequestParam(defaultValue = "") String judges,
            @RequestParam(required = false) @Nullable String voteOpens, @RequestParam(required = false) @Nullable String voteCloses,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            StageModel.VotePeriod period = null;
            if (voteOpens != null && !voteOpens.isBlank() && voteCloses != null && !voteCloses.isBlank()) {
                period = new StageModel.VotePeriod(LocalDateTime.parse(voteOpens).atZone(SEOUL).toInstant(),
                        LocalDateTime.parse(voteCloses).atZone(SEOUL).toInstant());
            }
            List<String> emails = judges.lines().flatMap(l -> java.util.Arrays.stream(l.split(","))).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            stages.open(stageId, emails, period);
            redirect.addFlashAttribute("notice", "contestjudging.admin.opened");
            return "redirect:/admin/contests/" + contestId + "/stages/" + stageId;
        } catch (java.time.format.DateTimeParseException e) {
            return stageFailed(contestId, stageId, UserFacingException.badInput("contestjudging.stage.votePeriod"), model, response, judges);
        } catch (UserFacingException e) {
            return stageFailed(contestId, stageId, e, model, response, judges);
        }
    }

    @PostMapping("/admin/contests/{contestId}/stages/{stageId}/close")
    String close(@PathVariable long contestId, @PathVariable long stageId, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            stages.close(stageId);
            redirect.addFlashAttribute("notice", "contestjudging.admin.closed");
            return "redirect:/admin/contests/" + contestId + "/stages/" + stageId;
        } catch (UserFacingException e) {
            return stageFailed(contestId, stageId, e, model, response, null);
        }
    }

    private String stageFailed(long contestId, long stageId, UserFacingException e, Model model, HttpServletResponse response,
            @Nullable String judges) {
        if (e.status().value() == 404 || e.status().value() == 403) {
            throw e;
        }
        response.setStatus(e.status().value());
        model.addAttribute("error", e);
        model.addAttribute("enteredJudges", judges);
        return stage(contestId, stageId, model);
    }

    @GetMapping("/admin/contests/{contestId}/ranking")
    String ranking(@PathVariable long contestId, Model model, HttpServletResponse response) {
        model.addAttribute("contest", contests.contest(contestId));
        model.addAttribute("published", formulas.published(contestId).orElse(null));
        try {
            model.addAttribute("ranking", results.ranking(contestId));
        } catch (UserFacingException e) {
            if (e.status().value() == 404 || e.status().value() == 403) {
                throw e;
            }
            model.addAttribute("ranking", List.of());
            model.addAttribute("notReady", e);
        }
        return "contest/cstage/ranking";
    }

    /** Lines "CODE | 이름 | Name | 배점" (blank lines ignored). */
    static List<StageModel.Criterion> criteria(String text) {
        List<StageModel.Criterion> list = new ArrayList<>();
        for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String[] parts = line.split("\\|");
            if (parts.length != 4) {
                throw UserFacingException.badInput("contestjudging.admin.criteriaLine", line);
            }
            try {
                list.add(new StageModel.Criterion(parts[0].strip(), parts[1].strip(), parts[2].strip(), new BigDecimal(parts[3].strip()),
                        List.of()));
            } catch (NumberFormatException e) {
                throw UserFacingException.badInput("contestjudging.admin.criteriaLine", line);
            }
        }
        return list;
    }

    /** Lines "CODE | 단계 | 측정값 | 비중 | 환산 | 이름 | Name". */
    static List<FormulaVersion.Component> components(String text) {
        List<FormulaVersion.Component> list = new ArrayList<>();
        for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String[] p = line.split("\\|");
            if (p.length != 7) {
                throw UserFacingException.badInput("contestjudging.admin.componentLine", line);
            }
            try {
                list.add(new FormulaVersion.Component(p[0].strip(), p[5].strip(), p[6].strip(), Integer.parseInt(p[1].strip()),
                        FormulaVersion.Measure.valueOf(p[2].strip()), new BigDecimal(p[3].strip()), FinalFormula.Scaling.valueOf(p[4].strip())));
            } catch (IllegalArgumentException e) {
                throw UserFacingException.badInput("contestjudging.admin.componentLine", line);
            }
        }
        return list;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
