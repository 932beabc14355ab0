package org.pyeongga.contest.award.web;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.ContestStatistics;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The owner's statistics of decided selections: per half-year, the substantial share and incentives by kind. */
@Controller
class StatisticsPage {

    private static final Set<Role> ROLES = Set.of(Role.INSTITUTION_COORDINATOR, Role.COMMITTEE_MEMBER, Role.HR_OFFICER);

    private final ContestStatistics statistics;
    private final CurrentActor actors;

    StatisticsPage(ContestStatistics statistics, CurrentActor actors) {
        this.statistics = statistics;
        this.actors = actors;
    }

    @GetMapping("/admin/contests/statistics")
    String statistics(@RequestParam(required = false) @Nullable Long institution,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, Model model) {
        Set<Long> mine = new LinkedHashSet<>();
        for (Membership m : actors.current().memberships()) {
            if (m.institutionId() != null && ROLES.contains(m.role())) {
                mine.add(m.institutionId());
            }
        }
        Long chosen = institution != null ? institution : mine.stream().findFirst().orElse(null);
        if (chosen == null) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        LocalDate end = to != null ? to : LocalDate.now();
        LocalDate start = from != null ? from : LocalDate.of(end.getYear() - 2, 1, 1);
        model.addAttribute("stats", statistics.forInstitution(chosen, start, end));
        model.addAttribute("institutions", List.copyOf(mine));
        model.addAttribute("section", "contestaward");
        return "contest/caward/statistics";
    }
}
