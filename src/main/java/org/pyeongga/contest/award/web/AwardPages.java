package org.pyeongga.contest.award.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.AwardModel;
import org.pyeongga.contest.AwardModel.Affiliation;
import org.pyeongga.contest.AwardModel.Attendee;
import org.pyeongga.contest.AwardModel.Award;
import org.pyeongga.contest.AwardModel.NewDecision;
import org.pyeongga.contest.AwardModel.Outcome;
import org.pyeongga.contest.Certificates;
import org.pyeongga.contest.Decisions;
import org.pyeongga.contest.Incentives;
import org.pyeongga.core.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's pages for the end of a contest: recording the committee decision and publishing
 * ({@code /admin/contests/{id}/decision}), HR's incentive page with the half-substantial rule
 * ({@code /admin/contests/{id}/incentives}), certificate downloads, and the list of contests to decide or to handle
 * incentives for ({@code /admin/contests/awards}). Forms work without script; a refused form comes back with its
 * message, nothing changed.
 */
@Controller
class AwardPages {

    static final int ATTENDEE_ROWS = 11;

    private final Decisions decisions;
    private final Incentives incentives;
    private final Certificates certificates;

    AwardPages(Decisions decisions, Incentives incentives, Certificates certificates) {
        this.decisions = decisions;
        this.incentives = incentives;
        this.certificates = certificates;
    }

    /** A refused form's message for the page it returns to. */
    record Problem(String messageKey, Object[] args) implements java.io.Serializable {}

    @ModelAttribute("section")
    String section() {
        return "contestaward";
    }

    @GetMapping("/admin/contests/awards")
    String list(Model model) {
        model.addAttribute("contests", decisions.awardable());
        return "contest/caward/list";
    }

    // ---- decision

