package org.pyeongga.voting.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.pyeongga.voting.VoteCasting;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** "내 투표 확인": a receipt code says whether the vote was counted or voided, and on which ballot — never the choice. */
@Controller
class PortalReceiptPages {

    private final VoteCasting casting;

    PortalReceiptPages(VoteCasting casting) {
        this.casting = casting;
    }

    @ModelAttribute("section")
    String section() {
        return "portal";
    }

    @GetMapping("/participate/receipts")
    String check(@RequestParam(required = false) @Nullable String code, Model model, HttpServletResponse response) {
        String entered = code == null ? null : code.strip();
        model.addAttribute("code", entered == null || entered.isEmpty() ? null : entered);
        if (entered != null && !entered.isEmpty()) {
            var check = casting.check(entered);
            model.addAttribute("check", check.orElse(null));
            if (check.isEmpty()) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
            }
        }
        return "voting/portal/receipts";
    }
}
