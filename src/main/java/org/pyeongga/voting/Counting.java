package org.pyeongga.voting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.voting.Ballot.Option;
import org.pyeongga.voting.Ballot.Question;
import org.pyeongga.voting.Tally.Count;
import org.pyeongga.voting.Tally.QuestionTally;
import org.pyeongga.voting.Tally.Ranked;
import org.pyeongga.voting.Tally.Round;

/**
 * Counts valid ballots (pure, no database). RANKED: Borda gives n−1 points for a first place down to 0 (unranked
 * options 0); instant runoff eliminates, round by round, the continuing option with the fewest votes until one has a
 * majority of the continuing ballots — ties for last go out by fewer first preferences, then by later position on the
 * ballot; a ballot whose ranked options are all eliminated is exhausted. Free texts come out sorted, never in the
 * order the ballot box returns them.
 */
final class Counting {

    private Counting() {}

    /** A stored choice: option ids, or per question id option ids / scale / text. */
    record Stored(List<Long> options, Map<Long, Answer> answers) {}

    record Answer(List<Long> options, @Nullable Integer scale, @Nullable String text) {}

    static Tally count(Ballot ballot, List<Stored> valid, long voided, Instant at) {
        List<Count> options = List.of();
        Ranked ranked = null;
        List<QuestionTally> questions = List.of();
        if (ballot.kind() == Ballot.Kind.SURVEY) {
            questions = ballot.questions().stream().map(q -> question(q, valid)).toList();
        } else {
            Map<Long, Long> votes = new HashMap<>();
            for (Stored choice : valid) {
                List<Long> counted = ballot.kind() == Ballot.Kind.RANKED ? choice.options().subList(0, Math.min(1, choice.options().size()))
                        : choice.options();
                counted.forEach(id -> votes.merge(id, 1L, Long::sum));
            }
            options = counts(ballot.options(), votes);
            if (ballot.kind() == Ballot.Kind.RANKED) {
                List<List<Long>> rankings = valid.stream().map(Stored::options).toList();
                ranked = ballot.countingRule() == Ballot.CountingRule.BORDA ? borda(ballot.options(), rankings)
                        : instantRunoff(ballot.options(), rankings);
            }
        }
        return new Tally(ballot.id(), ballot.kind(), at, valid.size(), voided, options, ranked, questions);
    }

    static Ranked borda(List<Option> options, List<List<Long>> rankings) {
        int n = options.size();
        Map<Long, Long> points = new HashMap<>();
        for (List<Long> ranking : rankings) {
            for (int place = 0; place < ranking.size(); place++) {
                points.merge(ranking.get(place), (long) (n - 1 - place), Long::sum);
            }
        }
        List<Count> byPoints = new ArrayList<>(counts(options, points));
        byPoints.sort(Comparator.comparingLong(Count::votes).reversed()); // stable: ties keep ballot order
        Long winner = byPoints.isEmpty() || rankings.isEmpty()
                || byPoints.size() > 1 && byPoints.get(0).votes() == byPoints.get(1).votes() ? null : byPoints.getFirst().optionId();
        return new Ranked(Ballot.CountingRule.BORDA, byPoints, List.of(), winner);
    }

    static Ranked instantRunoff(List<Option> options, List<List<Long>> rankings) {
        Map<Long, Long> firsts = new HashMap<>();
        rankings.stream().filter(r -> !r.isEmpty()).forEach(r -> firsts.merge(r.getFirst(), 1L, Long::sum));
        List<Option> continuing = new ArrayList<>(options);
        List<Round> rounds = new ArrayList<>();
        Long winner = null;
        while (!continuing.isEmpty() && !rankings.isEmpty()) {
            Set<Long> live = new HashSet<>();
            continuing.forEach(o -> live.add(o.id()));
            Map<Long, Long> votes = new HashMap<>();
            long exhausted = 0;
            for (List<Long> ranking : rankings) {
                Long top = ranking.stream().filter(live::contains).findFirst().orElse(null);
                if (top == null) {
                    exhausted++;
                } else {
                    votes.merge(top, 1L, Long::sum);
                }
            }
            List<Count> counts = counts(continuing, votes);
            long active = rankings.size() - exhausted;
            Count leader = counts.stream().max(Comparator.comparingLong(Count::votes)).orElseThrow();
            if (leader.votes() * 2 > active || continuing.size() == 1) {
                rounds.add(new Round(rounds.size() + 1, counts, null, exhausted));
                winner = leader.votes() > 0 ? leader.optionId() : null;
                break;
            }
            // the fewest votes; ties: fewer first preferences, then later on the ballot
            Option out = null;
            for (int i = continuing.size() - 1; i >= 0; i--) {
                Option candidate = continuing.get(i);
                if (out == null || less(candidate, out, votes, firsts)) {
                    out = candidate;
                }
            }
            rounds.add(new Round(rounds.size() + 1, counts, out.id(), exhausted));
            continuing.remove(out);
        }
        return new Ranked(Ballot.CountingRule.INSTANT_RUNOFF, List.of(), rounds, winner);
    }