    @GetMapping("/admin/contests/{contestId}/decision")
    String decision(@PathVariable long contestId, Model model) {
        var contest = decisions.contest(contestId);
        if (!decisions.canManage(contestId)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        var history = decisions.history(contestId);
        var current = history.isEmpty() ? null : history.getLast();
        var proposal = decisions.proposal(contestId);
        Map<Long, Integer> chosen = new LinkedHashMap<>();
        if (current != null && current.outcome() == Outcome.DECIDED) {
            current.awards().forEach(a -> chosen.put(a.entryId(), a.tierRank()));
        } else {
            chosen.putAll(proposal);
        }
        List<Attendee> rows = new ArrayList<>(current == null ? List.of() : current.attendees());
        while (rows.size() < ATTENDEE_ROWS) {
            rows.add(new Attendee("", Affiliation.INTERNAL, "", true));
        }
        model.addAttribute("contest", contest);
        model.addAttribute("history", history.reversed());
        model.addAttribute("current", current);
        model.addAttribute("proposal", proposal);
        model.addAttribute("chosen", chosen);
        model.addAttribute("attendeeRows", rows);
        model.addAttribute("candidates", decisions.candidates(contestId));
        model.addAttribute("today", LocalDate.now());
        return "contest/caward/decision";
    }

    @PostMapping("/admin/contests/{contestId}/decision")
    String record(@PathVariable long contestId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/contests/" + contestId + "/decision", "contestaward.notice.recorded", () -> {
            List<Attendee> attendees = new ArrayList<>();
            for (int i = 0; i < ATTENDEE_ROWS; i++) {
                String name = form.getOrDefault("attName" + i, "").strip();
                if (!name.isEmpty()) {
                    attendees.add(new Attendee(name, "CIVILIAN".equals(form.get("attAffiliation" + i)) ? Affiliation.CIVILIAN
                            : Affiliation.INTERNAL, form.getOrDefault("attRole" + i, ""), form.containsKey("attPresent" + i)));
                }
            }
            List<Award> awards = new ArrayList<>();
            form.forEach((key, value) -> {
                if (key.startsWith("tier_") && !value.isBlank()) {
                    awards.add(new Award(Long.parseLong(key.substring(5)), Integer.parseInt(value)));
                }
            });
            LocalDate meeting = parseDate(form.get("meetingDate"));
            Outcome outcome = "DEFERRED".equals(form.get("outcome")) ? Outcome.DEFERRED : Outcome.DECIDED;
            decisions.record(contestId, new NewDecision(meeting, outcome, attendees, awards, form.get("deviationReason"),
                    form.get("overCountReason"), form.get("correctionReason"), form.get("note")));
        });
    }

    @PostMapping("/admin/contests/{contestId}/publish")
    String publish(@PathVariable long contestId, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/contests/" + contestId + "/decision", "contestaward.notice.published",
                () -> decisions.publish(contestId));
    }

    // ---- incentives

    @GetMapping("/admin/contests/{contestId}/incentives")
    String incentives(@PathVariable long contestId, Model model) {
        var contest = decisions.contest(contestId);
        var offers = incentives.offers(contestId);
        Map<Integer, List<AwardModel.Offer>> byTier = new LinkedHashMap<>();
        contest.tiers().forEach(t -> byTier.put(t.rank(), new ArrayList<>()));
        offers.forEach(o -> byTier.computeIfAbsent(o.tierRank(), r -> new ArrayList<>()).add(o));
        Map<Integer, Set<String>> offeredCodes = new LinkedHashMap<>();
        byTier.forEach((rank, list) -> offeredCodes.put(rank,
                Set.copyOf(list.stream().map(AwardModel.Offer::code).toList())));
        model.addAttribute("contest", contest);
        model.addAttribute("catalogue", incentives.catalogue());
        model.addAttribute("offers", byTier);
        model.addAttribute("offeredCodes", offeredCodes);
        model.addAttribute("awardees", incentives.awardees(contestId));
        model.addAttribute("half", incentives.halfRule(contestId));
        model.addAttribute("isHr", incentives.isHr(contestId));
        model.addAttribute("canManage", decisions.canManage(contestId));
        model.addAttribute("decided", decisions.current(contestId).filter(d -> d.outcome() == Outcome.DECIDED).isPresent());
        model.addAttribute("today", LocalDate.now());
        return "contest/caward/incentives";
    }

    @PostMapping("/admin/contests/{contestId}/incentives/offers")
    String offer(@PathVariable long contestId, @RequestParam int tierRank,
            @RequestParam(required = false) @Nullable List<String> codes,
            @RequestParam(required = false) @Nullable String points, RedirectAttributes redirect) {
        return attempt(redirect, incentivesPath(contestId), "contestaward.notice.offered", () -> incentives.offer(contestId,
                tierRank, codes == null ? List.of() : codes, parsePoints(points)));
    }

    @PostMapping("/admin/contests/{contestId}/awardees/{entryId}/{position}/wish")
    String wish(@PathVariable long contestId, @PathVariable long entryId, @PathVariable int position,
            @RequestParam(defaultValue = "") String code, RedirectAttributes redirect) {
        return attempt(redirect, incentivesPath(contestId), "contestaward.notice.wished",
                () -> incentives.wish(contestId, entryId, position, code));
    }

    @PostMapping("/admin/contests/{contestId}/awardees/{entryId}/{position}/eligibility")
    String eligibility(@PathVariable long contestId, @PathVariable long entryId, @PathVariable int position,
            @RequestParam(defaultValue = "") String eligible, @RequestParam(defaultValue = "") String basis,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return attempt(redirect, incentivesPath(contestId), "contestaward.notice.checked", () -> {
            if (!eligible.equals("yes") && !eligible.equals("no")) {
                throw UserFacingException.badInput("contestaward.error.eligibleChoice");
            }
            incentives.checkEligibility(contestId, entryId, position, eligible.equals("yes"), basis, note);
        });
    }

    @PostMapping("/admin/contests/{contestId}/awardees/{entryId}/{position}/applied")
    String applied(@PathVariable long contestId, @PathVariable long entryId, @PathVariable int position,
            @RequestParam(defaultValue = "") String appliedOn, RedirectAttributes redirect) {
        return attempt(redirect, incentivesPath(contestId), "contestaward.notice.applied",
                () -> incentives.apply(contestId, entryId, position, parseDate(appliedOn)));
    }

    @GetMapping("/admin/contests/{contestId}/certificates/{entryId}/{position}")
    ResponseEntity<byte[]> certificate(@PathVariable long contestId, @PathVariable long entryId, @PathVariable int position) {
        return AwardApi.pdf(certificates.certificate(contestId, entryId, position));
    }

    private static String incentivesPath(long contestId) {
        return "/admin/contests/" + contestId + "/incentives";
    }

    /** Runs a form's change; 400 and 409 come back to the page as a message, 403 and 404 go to the error page. */
    private static String attempt(RedirectAttributes redirect, String back, String notice, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (UserFacingException e) {
            if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("error", new Problem(e.messageKey(), e.args()));
        }
        return "redirect:" + back;
    }

    private static LocalDate parseDate(@Nullable String text) {
        try {
            return LocalDate.parse(Optional.ofNullable(text).orElse("").strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw UserFacingException.badInput("contestaward.error.date");
        }
    }

    private static @Nullable BigDecimal parsePoints(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw UserFacingException.badInput("contestaward.error.points");
        }
    }
}
