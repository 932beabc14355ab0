package org.pyeongga.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.SignIns;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.account.OidcProviders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page (the form posts to Spring Security's /login) and the second step for administrators. With
 * institutions' OpenID Providers configured it also offers one link per provider to
 * {@code /oauth2/authorization/{registrationId}} (a GET, so the CSP's {@code form-action 'self'} does not apply).
 */
@Controller
class LoginPage {

    private final SignIns signIns;
    private final OidcProviders oidc;

    LoginPage(SignIns signIns, OidcProviders oidc) {
        this.signIns = signIns;
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String error, Model model) {
        model.addAttribute("section", "login");
        model.addAttribute("ssoProviders", oidc.all());
        if (error != null) {
            model.addAttribute("errorKey", switch (error) {
                case "locked" -> "login.error.locked";
                case "disabled" -> "login.error.disabled";
                case "ended" -> "login.error.ended";
                case "timeout" -> "login.error.timeout";
                case "otp" -> "login.otp.expired";
                case "sso" -> "login.error.sso";
                case "sso-unverified" -> "login.error.ssoUnverified";
                case "sso-unknown" -> "login.error.ssoUnknown";
                default -> "login.error.bad";
            });
        }
        return "account/login";
    }

    @GetMapping("/login/otp")
    String secondStep(HttpServletRequest request, Model model) {
        var step = signIns.secondStep(request);
        if (step.isEmpty()) {
            return "redirect:/login?error=otp";
        }
        model.addAttribute("section", "login");
        model.addAttribute("step", step.get());
        return "account/otp";
    }

    @PostMapping("/login/otp")
    @Nullable String submit(@RequestParam(required = false) @Nullable String code, HttpServletRequest request,
            HttpServletResponse response, Model model) throws IOException {
        try {
            signIns.submitCode(code == null ? "" : code, request, response);
            return null; // redirected
        } catch (UserFacingException e) {
            var step = signIns.secondStep(request);
            if (step.isEmpty()) {
                return "redirect:/login?error=" + ("login.error.locked".equals(e.messageKey()) ? "locked" : "otp");
            }
            response.setStatus(e.status().value());
            model.addAttribute("section", "login");
            model.addAttribute("step", step.get());
            model.addAttribute("error", e);
            return "account/otp";
        }
    }

    @PostMapping("/login/otp/cancel")
    String cancel(HttpServletRequest request) {
        signIns.cancel(request);
        return "redirect:/login";
    }
}
