package org.pyeongga.voting.portal.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.IdentityVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal's home and the identity check (본인확인) that lets a citizen vote for the next 30 minutes. */
@Controller
class PortalPages {

    private final ObjectProvider<IdentityVerifier> verifiers;

    PortalPages(ObjectProvider<IdentityVerifier> verifiers) {
        this.verifiers = verifiers;
    }

    @ModelAttribute("section")
    String section() {
        return "portal";
    }

    @GetMapping("/participate")
    String home() {
        return "voting/portal/home";
    }

    @GetMapping("/participate/verify")
    String verify(@RequestParam(required = false) @Nullable String next, Model model, Locale locale) {
        verifyModel(model, next, locale);
        return "voting/portal/verify";
    }

    void verifyModel(Model model, @Nullable String next, Locale locale) {
        IdentityVerifier verifier = verifiers.getIfUnique();
        model.addAttribute("next", safeNext(next));
        model.addAttribute("verifier", verifier == null ? null : verifier.provider());
        model.addAttribute("developmentVerifier", verifier != null && verifier.developmentOnly());
        model.addAttribute("residences", Residences.DEVELOPMENT_CHOICES.stream()
                .map(r -> new Choice(r.code(), r.name(locale))).toList());
    }

    record Choice(String value, String label) {
    }

    /** Only a portal address may follow the identity check (no open redirect to another site or another area). */
    static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith("/participate") || next.startsWith("//") || next.contains("\\")
                || next.contains("\r") || next.contains("\n") || next.startsWith("/participate/verify")) {
            return "/participate";
        }
        return next;
    }
}
