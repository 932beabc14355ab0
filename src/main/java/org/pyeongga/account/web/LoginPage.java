package org.pyeongga.account.web;

import org.jspecify.annotations.Nullable;
import org.pyeongga.account.OidcProviders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; the form posts to Spring Security's /login. With institutions' OpenID Providers configured it also
 * offers one link per provider to {@code /oauth2/authorization/{registrationId}} (a GET, so the CSP's
 * {@code form-action 'self'} does not apply).
 */
@Controller
class LoginPage {

    private final OidcProviders oidc;

    LoginPage(OidcProviders oidc) {
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
                case "sso" -> "login.error.sso";
                case "sso-unverified" -> "login.error.ssoUnverified";
                case "sso-unknown" -> "login.error.ssoUnknown";
                default -> "login.error.bad";
            });
        }
        return "account/login";
    }
}
