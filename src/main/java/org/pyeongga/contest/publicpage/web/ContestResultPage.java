package org.pyeongga.contest.publicpage.web;

import org.pyeongga.contest.PublicResults;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A published contest's results for everyone, no sign-in: winners by tier, the cases and the method. Else 404. */
@Controller
class ContestResultPage {

    private final PublicResults results;

    ContestResultPage(PublicResults results) {
        this.results = results;
    }

    @GetMapping("/contests/{contestId}")
    String result(@PathVariable long contestId, Model model) {
        model.addAttribute("result", results.result(contestId));
        return "contest/caward/public";
    }
}
