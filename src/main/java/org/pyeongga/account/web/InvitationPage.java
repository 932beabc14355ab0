package org.pyeongga.account.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page behind an invitation link: the invited person chooses their password (once). */
@Controller
class InvitationPage {

    private final Accounts accounts;

    InvitationPage(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/invitation/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("section", "login");
        model.addAttribute("token", token);
        model.addAttribute("invitation", accounts.invitation(token));
        return "account/invitation";
    }

    @PostMapping("/invitation/{token}")
    String accept(@PathVariable String token, @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable String confirmation, Model model, HttpServletResponse response) {
        try {
            accounts.acceptInvitation(token, password == null ? "" : password, confirmation == null ? "" : confirmation);
            return "redirect:/login?invited";
        } catch (UserFacingException e) {
            if (e.status().value() != 400) {
                throw e; // the link itself is unusable: the error page says why
            }
            response.setStatus(400);
            model.addAttribute("section", "login");
            model.addAttribute("token", token);
            model.addAttribute("invitation", accounts.invitation(token));
            model.addAttribute("error", e);
            return "account/invitation";
        }
    }
}
