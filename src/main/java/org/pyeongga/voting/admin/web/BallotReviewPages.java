package org.pyeongga.voting.admin.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.AbuseReport;
import org.pyeongga.voting.AbuseReports;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.Tallies;
import org.pyeongga.voting.Tally;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What owners do after voting: the abuse report (votes per minute as a chart and a table, bursts, repeated device and
 * network hashes shortened, rejected duplicates, votes from outside the region or abroad where known, participations
 * with their reference), voiding one participation with a reason after a confirmation, publishing the results after
 * the close, and the tally with charts and CSV/xlsx exports — all through {@link Tallies#visibleTally}, so nothing is
 * counted on these pages or files while the results are hidden.
 */
@Controller
class BallotReviewPages {

    /** Votes-per-minute charts fill empty minutes up to this span; longer periods show only minutes with votes. */
    static final int CONTINUOUS_MINUTES = 240;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Seoul"));

    private final Ballots ballots;
    private final AbuseReports reports;
    private final Tallies tallies;
    private final BallotAdminFacts facts;
    private final BallotAdminPermissions permissions;
    private final RegionChoices regions;
    private final MessageSource messages;

    BallotReviewPages(Ballots ballots, AbuseReports reports, Tallies tallies, BallotAdminFacts facts,
            BallotAdminPermissions permissions, RegionChoices regions, MessageSource messages) {
        this.ballots = ballots;
        this.reports = reports;
        this.tallies = tallies;
        this.facts = facts;
        this.permissions = permissions;
        this.regions = regions;
        this.messages = messages;
    }

    /** Participations per page of the abuse report. */
    static final int PAGE_SIZE = 200;

    @ModelAttribute("section")
    String section() {
        return "ballotadmin";
    }

    @GetMapping("/admin/voting/{id}/abuse")
    String abuse(@PathVariable long id, @RequestParam(required = false) @Nullable String device,
            @RequestParam(required = false) @Nullable String network, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Ballot ballot = reviewable(id);
        AbuseReport report = reports.report(id, null);
        model.addAttribute("ballot", ballot);
        model.addAttribute("state", ballots.state(ballot));
        model.addAttribute("report", report);
        model.addAttribute("chart", minuteChart(report));
        model.addAttribute("burstMinutes", report.bursts().stream().map(AbuseReport.Minute::minute).collect(Collectors.toSet()));
        model.addAttribute("region", report.regionPrefix() == null ? null : regions.label(report.regionPrefix()));
        String d = prefix(device);
        String n = prefix(network);
        model.addAttribute("device", d);
        model.addAttribute("network", n);
        // Filters by the shortened hash the page shows: the full keyed hash never reaches the browser.
        var participations = reports.participations(id, d, n, page, PAGE_SIZE);
        model.addAttribute("participations", participations.items());
        model.addAttribute("participationPage", participations);
        model.addAttribute("voidable", ballot.phase() != Ballot.Phase.PUBLISHED);
        model.addAttribute("burstMin", AbuseReports.BURST_MIN);
        model.addAttribute("repeated", AbuseReports.REPEATED);
        return "voting/admin/abuse";
    }

    @GetMapping("/admin/voting/{id}/voids/new")
    String confirmVoid(@PathVariable long id, @RequestParam String ref, Model model) {
        Ballot ballot = reviewable(id);
        return voidPage(model, ballot, participation(id, ref), "", null);
    }

    @PostMapping("/admin/voting/{id}/voids")
    String voidVote(@PathVariable long id, @RequestParam String ref, @RequestParam(defaultValue = "") String reason,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Ballot ballot = reviewable(id);
        AbuseReport.Participation participation = participation(id, ref);
        try {
            reports.voidVote(id, participation.ref(), reason);
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.status().value());
            return voidPage(model, ballot, participation, reason, e);
        }
        redirect.addFlashAttribute("notice", "ballotadmin.notice.voided");
        redirect.addFlashAttribute("noticeArg", participation.ref());
        return "redirect:/admin/voting/" + id + "/abuse";
    }

    @GetMapping("/admin/voting/{id}/publish")
    String confirmPublish(@PathVariable long id, Model model) {
        Ballot ballot = reviewable(id);
        return publishPage(model, ballot, null);
    }

    @PostMapping("/admin/voting/{id}/publish")
    String publish(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Ballot ballot = reviewable(id);
        try {
            tallies.publish(id);
        } catch (UserFacingException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.status().value());
            return publishPage(model, ballot, e);
        }
        redirect.addFlashAttribute("notice", "ballotadmin.notice.published");
        return "redirect:/admin/voting/" + id + "/results";
    }

    @GetMapping("/admin/voting/{id}/results")
    String results(@PathVariable long id, Model model, Locale locale) {
        Ballot ballot = facts.managed(id);
        Tally.View view = tallies.visibleTally(id, permissions.current());
        model.addAttribute("ballot", ballot);
        model.addAttribute("state", ballots.state(ballot));
        model.addAttribute("view", view);
        model.addAttribute("participants", facts.participants(ballot));
        if (view.tally() != null) {
            Tally tally = view.tally();
            model.addAttribute("tally", tally);
            model.addAttribute("optionBars", bars(tally.options(), locale));
            if (tally.ranked() != null) {
                model.addAttribute("pointBars", bars(tally.ranked().points(), locale));
                model.addAttribute("rounds", tally.ranked().rounds().stream().map(r -> bars(r.counts(), locale)).toList());
                model.addAttribute("names", names(ballot, locale));
            }
            model.addAttribute("questionBars", tally.questions().stream().map(q -> q.kind() == Ballot.QuestionKind.SCALE
                    ? Charts.bars(List.of("1", "2", "3", "4", "5"), q.scale()) : bars(q.options(), locale)).toList());
        }
        return "voting/admin/results";
    }

    @GetMapping("/admin/voting/{id}/results.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id, Locale locale) {
        Ballot ballot = facts.managed(id);
        return TallyFiles.download(TallyFiles.csv(table(ballot, exportable(id), locale)),
                MediaType.parseMediaType("text/csv;charset=UTF-8"), "ballot-" + id + "-results.csv");
    }

    @GetMapping("/admin/voting/{id}/results.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, Locale locale) {
        Ballot ballot = facts.managed(id);
        return TallyFiles.download(TallyFiles.xlsx(table(ballot, exportable(id), locale), ballot.title(locale)), TallyFiles.XLSX,
                "ballot-" + id + "-results.xlsx");
    }

    /** The tally an export may contain; 409 while results are hidden (an export never holds hidden counts). */
    private Tally exportable(long id) {
        Tally.View view = tallies.visibleTally(id, permissions.current());
        if (view.tally() == null) {
            throw UserFacingException.conflict("ballotadmin.export.hidden");
        }
        return view.tally();
    }

    /** Counts per option, rank points, rounds and survey answers as rows; never a voter, never free-text answers. */
    TallyFiles.Table table(Ballot ballot, Tally tally, Locale locale) {
        List<String> header = List.of(text("ballotadmin.export.section", locale), text("ballotadmin.export.item", locale),
                text("ballotadmin.export.value", locale), text("ballotadmin.export.share", locale));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(text("ballotadmin.export.summary", locale), text("ballotadmin.results.counted", locale), tally.counted(), ""));
        rows.add(List.of(text("ballotadmin.export.summary", locale), text("ballotadmin.results.voided", locale), tally.voided(), ""));
        String votes = text("ballotadmin.export.votes", locale);
        for (Charts.Bar bar : bars(tally.options(), locale)) {
            rows.add(List.of(votes, bar.label(), bar.value(), bar.sharePercent()));
        }
        if (tally.ranked() != null) {
            String points = text("ballotadmin.export.points", locale);
            for (Charts.Bar bar : bars(tally.ranked().points(), locale)) {
                rows.add(List.of(points, bar.label(), bar.value(), bar.sharePercent()));
            }
            for (Tally.Round round : tally.ranked().rounds()) {
                String name = text("ballotadmin.results.round", locale, round.number());
                for (Charts.Bar bar : bars(round.counts(), locale)) {
                    rows.add(List.of(name, bar.label(), bar.value(), bar.sharePercent()));
                }
                rows.add(List.of(name, text("ballotadmin.results.exhausted", locale), round.exhausted(), ""));
            }
        }
        for (Tally.QuestionTally q : tally.questions()) {
            String name = q.label(locale);
            if (q.kind() == Ballot.QuestionKind.SCALE) {
                for (Charts.Bar bar : Charts.bars(List.of("1", "2", "3", "4", "5"), q.scale())) {
                    rows.add(List.of(name, text("ballotadmin.results.scalePoint", locale, bar.label()), bar.value(), bar.sharePercent()));
                }
                if (q.average() != null) {
                    rows.add(List.of(name, text("ballotadmin.results.average", locale), Math.round(q.average() * 100) / 100.0, ""));
                }
            } else if (q.kind() == Ballot.QuestionKind.TEXT) {
                rows.add(List.of(name, text("ballotadmin.results.answered", locale), q.answered(), ""));
            } else {
                for (Charts.Bar bar : bars(q.options(), locale)) {
                    rows.add(List.of(name, bar.label(), bar.value(), bar.sharePercent()));
                }
            }
        }
        return new TallyFiles.Table(header, rows);
    }

    private static List<Charts.Bar> bars(List<Tally.Count> counts, Locale locale) {
        return Charts.bars(counts.stream().map(c -> c.label(locale)).toList(), counts.stream().map(Tally.Count::votes).toList());
    }

    private static Map<Long, String> names(Ballot ballot, Locale locale) {
        Map<Long, String> names = new LinkedHashMap<>();
        ballot.options().forEach(o -> names.put(o.id(), o.label(locale)));
        return names;
    }

    /** Votes per minute: empty minutes filled in for short periods, else only the minutes with votes. */
    static Charts.ColumnChart minuteChart(AbuseReport report) {
        List<AbuseReport.Minute> minutes = report.perMinute();
        Set<Instant> bursts = report.bursts().stream().map(AbuseReport.Minute::minute).collect(Collectors.toSet());
        List<AbuseReport.Minute> series = new ArrayList<>(minutes);
        if (!minutes.isEmpty()) {
            Instant first = minutes.getFirst().minute();
            Instant last = minutes.getLast().minute();
            long span = Duration.between(first, last).toMinutes();
            if (span <= CONTINUOUS_MINUTES) {
                Map<Instant, Long> byMinute = minutes.stream().collect(Collectors.toMap(AbuseReport.Minute::minute, AbuseReport.Minute::votes));
                series.clear();
                for (Instant m = first; !m.isAfter(last); m = m.plus(1, ChronoUnit.MINUTES)) {
                    series.add(new AbuseReport.Minute(m, byMinute.getOrDefault(m, 0L)));
                }
            }
        }
        return Charts.columns(series.stream().map(m -> MINUTE.format(m.minute())).toList(),
                series.stream().map(AbuseReport.Minute::votes).toList(),
                series.stream().map(m -> bursts.contains(m.minute())).toList());
    }

    /** A ballot its manager reviews: opened (a draft has nothing to review). */
    private Ballot reviewable(long id) {
        Ballot ballot = facts.managed(id);
        if (ballot.phase() == Ballot.Phase.DRAFT) {
            throw UserFacingException.conflict("ballotadmin.ballot.draft");
        }
        return ballot;
    }

    private AbuseReport.Participation participation(long id, String ref) {
        return reports.participation(id, ref).orElseThrow(() -> UserFacingException.notFound("voting.void.unknown"));
    }

    private String voidPage(Model model, Ballot ballot, AbuseReport.Participation participation, String reason,
            @Nullable UserFacingException error) {
        model.addAttribute("ballot", ballot);
        model.addAttribute("state", ballots.state(ballot));
        model.addAttribute("p", participation);
        model.addAttribute("reason", reason);
        model.addAttribute("error", error);
        return "voting/admin/void";
    }

    private String publishPage(Model model, Ballot ballot, @Nullable UserFacingException error) {
        AbuseReport report = reports.report(ballot.id(), null);
        model.addAttribute("ballot", ballot);
        model.addAttribute("state", ballots.state(ballot));
        model.addAttribute("report", report);
        model.addAttribute("burstMin", AbuseReports.BURST_MIN);
        model.addAttribute("error", error);
        return "voting/admin/publish";
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The first 8 characters of a hash the page links with (the page never shows or sends more). */
    private static @Nullable String prefix(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip().substring(0, Math.min(8, value.strip().length()));
    }
}
