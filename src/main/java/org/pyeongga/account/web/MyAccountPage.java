package org.pyeongga.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.AccountProperties;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.UserFacingException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The signed-in person's own account: memberships, password, second factor, and "log out everywhere". */
@Controller
class MyAccountPage {

    private final Accounts accounts;
    private final AccountProperties properties;

    MyAccountPage(Accounts accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @GetMapping("/account")
    String show(Model model) {
        model.addAttribute("section", "account");
        model.addAttribute("me", accounts.me());
        return "account/me";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(required = false) @Nullable String current,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable String confirmation, Model model, HttpServletResponse response) {
        try {
            accounts.changeMyPassword(current, password == null ? "" : password, confirmation == null ? "" : confirmation);
            return "redirect:/account?passwordChanged";
        } catch (UserFacingException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e);
            return show(model);
        }
    }

    /** Ends every session of this person, on every device, this one included. */
    @PostMapping("/account/sessions/end")
    String endEverywhere(HttpServletRequest request) {
        accounts.endMySessions();
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?error=ended";
    }

    /**
     * Extends the page session (the warning dialog's "연장" button): any request resets the server's timer, so this
     * only answers how long the session now lasts.
     */
    @PostMapping("/session/extend")
    @ResponseBody
    ResponseEntity<Map<String, Object>> extend(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        int seconds = session == null ? 0 : session.getMaxInactiveInterval();
        return ResponseEntity.ok(Map.of("remainingSeconds", seconds,
                "warningSeconds", properties.sessionWarning().toSeconds()));
    }
}
