package org.pyeongga.account.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.AccountPermissions;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.InstitutionSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * User administration: the people the caller administers (scoped by {@link AccountPermissions}), invitations, roles
 * per institution, disabling, resetting a lost authenticator, and ending someone's sessions.
 */
@Controller
class UserAdminPages {

    static final int PAGE_SIZE = 50;

    private final Accounts accounts;
    private final AccountPermissions permissions;
    private final CurrentActor actors;

    UserAdminPages(Accounts accounts, AccountPermissions permissions, CurrentActor actors) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.actors = actors;
    }

    @ModelAttribute("section")
    String section() {
        return "users";
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("result", accounts.search(q, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("everyone", permissions.seesEveryone(actors.current()));
        model.addAttribute("institutions", accounts.administeredInstitutions());
        return "account/users";
    }

    @GetMapping("/admin/users/new")
    String inviteForm(Model model) {
        var own = accounts.administeredInstitutions();
        choices(model, own);
        model.addAttribute("form", new InviteForm(null, null, onlyOne(own), null));
        return "account/invite";
    }

    @PostMapping("/admin/users")
    String invite(@ModelAttribute("form") InviteForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            var invitation = accounts.invite(form.email() == null ? "" : form.email(), form.name() == null ? "" : form.name(),
                    accounts.membership(form.institution(), form.role()), baseUrl());
            redirect.addFlashAttribute("notice", invitation.newAccount() ? "user.invite.sent" : "user.invite.added");
            redirect.addFlashAttribute("unsentLink", invitation.link());
            return "redirect:/admin/users/" + invitation.userId();
        } catch (UserFacingException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            choices(model, accounts.administeredInstitutions());
            model.addAttribute("form", form);
            return "account/invite";
        }
    }

    @GetMapping("/admin/users/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("user", accounts.get(id));
        var own = accounts.administeredInstitutions();
        choices(model, own);
        if (!model.containsAttribute("grant")) {
            model.addAttribute("grant", new GrantForm(onlyOne(own), null));
        }
        return "account/user";
    }

    @PostMapping("/admin/users/{id}/memberships")
    String grant(@PathVariable long id, @ModelAttribute("grant") GrantForm form, Model model, HttpServletResponse response) {
        try {
            accounts.grant(id, accounts.membership(form.institution(), form.role()));
            return "redirect:/admin/users/" + id + "?granted";
        } catch (UserFacingException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            return detail(id, model);
        }
    }

    @PostMapping("/admin/users/{id}/memberships/{membershipId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long membershipId) {
        accounts.revoke(id, membershipId);
        return "redirect:/admin/users/" + id + "?revoked";
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable long id) {
        accounts.disable(id);
        return "redirect:/admin/users/" + id + "?disabled";
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable long id) {
        accounts.enable(id);
        return "redirect:/admin/users/" + id + "?enabled";
    }

    @PostMapping("/admin/users/{id}/reinvite")
    String reinvite(@PathVariable long id, RedirectAttributes redirect) {
        var invitation = accounts.reinvite(id, baseUrl());
        redirect.addFlashAttribute("notice", "user.invite.resent");
        redirect.addFlashAttribute("unsentLink", invitation.link());
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/second-factor/reset")
    String resetSecondFactor(@PathVariable long id) {
        accounts.resetSecondFactor(id);
        return "redirect:/admin/users/" + id + "?secondFactorReset";
    }

    @PostMapping("/admin/users/{id}/sessions/end")
    String endSessions(@PathVariable long id) {
        accounts.endSessions(id);
        return "redirect:/admin/users/" + id + "?sessionsEnded";
    }

    /** The roles the caller may grant somewhere, and the institutions they administer, for the forms' pickers. */
    private void choices(Model model, List<InstitutionSummary> own) {
        var actor = actors.current();
        model.addAttribute("roles", Arrays.stream(Role.values())
                .filter(r -> own.stream().anyMatch(i -> permissions.mayGrant(actor, new Membership(i.id(), r)))
                        || permissions.mayGrant(actor, new Membership(null, r)))
                .toList());
        model.addAttribute("institutions", own);
    }

    /** A coordinator of one institution gets it filled in. */
    private static @Nullable String onlyOne(List<InstitutionSummary> own) {
        return own.size() == 1 ? own.getFirst().displayName() : null;
    }


    static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    record InviteForm(@Nullable String email, @Nullable String name, @Nullable String institution, @Nullable Role role) {}

    record GrantForm(@Nullable String institution, @Nullable Role role) {}
}
