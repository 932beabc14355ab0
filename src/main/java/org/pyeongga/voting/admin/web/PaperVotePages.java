package org.pyeongga.voting.admin.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.CastContexts;
import org.pyeongga.voting.Choice;
import org.pyeongga.voting.Overloaded;
import org.pyeongga.voting.Receipt;
import org.pyeongga.voting.VoteCasting;
import org.pyeongga.voting.web.forms.BallotForms;
import org.pyeongga.voting.web.forms.Entered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff paper-vote entry: a staff member of the owner institution checks the identity of the person in front of them
 * (the configured provider's form; here the 개발용 one), copies the choices from the paper ballot and submits. The vote
 * goes through the same one-vote-per-person rule as the web (channel STAFF, logged with the staff member, never the
 * choice); a second vote by the same person, on paper or on the web, is refused with a clear message. A survey's
 * paper response is entered on the same page with every question as the portal shows it, and checked by the same
 * {@link BallotForms} (required questions, choice limits, text lengths) with the same messages.
 */
@Controller
class PaperVotePages {

    private final Ballots ballots;
    private final VoteCasting casting;
    private final CastContexts contexts;
    private final BallotAdminFacts facts;
    private final RegionChoices regions;

    PaperVotePages(Ballots ballots, VoteCasting casting, CastContexts contexts, BallotAdminFacts facts, RegionChoices regions) {
        this.ballots = ballots;
        this.casting = casting;
        this.contexts = contexts;
        this.facts = facts;
        this.regions = regions;
    }

    @ModelAttribute("section")
    String section() {
        return "ballotadmin";
    }

    @GetMapping("/admin/voting/{id}/paper")
    String page(@PathVariable long id, Model model, HttpServletResponse response) {
        Ballot ballot = facts.forPaperEntry(id);
        UserFacingException refusal = refusal(ballot);
        if (refusal != null) {
            response.setStatus(refusal.status().value());
        }
        return form(model, ballot, new LinkedHashMap<>(), Entered.NOTHING, refusal, List.of());
    }

    @PostMapping("/admin/voting/{id}/paper")
    String enter(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Ballot ballot = facts.forPaperEntry(id);
        Map<String, String> typed = new LinkedHashMap<>();
        Entered entered = Entered.of(fields);
        fields.forEach((k, v) -> {
            if (!k.equals("_csrf") && !v.isEmpty()) {
                typed.put(k, k.equals("option") ? String.join(",", v) : v.getFirst());
            }
        });
        try {
            UserFacingException refusal = refusal(ballot);
            if (refusal != null) {
                throw refusal;
            }
            Map<String, String> identity = new LinkedHashMap<>();
            for (String key : List.of("name", "birthDate", "testPerson", "residenceCode")) {
                identity.put(key, typed.getOrDefault(key, ""));
            }
            Choice choice;
            if (ballot.kind() == Ballot.Kind.SURVEY) {
                BallotForms.Parsed parsed = BallotForms.parse(ballot, entered);
                if (!parsed.problems().isEmpty()) {
                    response.setStatus(HttpStatus.BAD_REQUEST.value());
                    return form(model, ballot, typed, entered, null, parsed.problems());
                }
                choice = parsed.choice();
            } else {
                choice = choice(ballot, fields);
            }
            Receipt receipt = casting.enterPaperVote(id, identity, choice, contexts.of(request));
            model.addAttribute("ballot", ballot);
            model.addAttribute("state", ballots.state(ballot));
            model.addAttribute("receipt", receipt);
            model.addAttribute("survey", ballot.kind() == Ballot.Kind.SURVEY);
            return "voting/admin/paper-done";
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.FORBIDDEN && !"voting.ineligible".equals(e.messageKey())
                    || e.status() == HttpStatus.NOT_FOUND && "ballotadmin.ballot.notFound".equals(e.messageKey())) {
                throw e;
            }
            response.setStatus(e.status().value());
            if (e instanceof Overloaded overloaded) {
                response.setHeader("Retry-After", String.valueOf(overloaded.retryAfterSeconds()));
            }
            return form(model, ballot, typed, entered, e, List.of());
        }
    }

    /** Why this ballot takes no paper votes or survey responses now (not open), or null. */
    private @Nullable UserFacingException refusal(Ballot ballot) {
        return switch (ballots.state(ballot)) {
            case OPEN -> null;
            case DRAFT, SCHEDULED -> UserFacingException.conflict("voting.notOpen");
            case CLOSED, PUBLISHED -> UserFacingException.conflict("voting.closed");
        };
    }

    /**
     * The choice as the paper ballot says: one option, several (up to the maximum), or ranks 1, 2, 3 … per option (a
     * survey's answers are {@link BallotForms}'s).
     */
    static Choice choice(Ballot ballot, MultiValueMap<String, String> fields) {
        if (ballot.kind() != Ballot.Kind.RANKED) {
            List<Long> ids = new ArrayList<>();
            for (String value : fields.getOrDefault("option", List.of())) {
                ids.add(optionId(ballot, value));
            }
            if (ids.isEmpty()) {
                throw UserFacingException.badInput("ballotadmin.paper.noChoice");
            }
            return Choice.of(ids);
        }
        Map<Integer, Long> byRank = new java.util.TreeMap<>();
        for (Ballot.Option option : ballot.options()) {
            String value = fields.getFirst("rank-" + option.id());
            if (value == null || value.isBlank()) {
                continue;
            }
            int rank;
            try {
                rank = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw UserFacingException.badInput("ballotadmin.paper.rank", option.labelKo());
            }
            if (rank < 1 || rank > ballot.options().size() || byRank.put(rank, option.id()) != null) {
                throw UserFacingException.badInput("ballotadmin.paper.rank", option.labelKo());
            }
        }
        if (byRank.isEmpty()) {
            throw UserFacingException.badInput("ballotadmin.paper.noChoice");
        }
        return Choice.of(new ArrayList<>(byRank.values()));
    }

    private static long optionId(Ballot ballot, String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (ballot.option(id).isPresent()) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through: not an option of this ballot
        }
        throw UserFacingException.badInput("ballotadmin.paper.noChoice");
    }

    private String form(Model model, Ballot ballot, Map<String, String> typed, Entered entered,
            @Nullable UserFacingException error, List<BallotForms.Problem> problems) {
        model.addAttribute("ballot", ballot);
        model.addAttribute("survey", ballot.kind() == Ballot.Kind.SURVEY);
        model.addAttribute("entered", entered);
        model.addAttribute("problems", problems);
        model.addAttribute("scale", java.util.stream.IntStream.rangeClosed(Ballot.SCALE_MIN, Ballot.SCALE_MAX).boxed().toList());
        model.addAttribute("state", ballots.state(ballot));
        model.addAttribute("typed", typed);
        model.addAttribute("chosen", List.of(typed.getOrDefault("option", "").split(",")));
        model.addAttribute("error", error);
        model.addAttribute("open", refusal(ballot) == null);
        model.addAttribute("development", development());
        model.addAttribute("residences", regions.regions().stream().filter(r -> !r.province())
                .sorted(Comparator.comparing(RegionChoices.Region::label))
                .map(r -> new RegionChoices.Region(padded(r.prefix()), r.label(), false)).toList());
        return "voting/admin/paper";
    }

    /** Whether the configured identity check is the 개발용 one whose form this page can show. */
    private boolean development() {
        try {
            return casting.verifier(null).developmentOnly();
        } catch (UserFacingException e) {
            return false;
        }
    }

    /** A residence-code prefix as the full 10-digit 행정구역 code of the place (44180 → 4418000000). */
    static String padded(String prefix) {
        return (prefix + "0000000000").substring(0, 10);
    }
}
