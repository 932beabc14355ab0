package org.pyeongga.voting.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.IdentityVerifier;
import org.pyeongga.account.VerifiedPerson;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.VoteCasting;
import org.pyeongga.voting.web.forms.BallotForms.Problem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's home (open ballots and surveys, results, proposals) and the identity check (본인확인) that lets a
 * citizen vote for the next 30 minutes: it sets the voter cookie and returns to where the citizen was going.
 */
@Controller
class PortalPages {

    /** Form fields that are the portal's own, not the identity provider's. */
    private static final Set<String> OWN_FIELDS = Set.of("_csrf", "next", "consent");

    private final ObjectProvider<IdentityVerifier> verifiers;
    private final VoteCasting casting;
    private final PortalVoters voters;
    private final Ballots ballots;

    PortalPages(ObjectProvider<IdentityVerifier> verifiers, VoteCasting casting, PortalVoters voters, Ballots ballots) {
        this.verifiers = verifiers;
        this.casting = casting;
        this.voters = voters;
        this.ballots = ballots;
    }

    @ModelAttribute("section")
    String section() {
        return "portal";
    }

    @GetMapping("/participate")
    String home(HttpServletRequest request, Model model) {
        List<Ballot> open = ballots.openBallots();
        model.addAttribute("openBallots", open.stream().filter(b -> b.kind() != Ballot.Kind.SURVEY).toList());
        model.addAttribute("openSurveys", open.stream().filter(b -> b.kind() == Ballot.Kind.SURVEY).toList());
        model.addAttribute("finished", ballots.announcedBallots().stream()
                .filter(b -> switch (ballots.state(b)) {
                    case CLOSED, PUBLISHED -> true;
                    default -> false;
                }).toList());
        model.addAttribute("verified", voters.citizen(request).isPresent());
        return "voting/portal/home";
    }

    @GetMapping("/participate/verify")
    String verify(@RequestParam(required = false) @Nullable String next, HttpServletRequest request, Model model,
            Locale locale) {
        verifyModel(model, next, locale);
        model.addAttribute("verified", voters.citizen(request).isPresent());
        return "voting/portal/verify";
    }

    @PostMapping("/participate/verify")
    String verified(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            HttpServletResponse response, Model model, Locale locale) {
        IdentityVerifier verifier = verifiers.getIfUnique();
        if (verifier == null) {
            throw UserFacingException.notFound("voting.identity.unavailable");
        }
        String next = safeNext(params.getFirst("next"));
        VerifyForm form = VerifyForm.of(params);
        List<Problem> problems = new ArrayList<>();
        if (verifier.developmentOnly()) {
            problems.addAll(form.problems());
        }
        if (!"yes".equals(params.getFirst("consent"))) {
            problems.add(Problem.of("consent", "portal.verify.error.consent"));
        }
        if (problems.isEmpty()) {
            Map<String, String> callback = params.toSingleValueMap().entrySet().stream()
                    .filter(e -> !OWN_FIELDS.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            try {
                VerifiedPerson person = verifier.complete(callback);
                voters.remember(casting.voterFor(person), request, response);
                return "redirect:" + next;
            } catch (UserFacingException e) {
                problems.add(new Problem(verifier.developmentOnly() ? "name" : "consent", e.messageKey(), List.of(e.args())));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        verifyModel(model, next, locale);
        model.addAttribute("form", form);
        model.addAttribute("errors", problems);
        model.addAttribute("fieldErrors", problems.stream().map(Problem::field).collect(Collectors.toSet()));
        return "voting/portal/verify";
    }

    /** Ends the identity check on this browser (a shared or public computer). */
    @PostMapping("/participate/verify/end")
    String end(HttpServletRequest request, HttpServletResponse response) {
        voters.forget(request, response);
        return "redirect:/participate?ended";
    }

    private void verifyModel(Model model, @Nullable String next, Locale locale) {
        IdentityVerifier verifier = verifiers.getIfUnique();
        model.addAttribute("next", safeNext(next));
        model.addAttribute("verifier", verifier == null ? null : verifier.provider());
        model.addAttribute("developmentVerifier", verifier != null && verifier.developmentOnly());
        model.addAttribute("residences", Residences.DEVELOPMENT_CHOICES.stream()
                .map(r -> new Choice(r.code(), r.name(locale))).toList());
    }

    record Choice(String value, String label) {
    }

    /** What the 개발용 form sent, to show again after a mistake (never the consent: it is asked again). */
    record VerifyForm(String name, String birthDate, String testPerson, String residenceCode) {

        static VerifyForm of(MultiValueMap<String, String> params) {
            return new VerifyForm(value(params, "name"), value(params, "birthDate"), value(params, "testPerson"),
                    value(params, "residenceCode"));
        }

        private static String value(MultiValueMap<String, String> params, String name) {
            String v = params.getFirst(name);
            return v == null ? "" : v.strip();
        }

        List<Problem> problems() {
            List<Problem> problems = new ArrayList<>();
            if (name.isEmpty()) {
                problems.add(Problem.of("name", "portal.verify.error.name"));
            }
            try {
                LocalDate birth = LocalDate.parse(birthDate);
                if (birth.isAfter(LocalDate.now()) || birth.getYear() < 1900) {
                    problems.add(Problem.of("birthDate", "portal.verify.error.birthDate"));
                }
            } catch (DateTimeParseException e) {
                problems.add(Problem.of("birthDate", "portal.verify.error.birthDate"));
            }
            if (testPerson.isEmpty()) {
                problems.add(Problem.of("testPerson", "portal.verify.error.testPerson"));
            }
            if (!residenceCode.isEmpty() && !Residences.offered(residenceCode)) {
                problems.add(Problem.of("residenceCode", "portal.verify.error.residence"));
            }
            return problems;
        }
    }

    /** Only a portal address may follow the identity check (no open redirect to another site or another area). */
    static String safeNext(@Nullable String next) {
        if (next == null || !(next.equals("/participate") || next.startsWith("/participate/") || next.startsWith("/participate?"))
                || next.startsWith("/participate/verify") || next.matches(".*[\\\\{}\\s].*")) {
            return "/participate";
        }
        return next;
    }
}
