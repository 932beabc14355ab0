package org.pyeongga.organization.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionRegistry;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Evaluation groups: the list, one group's members, and defining the standard 광역·시·군·구 groups as of a date. */
@Controller
class GroupPages {

    private final EvaluationGroups groups;
    private final InstitutionRegistry registry;

    GroupPages(EvaluationGroups groups, InstitutionRegistry registry) {
        this.groups = groups;
        this.registry = registry;
    }

    @ModelAttribute("section")
    String section() {
        return "groups";
    }

    @GetMapping("/groups")
    String list(Model model) {
        model.addAttribute("groups", groups.all());
        if (!model.containsAttribute("asOf")) {
            model.addAttribute("asOf", registry.today());
            model.addAttribute("prefix", "LG-" + registry.today().getYear());
        }
        return "organization/groups";
    }

    @GetMapping("/groups/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("group", groups.get(id));
        model.addAttribute("members", groups.members(id));
        return "organization/group";
    }

    @PostMapping("/groups/standard")
    String defineStandard(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable String prefix,
            Model model) {
        try {
            if (asOf == null) {
                throw UserFacingException.badInput("group.asOf.required");
            }
            groups.defineStandard(prefix == null ? "" : prefix.strip(), asOf);
            return "redirect:/groups?defined";
        } catch (UserFacingException e) {
            model.addAttribute("error", e);
            model.addAttribute("asOf", asOf);
            model.addAttribute("prefix", prefix);
            return list(model);
        }
    }
}
