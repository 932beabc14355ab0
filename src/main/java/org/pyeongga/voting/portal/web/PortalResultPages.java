package org.pyeongga.voting.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.Tallies;
import org.pyeongga.voting.Tally;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A ballot's results with charts, only through {@link Tallies#visibleTally}: while the results are hidden the page
 * says so and carries no count at all. Bars for each option (points for Borda, first preferences and rounds for
 * instant runoff), a chart per survey question with the scale's average; the same numbers in tables.
 */
@Controller
class PortalResultPages {

    private final Ballots ballots;
    private final Tallies tallies;
    private final CurrentActor actor;
    private final MessageSource messages;

    PortalResultPages(Ballots ballots, Tallies tallies, CurrentActor actor, MessageSource messages) {
        this.ballots = ballots;
        this.tallies = tallies;
        this.actor = actor;
        this.messages = messages;
    }

    @ModelAttribute("section")
    String section() {
        return "portal";
    }

    /** One block of the results page: a heading, a chart, and optional notes (average, winner, texts). */
    record Block(String heading, @Nullable Chart chart, List<String> notes, List<String> texts) {
    }

    /** An instant-runoff round table: one row per option, one column per round (votes, or "—" once eliminated). */
    record Rounds(List<String> headings, List<List<String>> rows) {
    }

    @GetMapping("/participate/ballots/{id}/results")
    String results(@PathVariable long id, Model model, Locale locale) {
        Ballot ballot = ballots.ballot(id);
        Tally.View view = tallies.visibleTally(id, actor.current());
        Ballot.State state = ballots.state(ballot);
        model.addAttribute("ballot", ballot);
        model.addAttribute("state", state.name());
        model.addAttribute("live", state == Ballot.State.OPEN && ballot.visibility() == Ballot.Visibility.LIVE);
        model.addAttribute("hiddenReason", view.hiddenReason());
        Tally tally = view.tally();
        if (tally != null) {
            model.addAttribute("tally", tally);
            model.addAttribute("blocks", blocks(ballot, tally, locale));
            model.addAttribute("rounds", rounds(tally, locale));
        }
        return "voting/portal/results";
    }

    private List<Block> blocks(Ballot ballot, Tally tally, Locale locale) {
        List<Block> blocks = new ArrayList<>();
        String votes = text("portal.results.votes", locale);
        switch (ballot.kind()) {
            case SINGLE, MULTIPLE -> blocks.add(new Block(text("portal.results.byOption", locale),
                    chart(text("portal.results.byOption", locale), votes, tally.options(), tally.counted(), locale),
                    List.of(), List.of()));
            case RANKED -> {
                Tally.Ranked ranked = tally.ranked();
                if (ranked != null && ranked.rule() == Ballot.CountingRule.BORDA) {
                    long total = ranked.points().stream().mapToLong(Tally.Count::votes).sum();
                    blocks.add(new Block(text("portal.results.points", locale),
                            chart(text("portal.results.points", locale), text("portal.results.pointsColumn", locale),
                                    ranked.points(), total, locale), winner(ranked, tally, locale), List.of()));
                }
                blocks.add(new Block(text("portal.results.firstPreferences", locale),
                        chart(text("portal.results.firstPreferences", locale), votes, tally.options(), tally.counted(), locale),
                        ranked != null && ranked.rule() == Ballot.CountingRule.INSTANT_RUNOFF ? winner(ranked, tally, locale)
                                : List.of(), List.of()));
            }
            case SURVEY -> {
                int n = 0;
                for (Tally.QuestionTally q : tally.questions()) {
                    n++;
                    String heading = messages.getMessage("portal.survey.number", new Object[] {n}, locale) + " " + q.label(locale);
                    String answered = messages.getMessage("portal.results.answered", new Object[] {q.answered()}, locale);
                    switch (q.kind()) {
                        case SINGLE, MULTIPLE -> blocks.add(new Block(heading,
                                chart(heading, votes, q.options(), q.answered(), locale), List.of(answered), List.of()));
                        case SCALE -> {
                            List<String> labels = new ArrayList<>();
                            for (int v = Ballot.SCALE_MIN; v <= Ballot.SCALE_MAX; v++) {
                                labels.add(text("portal.survey.scale." + v, locale));
                            }
                            List<String> notes = new ArrayList<>(List.of(answered));
                            if (q.average() != null) {
                                notes.add(messages.getMessage("portal.results.average",
                                        new Object[] {String.format(Locale.ROOT, "%.2f", q.average())}, locale));
                            }
                            blocks.add(new Block(heading, Chart.of(heading, votes, labels, q.scale(), q.answered()), notes,
                                    List.of()));
                        }
                        case TEXT -> blocks.add(new Block(heading, null, List.of(answered), q.texts()));
                    }
                }
            }
        }
        return blocks;
    }

    private List<String> winner(Tally.Ranked ranked, Tally tally, Locale locale) {
        if (ranked.winnerId() == null) {
            return List.of();
        }
        return tally.options().stream().filter(c -> c.optionId() == ranked.winnerId()).findFirst()
                .map(c -> List.of(messages.getMessage("portal.results.winner", new Object[] {c.label(locale)}, locale)))
                .orElse(List.of());
    }

    private @Nullable Rounds rounds(Tally tally, Locale locale) {
        Tally.Ranked ranked = tally.ranked();
        if (ranked == null || ranked.rule() != Ballot.CountingRule.INSTANT_RUNOFF || ranked.rounds().isEmpty()) {
            return null;
        }
        List<String> headings = new ArrayList<>();
        for (Tally.Round round : ranked.rounds()) {
            headings.add(messages.getMessage("portal.results.round", new Object[] {round.number()}, locale));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Tally.Count option : tally.options()) {
            List<String> row = new ArrayList<>(List.of(option.label(locale)));
            for (Tally.Round round : ranked.rounds()) {
                row.add(round.counts().stream().filter(c -> c.optionId() == option.optionId()).findFirst()
                        .map(c -> String.format(locale, "%,d", c.votes())
                                + (round.eliminatedId() != null && round.eliminatedId() == option.optionId()
                                        ? " " + text("portal.results.eliminated", locale) : ""))
                        .orElse("—"));
            }
            rows.add(row);
        }
        List<String> exhausted = new ArrayList<>(List.of(text("portal.results.exhausted", locale)));
        ranked.rounds().forEach(r -> exhausted.add(String.format(locale, "%,d", r.exhausted())));
        rows.add(exhausted);
        return new Rounds(headings, rows);
    }

    private Chart chart(String caption, String heading, List<Tally.Count> counts, long total, Locale locale) {
        return Chart.of(caption, heading, counts.stream().map(c -> c.label(locale)).toList(),
                counts.stream().map(Tally.Count::votes).toList(), total);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
