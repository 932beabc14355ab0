package org.pyeongga.contest.portal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.ContestView;
import org.pyeongga.contest.Contests;
import org.pyeongga.contest.Entries;
import org.pyeongga.contest.EntryChannel;
import org.pyeongga.contest.NewNomination;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.Department;
import org.pyeongga.organization.Departments;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.VoterTokens;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 국민추천 on the portal: a citizen who passed the identity check (the portal's {@code PYEONGGA_VOTER} cookie) names an
 * official of the contest's institution and says why; without the check they are sent to {@code /participate/verify}
 * and come back. The confirmation shows exactly what was stored: the nominee's data and the pseudonymous key, nothing
 * else about the citizen.
 */
@Controller
class ContestPortalPages {

    private final Contests contests;
    private final Entries entries;
    private final Departments departments;
    private final VoterTokens tokens;
    private final Clock clock;

    ContestPortalPages(Contests contests, Entries entries, Departments departments, VoterTokens tokens, Clock clock) {
        this.contests = contests;
        this.entries = entries;
        this.departments = departments;
        this.tokens = tokens;
        this.clock = clock;
    }

    @ModelAttribute("section")
    String section() {
        return "portal";
    }

    @GetMapping("/participate/contests/{id}/nominate")
    String form(@PathVariable long id, HttpServletRequest request, Model model) {
        model.addAttribute("form", Map.of());
        return page(contests.contest(id), voter(request).isPresent(), model);
    }

    @PostMapping("/participate/contests/{id}/nominate")
    String nominate(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        ContestView contest = contests.contest(id);
        Optional<Voter> voter = voter(request);
        try {
            long department = parseDepartment(params.getFirst("nomineeDepartmentId"));
            NewNomination nomination = new NewNomination(value(params, "nomineeName"), department,
                    value(params, "nomineeJobTitle"), value(params, "fieldCode"), value(params, "title"), value(params, "reason"));
            long entry = entries.nominate(id, voter.orElse(null), nomination);
            model.addAttribute("contest", contest);
            model.addAttribute("entryId", entry);
            model.addAttribute("nomination", nomination);
            model.addAttribute("department", departments.find(department).map(Department::nameKo).orElse(""));
            model.addAttribute("field", contest.fields().stream().filter(f -> f.code().equals(nomination.fieldCode()))
                    .findFirst().orElse(null));
            return "contest/centry/nominated";
        } catch (UserFacingException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            model.addAttribute("form", params.toSingleValueMap());
            return page(contest, voter.isPresent(), model);
        }
    }

    private String page(ContestView contest, boolean verified, Model model) {
        model.addAttribute("contest", contest);
        model.addAttribute("verified", verified);
        model.addAttribute("taking", contest.accepts(EntryChannel.CITIZEN) && contest.takingEntries(clock.instant()));
        model.addAttribute("departments", departments.of(contest.ownerInstitutionId(), LocalDate.now(clock)));
        model.addAttribute("verifyUrl", "/participate/verify?next=/participate/contests/" + contest.id() + "/nominate");
        return "contest/centry/nominate";
    }

    private Optional<Voter> voter(HttpServletRequest request) {
        return tokens.read(cookie(request), clock.instant());
    }

    private static @Nullable String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (VoterTokens.COOKIE.equals(c.getName()) && !c.getValue().isBlank()) {
                return c.getValue();
            }
        }
        return null;
    }

    private static long parseDepartment(@Nullable String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw UserFacingException.badInput("contest.error.department");
        }
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v.strip();
    }
}
