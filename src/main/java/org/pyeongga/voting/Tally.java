package org.pyeongga.voting;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A ballot's counted result, computed asynchronously from the ballot box (never per vote): counted and voided votes,
 * votes per option (SINGLE, MULTIPLE; first preferences for RANKED), the ranked result by the declared rule (Borda
 * points, or instant-runoff rounds), and per-question results of a survey (option counts, scale distribution and
 * average, free texts — which {@link Tallies#visibleTally} shows only to the owner's managers after publication).
 */
public record Tally(long ballotId, Ballot.Kind kind, Instant computedAt, long counted, long voided, List<Count> options,
        @Nullable Ranked ranked, List<QuestionTally> questions) {

    public Tally {
        options = List.copyOf(options);
        questions = List.copyOf(questions);
    }

    public record Count(long optionId, String labelKo, String labelEn, long votes) {
        public String label(Locale locale) {
            return Ballot.pick(locale, labelKo, labelEn);
        }
    }

    /** BORDA: {@code points} per option (n−1 for a first place … 0 for the last or unranked), highest first. */
    public record Ranked(Ballot.CountingRule rule, List<Count> points, List<Round> rounds, @Nullable Long winnerId) {
        public Ranked {
            points = List.copyOf(points);
            rounds = List.copyOf(rounds);
        }
    }

    /** One instant-runoff round: each continuing option's votes, the option eliminated after it, ballots exhausted. */
    public record Round(int number, List<Count> counts, @Nullable Long eliminatedId, long exhausted) {
        public Round {
            counts = List.copyOf(counts);
        }
    }

    /** {@code scale}: how many answered 1, 2, 3, 4, 5. */
    public record QuestionTally(long questionId, Ballot.QuestionKind kind, String labelKo, String labelEn, long answered,
            List<Count> options, List<Long> scale, @Nullable Double average, List<String> texts) {
        public QuestionTally {
            options = List.copyOf(options);
            scale = List.copyOf(scale);
            texts = List.copyOf(texts);
        }

        public String label(Locale locale) {
            return Ballot.pick(locale, labelKo, labelEn);
        }

        QuestionTally withoutTexts() {
            return new QuestionTally(questionId, kind, labelKo, labelEn, answered, options, scale, average, List.of());
        }
    }

    Tally withoutTexts() {
        return new Tally(ballotId, kind, computedAt, counted, voided, options, ranked,
                questions.stream().map(QuestionTally::withoutTexts).toList());
    }

    /** The tally as a viewer may see it: the tally, or nothing with the reason (a message key). */
    public record View(@Nullable Tally tally, @Nullable String hiddenReason) {
        public boolean visible() {
            return tally != null;
        }
    }
}
