package org.pyeongga.evaluation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.evaluation.EvaluationPermissions;
import org.pyeongga.evaluation.EvidenceType;
import org.pyeongga.evaluation.SubmissionWorkbooks;
import org.pyeongga.evaluation.Submissions;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Institutions' submission pages: {@code /submissions} lists the cycles the signed-in person's institution submits to
 * (administrators: every cycle with a submission stage, each with its progress list), and
 * {@code /submissions/{cycle}/{institution}} is the form: values (offered ones pre-filled with their source), evidence,
 * 성과요약서 and the coordinator's confirmation. A refused change re-shows the form with the reason.
 */
@Controller
class SubmissionPages {

    private final Submissions submissions;
    private final SubmissionWorkbooks workbooks;
    private final EvaluationPermissions permissions;
    private final CurrentActor actors;

    SubmissionPages(Submissions submissions, SubmissionWorkbooks workbooks, EvaluationPermissions permissions,
            CurrentActor actors) {
        this.submissions = submissions;
        this.workbooks = workbooks;
        this.permissions = permissions;
        this.actors = actors;
    }

    @ModelAttribute("section")
    String section() {
        return "submission";
    }

    /** Stage dates and upload times, in Korean time as everywhere ({@code ${kst.format(instant)}}). */
    @ModelAttribute("kst")
    java.time.format.DateTimeFormatter kst() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(org.pyeongga.evaluation.CycleStages.SEOUL);
    }

    @GetMapping("/submissions")
    String index(Model model) {
        boolean admin = permissions.canManage(actors.current());
        model.addAttribute("admin", admin);
        model.addAttribute("mine", submissions.myCycles());
        model.addAttribute("staged", admin ? submissions.stagedCycles() : java.util.List.of());
        return "evaluation/submission/index";
    }

    @GetMapping("/submissions/{cycleId}")
    String progress(@PathVariable long cycleId, Model model) {
        model.addAttribute("progress", submissions.progress(cycleId));
        return "evaluation/submission/progress";
    }

    @GetMapping("/submissions/{cycleId}/{institutionId}")
    String form(@PathVariable long cycleId, @PathVariable long institutionId, Model model) {
        model.addAttribute("view", submissions.view(cycleId, institutionId));
        return "evaluation/submission/form";
    }

    @PostMapping("/submissions/{cycleId}/{institutionId}/values")
    String values(@PathVariable long cycleId, @PathVariable long institutionId, @RequestParam Map<String, String> params,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            submissions.enterValues(cycleId, institutionId, values(params));
        } catch (UserFacingException e) {
            return failed(cycleId, institutionId, e, model, response);
        }
        return saved(cycleId, institutionId, "submission.saved.values", redirect);
    }

    @PostMapping("/submissions/{cycleId}/{institutionId}/evidence")
    String evidence(@PathVariable long cycleId, @PathVariable long institutionId, @RequestParam String indicator,
            @RequestParam("file") @Nullable MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            submissions.addEvidence(cycleId, institutionId, indicator, SubmissionFiles.name(file, "file"),
                    SubmissionFiles.bytes(file));
        } catch (UserFacingException e) {
            return failed(cycleId, institutionId, e, model, response);
        }
        return saved(cycleId, institutionId, "submission.saved.evidence", redirect);
    }

    @PostMapping("/submissions/{cycleId}/{institutionId}/evidence/{evidenceId}/delete")
    String deleteEvidence(@PathVariable long cycleId, @PathVariable long institutionId, @PathVariable long evidenceId,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            submissions.removeEvidence(cycleId, institutionId, evidenceId);
        } catch (UserFacingException e) {
            return failed(cycleId, institutionId, e, model, response);
        }
        return saved(cycleId, institutionId, "submission.saved.evidenceRemoved", redirect);
    }

    @GetMapping("/submissions/{cycleId}/{institutionId}/evidence/{evidenceId}")
    ResponseEntity<byte[]> download(@PathVariable long cycleId, @PathVariable long institutionId,
            @PathVariable long evidenceId) {
        var file = submissions.evidenceFile(cycleId, institutionId, evidenceId);
        return SubmissionFiles.attachment(file.content(), file.fileName(), file.type());
    }

    @PostMapping("/submissions/{cycleId}/{institutionId}/summaries/{code}")
    String summary(@PathVariable long cycleId, @PathVariable long institutionId, @PathVariable String code,
            @RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String body,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            submissions.writeCaseSummary(cycleId, institutionId, code, title, body);
        } catch (UserFacingException e) {
            return failed(cycleId, institutionId, e, model, response);
        }
        return saved(cycleId, institutionId, "submission.saved.summary", redirect);
    }

    @PostMapping("/submissions/{cycleId}/{institutionId}/confirm")
    String confirm(@PathVariable long cycleId, @PathVariable long institutionId, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            submissions.confirm(cycleId, institutionId);
        } catch (UserFacingException e) {
            return failed(cycleId, institutionId, e, model, response);
        }
        return saved(cycleId, institutionId, "submission.saved.confirmed", redirect);
    }

    @PostMapping("/submissions/{cycleId}/{institutionId}/withdraw")
    String withdraw(@PathVariable long cycleId, @PathVariable long institutionId, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            submissions.withdraw(cycleId, institutionId);
        } catch (UserFacingException e) {
            return failed(cycleId, institutionId, e, model, response);
        }
        return saved(cycleId, institutionId, "submission.saved.withdrawn", redirect);
    }

    @PostMapping("/submissions/{cycleId}/{institutionId}/correct")
    String correct(@PathVariable long cycleId, @PathVariable long institutionId, @RequestParam String indicator,
            @RequestParam(required = false) @Nullable String value, @RequestParam(required = false) @Nullable String reason,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            submissions.correct(cycleId, institutionId, Map.of(indicator, number(indicator, value)), reason);
        } catch (UserFacingException e) {
            return failed(cycleId, institutionId, e, model, response);
        }
        return saved(cycleId, institutionId, "submission.saved.corrected", redirect);
    }

    @GetMapping("/submissions/{cycleId}/{institutionId}/workbook.xlsx")
    ResponseEntity<byte[]> institutionTemplate(@PathVariable long cycleId, @PathVariable long institutionId) {
        return SubmissionFiles.attachment(workbooks.institutionTemplate(cycleId, institutionId),
                "submission-" + cycleId + "-" + institutionId + ".xlsx", EvidenceType.XLSX);
    }

    @GetMapping("/submissions/{cycleId}/workbook.xlsx")
    ResponseEntity<byte[]> cycleTemplate(@PathVariable long cycleId) {
        return SubmissionFiles.attachment(workbooks.cycleTemplate(cycleId), "submission-" + cycleId + ".xlsx", EvidenceType.XLSX);
    }

    @PostMapping("/submissions/{cycleId}/{institutionId}/workbook")
    String uploadWorkbook(@PathVariable long cycleId, @PathVariable long institutionId,
            @RequestParam("file") @Nullable MultipartFile file, Model model, HttpServletResponse response) {
        String back = "/submissions/" + cycleId + "/" + institutionId;
        try {
            var report = workbooks.uploadForInstitution(cycleId, institutionId, SubmissionFiles.name(file, "workbook.xlsx"),
                    SubmissionFiles.bytes(file));
            return report(report, back, model, response);
        } catch (UserFacingException e) {
            return failed(cycleId, institutionId, e, model, response);
        }
    }

    @PostMapping("/submissions/{cycleId}/workbook")
    String uploadCycleWorkbook(@PathVariable long cycleId, @RequestParam("file") @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String reason, Model model, HttpServletResponse response) {
        String back = "/submissions/" + cycleId;
        try {
            var report = workbooks.uploadForCycle(cycleId, SubmissionFiles.name(file, "workbook.xlsx"),
                    SubmissionFiles.bytes(file), reason);
            return report(report, back, model, response);
        } catch (UserFacingException e) {
            response.setStatus(e.status().value());
            model.addAttribute("progress", submissions.progress(cycleId));
            model.addAttribute("error", e);
            return "evaluation/submission/progress";
        }
    }

    private static String report(SubmissionWorkbooks.Report report, String back, Model model, HttpServletResponse response) {
        if (!report.applied()) {
            response.setStatus(422);
        }
        model.addAttribute("report", report);
        model.addAttribute("back", back);
        return "evaluation/submission/report";
    }

    /** The form's {@code value.<code>} fields; blanks are left as they are. */
    static Map<String, BigDecimal> values(Map<String, String> params) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        params.forEach((name, text) -> {
            if (name.startsWith("value.") && text != null && !text.isBlank()) {
                String code = name.substring("value.".length());
                values.put(code, number(code, text));
            }
        });
        return values;
    }

    static BigDecimal number(String code, @Nullable String text) {
        String t = text == null ? "" : text.strip().replace(",", "");
        try {
            BigDecimal value = new BigDecimal(t);
            if (value.abs().compareTo(new BigDecimal("1e12")) >= 0 || value.scale() > 6) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw UserFacingException.badInput("submission.value.number", code, t);
        }
    }

    private String failed(long cycleId, long institutionId, UserFacingException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("view", submissions.view(cycleId, institutionId));
        model.addAttribute("error", e);
        return "evaluation/submission/form";
    }

    private static String saved(long cycleId, long institutionId, String key, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", key);
        return "redirect:/submissions/" + cycleId + "/" + institutionId;
    }
}
