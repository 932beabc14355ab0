package org.pyeongga.voting.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.CastContexts;
import org.pyeongga.voting.Channel;
import org.pyeongga.voting.Overloaded;
import org.pyeongga.voting.Receipt;
import org.pyeongga.voting.VoteCasting;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.web.forms.BallotForms;
import org.pyeongga.voting.web.forms.Entered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A ballot or survey page and casting from it. Without a valid identity check the citizen is sent to it (and back
 * here, choices included); every refusal (closed, already voted, not eligible, identity check expired, a form
 * mistake) shows the same form again with the message and every choice kept; overload shows the retry page.
 */
@Controller
class PortalBallotPages {

    private final Ballots ballots;
    private final VoteCasting casting;
    private final CastContexts contexts;
    private final PortalVoters voters;

    PortalBallotPages(Ballots ballots, VoteCasting casting, CastContexts contexts, PortalVoters voters) {
        this.ballots = ballots;
        this.casting = casting;
        this.contexts = contexts;
        this.voters = voters;
    }

    @ModelAttribute("section")
    String section() {
        return "portal";
    }

    @GetMapping("/participate/ballots/{id}")
    String ballot(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            Model model) {
        Ballot ballot = ballots.ballot(id);
        Entered entered = Entered.of(params);
        if (ballots.state(ballot) == Ballot.State.OPEN && voters.forBallot(ballot, request).isEmpty()) {
            if (ballot.eligibility() == Ballot.Eligibility.STAFF) {
                return "redirect:/login";
            }
            return "redirect:" + verifyAddress(id, entered, voters.stale(request));
        }
        show(model, ballot, entered);
        return "voting/portal/ballot";
    }

    @PostMapping("/participate/ballots/{id}")
    Object cast(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Ballot ballot = ballots.ballot(id);
        Entered entered = Entered.of(params);
        Optional<Voter> voter = voters.forBallot(ballot, request);
        if (voter.isEmpty()) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            show(model, ballot, entered);
            boolean staff = ballot.eligibility() == Ballot.Eligibility.STAFF;
            model.addAttribute("problem", staff ? "portal.ballot.staffOnly" : "portal.ballot.expired");
            model.addAttribute("verifyAgain", staff ? null : verifyAddress(id, entered, false));
            return "voting/portal/ballot";
        }
        BallotForms.Parsed parsed = BallotForms.parse(ballot, entered);
        if (!parsed.problems().isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            show(model, ballot, entered);
            model.addAttribute("problems", parsed.problems());
            return "voting/portal/ballot";
        }
        try {
            Receipt receipt = casting.cast(id, voter.get(), parsed.choice(), Channel.WEB, contexts.of(request));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            model.addAttribute("ballot", ballot);
            model.addAttribute("receipt", receipt);
            return "voting/portal/receipt";
        } catch (Overloaded e) {
            return OverloadPage.of(response, e.retryAfterSeconds(), "/participate/ballots/" + id,
                    request.getParameterMap());
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.status().value());
            show(model, ballot, entered);
            model.addAttribute("problem", e.messageKey());
            model.addAttribute("problemArgs", e.args());
            return "voting/portal/ballot";
        }
    }

    private void show(Model model, Ballot ballot, Entered entered) {
        Ballot.State state = ballots.state(ballot);
        model.addAttribute("ballot", ballot);
        model.addAttribute("state", state.name());
        model.addAttribute("open", state == Ballot.State.OPEN);
        model.addAttribute("entered", entered);
        model.addAttribute("problems", List.of());
        model.addAttribute("ranks", java.util.stream.IntStream.rangeClosed(1, ballot.options().size()).boxed().toList());
        model.addAttribute("scale", java.util.stream.IntStream.rangeClosed(Ballot.SCALE_MIN, Ballot.SCALE_MAX).boxed().toList());
    }

    /**
     * The identity check, returning to this ballot with what was chosen so far (long text answers are left out so the
     * address stays short; the form says so).
     */
    static String verifyAddress(long id, Entered entered, boolean expired) {
        StringBuilder back = new StringBuilder("/participate/ballots/").append(id);
        char separator = '?';
        for (var e : entered.values().entrySet()) {
            for (String value : e.getValue()) {
                if (value.length() <= 200) {
                    back.append(separator).append(encode(e.getKey())).append('=').append(encode(value));
                    separator = '&';
                }
            }
        }
        String next = back.length() > 4000 ? "/participate/ballots/" + id : back.toString();
        return "/participate/verify?next=" + encode(next) + (expired ? "&expired" : "");
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
