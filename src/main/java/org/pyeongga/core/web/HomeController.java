package org.pyeongga.core.web;

import java.util.List;
import org.pyeongga.core.HomeContribution;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page. Modules fill in their parts through {@link HomeContribution}; the page only links to them. */
@Controller
class HomeController {

    private final List<HomeContribution> contributions;

    HomeController(List<HomeContribution> contributions) {
        this.contributions = contributions;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("section", "home");
        contributions.forEach(c -> model.addAllAttributes(c.homeAttributes()));
        return "home";
    }
}
