package org.pyeongga.voting.admin.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Actor;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.organization.InstitutionSummary;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.BallotSpec;
import org.pyeongga.voting.Ballots;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ballot owners' pages: the list of their institution's ballots, the form that creates and edits a draft (options,
 * survey questions, eligibility, period in Korean time, results visibility), a ballot's overview, and opening it
 * after a confirmation. A refused save shows the whole form again as typed, with an error summary on top.
 */
@Controller
class BallotAdminPages {

    private final Ballots ballots;
    private final BallotAdminPermissions permissions;
    private final InstitutionRegistry registry;
    private final RegionChoices regions;
    private final BallotAdminFacts facts;

    BallotAdminPages(Ballots ballots, BallotAdminPermissions permissions, InstitutionRegistry registry, RegionChoices regions,
            BallotAdminFacts facts) {
        this.ballots = ballots;
        this.permissions = permissions;
        this.registry = registry;
        this.regions = regions;
        this.facts = facts;
    }

    @ModelAttribute("section")
    String section() {
        return "ballotadmin";
    }

    @ModelAttribute("draftState")
    Ballot.State draftState() {
        return Ballot.State.DRAFT;
    }

    /** One line of the list: the ballot, its state, how many took part, and what the viewer may do with it. */
    record Row(Ballot ballot, Ballot.State state, String owner, long participants, boolean manage, boolean paper) {}

    @GetMapping("/admin/voting")
    String list(Model model) {
        Actor actor = permissions.requireArea();
        Map<Long, Ballot> visible = new LinkedHashMap<>();
        ballots.managedBallots().forEach(b -> visible.put(b.id(), b));
        ballots.announcedBallots().stream().filter(b -> permissions.canEnterPaperVotes(actor, b.ownerInstitutionId()))
                .forEach(b -> visible.putIfAbsent(b.id(), b));
        Map<Long, String> names = names(visible.values().stream().map(Ballot::ownerInstitutionId).collect(Collectors.toSet()));
        List<Row> rows = visible.values().stream()
                .sorted(Comparator.comparing(Ballot::closesAt).reversed())
                .map(b -> new Row(b, ballots.state(b), names.getOrDefault(b.ownerInstitutionId(), "—"),
                        facts.participants(b), permissions.canManage(actor, b.ownerInstitutionId()),
                        permissions.canEnterPaperVotes(actor, b.ownerInstitutionId())))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("mayCreate", !permissions.managedInstitutions(actor).isEmpty());
        return "voting/admin/list";
    }

    @GetMapping("/admin/voting/new")
    String newBallot(Model model) {
        Map<Long, String> owners = owners();
        BallotForm form = BallotForm.blank();
        form.setOwnerInstitutionId(owners.keySet().iterator().next());
        return form(model, form, null, List.of(), null);
    }

    @PostMapping("/admin/voting/new")
    String create(@ModelAttribute("form") BallotForm form, @RequestParam(required = false) @Nullable String action,
            Model model, HttpServletResponse response) {
        Map<Long, String> owners = owners();
        Long owner = form.getOwnerInstitutionId();
        if (owner == null || !owners.containsKey(owner)) {
            owner = owners.keySet().iterator().next();
            form.setOwnerInstitutionId(owner);
        }
        if (form.applyEdit(action)) {
            return form(model, form, null, List.of(), null);
        }
        List<BallotForm.Problem> problems = new ArrayList<>();
        BallotSpec spec = form.toSpec(owner, problems);
        if (spec == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, null, problems, null);
        }
        try {
            long id = ballots.create(spec);
            return "redirect:/admin/voting/" + id + "?created";
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.status().value());
            return form(model, form, null, problems, e);
        }
    }

    @GetMapping("/admin/voting/{id}")
    String ballot(@PathVariable long id, Model model) {
        Ballot ballot = facts.managed(id);
        model.addAttribute("ballot", ballot);
        model.addAttribute("state", ballots.state(ballot));
        model.addAttribute("owner", names(Set.of(ballot.ownerInstitutionId())).getOrDefault(ballot.ownerInstitutionId(), "—"));
        model.addAttribute("participants", facts.participants(ballot));
        model.addAttribute("region", ballot.regionPrefix() == null ? null : regions.label(ballot.regionPrefix()));
        return "voting/admin/ballot";
    }

    @GetMapping("/admin/voting/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Ballot ballot = draft(id);
        return form(model, BallotForm.of(ballot), ballot, List.of(), null);
    }

    @PostMapping("/admin/voting/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute("form") BallotForm form,
            @RequestParam(required = false) @Nullable String action, Model model, HttpServletResponse response) {
        Ballot ballot = draft(id);
        form.setOwnerInstitutionId(ballot.ownerInstitutionId());
        if (form.applyEdit(action)) {
            return form(model, form, ballot, List.of(), null);
        }
        List<BallotForm.Problem> problems = new ArrayList<>();
        BallotSpec spec = form.toSpec(ballot.ownerInstitutionId(), problems);
        if (spec == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, ballot, problems, null);
        }
        try {
            ballots.update(id, spec);
            return "redirect:/admin/voting/" + id + "?saved";
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.status().value());
            return form(model, form, ballot, problems, e);
        }
    }

    @GetMapping("/admin/voting/{id}/open")
    String confirmOpen(@PathVariable long id, Model model) {
        Ballot ballot = draft(id);
        model.addAttribute("ballot", ballot);
        return "voting/admin/open";
    }

    @PostMapping("/admin/voting/{id}/open")
    String open(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Ballot ballot = draft(id);
        try {
            ballots.open(id);
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("ballot", ballot);
            model.addAttribute("error", e);
            return "voting/admin/open";
        }
        redirect.addFlashAttribute("notice", "ballotadmin.notice.opened");
        return "redirect:/admin/voting/" + id;
    }

    /** A ballot the current person manages and that is still a draft (409 once opened). */
    private Ballot draft(long id) {
        Ballot ballot = facts.managed(id);
        if (ballot.phase() != Ballot.Phase.DRAFT) {
            throw UserFacingException.conflict("ballotadmin.ballot.notDraft");
        }
        return ballot;
    }

    private String form(Model model, BallotForm form, @Nullable Ballot ballot, List<BallotForm.Problem> problems,
            @Nullable UserFacingException error) {
        model.addAttribute("form", form);
        model.addAttribute("ballot", ballot);
        model.addAttribute("owners", ballot == null ? owners() : names(Set.of(ballot.ownerInstitutionId())));
        model.addAttribute("problems", problems);
        model.addAttribute("error", error);
        model.addAttribute("regions", regions.regions());
        model.addAttribute("kinds", Ballot.Kind.values());
        model.addAttribute("rules", Ballot.CountingRule.values());
        model.addAttribute("questionKinds", Ballot.QuestionKind.values());
        model.addAttribute("eligibilities", Ballot.Eligibility.values());
        model.addAttribute("visibilities", Ballot.Visibility.values());
        return "voting/admin/form";
    }

    /** Institutions the current person may create ballots for, by name; 403 if none. */
    private Map<Long, String> owners() {
        Actor actor = permissions.requireArea();
        Set<Long> ids = permissions.managedInstitutions(actor);
        if (ids.isEmpty()) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return names(ids);
    }

    private Map<Long, String> names(Set<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        registry.getAll(ids, registry.today()).stream().sorted(Comparator.comparing(InstitutionSummary::displayName))
                .forEach(i -> names.put(i.id(), i.displayName()));
        ids.forEach(id -> names.putIfAbsent(id, "#" + id));
        return names;
    }
}