    private static boolean less(Option a, Option b, Map<Long, Long> votes, Map<Long, Long> firsts) {
        long va = votes.getOrDefault(a.id(), 0L);
        long vb = votes.getOrDefault(b.id(), 0L);
        if (va != vb) {
            return va < vb;
        }
        return firsts.getOrDefault(a.id(), 0L) < firsts.getOrDefault(b.id(), 0L);
    }

    /** What was answered to one survey question: how many answered, votes per option, scale values 1–5, texts. */
    record QuestionSums(long answered, Map<Long, Long> options, long[] scale, List<String> texts) {}

    private static QuestionTally question(Question question, List<Stored> valid) {
        Map<Long, Long> votes = new HashMap<>();
        long[] scale = new long[Ballot.SCALE_MAX - Ballot.SCALE_MIN + 1];
        List<String> texts = new ArrayList<>();
        long answered = 0;
        for (Stored choice : valid) {
            Answer answer = choice.answers().get(question.id());
            if (answer == null) {
                continue;
            }
            answered++;
            answer.options().forEach(id -> votes.merge(id, 1L, Long::sum));
            if (answer.scale() != null) {
                scale[answer.scale() - Ballot.SCALE_MIN]++;
            }
            if (answer.text() != null && !answer.text().isBlank()) {
                texts.add(answer.text());
            }
        }
        return question(question, new QuestionSums(answered, votes, scale, texts));
    }

    /** A question's result from its sums (counted in Java here, or by the database in {@link Tallies}). */
    static QuestionTally question(Question question, QuestionSums sums) {
        List<String> texts = new ArrayList<>(sums.texts());
        // sorted, never in ballot-box order: the box's physical order follows arrival across batches, and a list in
        // that order could be lined up with participation times
        texts.sort(null);
        List<Long> distribution = new ArrayList<>();
        long scaled = 0;
        long sum = 0;
        for (int i = 0; i < sums.scale().length; i++) {
            distribution.add(sums.scale()[i]);
            scaled += sums.scale()[i];
            sum += sums.scale()[i] * (i + Ballot.SCALE_MIN);
        }
        boolean isScale = question.kind() == Ballot.QuestionKind.SCALE;
        Double average = isScale && scaled > 0 ? Math.round(sum * 100.0 / scaled) / 100.0 : null;
        return new QuestionTally(question.id(), question.kind(), question.labelKo(), question.labelEn(), sums.answered(),
                counts(question.options(), sums.options()), isScale ? distribution : List.of(), average, texts);
    }

    /** A SINGLE, MULTIPLE or SURVEY tally from sums (RANKED needs every ranking: {@link #count}). */
    static Tally fromSums(Ballot ballot, long counted, long voided, Map<Long, Long> optionVotes,
            Map<Long, QuestionSums> questions, Instant at) {
        return new Tally(ballot.id(), ballot.kind(), at, counted, voided, counts(ballot.options(), optionVotes), null,
                ballot.questions().stream().map(q -> question(q, questions.getOrDefault(q.id(),
                        new QuestionSums(0, Map.of(), new long[Ballot.SCALE_MAX - Ballot.SCALE_MIN + 1], List.of())))).toList());
    }

    private static List<Count> counts(List<Option> options, Map<Long, Long> votes) {
        Map<Long, Count> byId = new LinkedHashMap<>();
        for (Option option : options) {
            byId.put(option.id(), new Count(option.id(), option.labelKo(), option.labelEn(), votes.getOrDefault(option.id(), 0L)));
        }
        return List.copyOf(byId.values());
    }
}
