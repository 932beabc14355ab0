package org.pyeongga.voting;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A ballot or survey as its voters and owners see it: kind, bilingual texts, options (ballots) or questions (surveys),
 * period (to the second), eligibility and results visibility. Its {@link #state(Instant)} follows from the phase the
 * owner set (draft, opened, published) and the time.
 */
public record Ballot(long id, long ownerInstitutionId, Kind kind, @Nullable CountingRule countingRule, int maxChoices,
        String titleKo, String titleEn, String descriptionKo, String descriptionEn, Instant opensAt, Instant closesAt,
        Eligibility eligibility, @Nullable String regionPrefix, @Nullable Long staffInstitutionId, Visibility visibility,
        Phase phase, @Nullable Instant publishedAt, List<Option> options, List<Question> questions) {

    public Ballot {
        options = List.copyOf(options);
        questions = List.copyOf(questions);
    }

    /** SINGLE one option, MULTIPLE up to {@code maxChoices}, RANKED an order, SURVEY answers to questions. */
    public enum Kind { SINGLE, MULTIPLE, RANKED, SURVEY;
        public String labelKey() {
            return "voting.kind." + name();
        }
    }

    /** How a RANKED ballot is counted (declared before it opens). */
    public enum CountingRule { BORDA, INSTANT_RUNOFF;
        public String labelKey() {
            return "voting.rule." + name();
        }
    }

    /** Who may vote: anyone verified, residents of a region (residence-code prefix), staff of one institution. */
    public enum Eligibility { VERIFIED, REGION, STAFF;
        public String labelKey() {
            return "voting.eligibility." + name();
        }
    }

    /** Results hidden from everyone (owners included) until published, or shown while voting runs. */
    public enum Visibility { HIDDEN_UNTIL_PUBLISHED, LIVE;
        public String labelKey() {
            return "voting.visibility." + name();
        }
    }

    /** What the owner set: DRAFT (editable), OPENED (scheduled, open or closed by time), PUBLISHED. */
    public enum Phase { DRAFT, OPENED, PUBLISHED }

    /** DRAFT → SCHEDULED/OPEN/CLOSED (by time) → PUBLISHED. */
    public enum State { DRAFT, SCHEDULED, OPEN, CLOSED, PUBLISHED;
        public String labelKey() {
            return "voting.state." + name();
        }
    }

    public enum QuestionKind { SINGLE, MULTIPLE, SCALE, TEXT;
        public String labelKey() {
            return "voting.question." + name();
        }
    }

    public record Option(long id, String labelKo, String labelEn) {
        public String label(Locale locale) {
            return Ballot.pick(locale, labelKo, labelEn);
        }
    }

    /** A survey question: SINGLE/MULTIPLE (up to {@code maxChoices}) of its options, SCALE 1–5, TEXT up to {@code maxLength}. */
    public record Question(long id, QuestionKind kind, String labelKo, String labelEn, boolean required, int maxChoices,
            int maxLength, List<Option> options) {
        public Question {
            options = List.copyOf(options);
        }

        public String label(Locale locale) {
            return Ballot.pick(locale, labelKo, labelEn);
        }
    }

    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 5;

    public State state(Instant now) {
        return switch (phase) {
            case DRAFT -> State.DRAFT;
            case PUBLISHED -> State.PUBLISHED;
            case OPENED -> !accepting(now) ? (now.isBefore(opensAt) ? State.SCHEDULED : State.CLOSED) : State.OPEN;
        };
    }

    /**
     * Whether a vote received at {@code receivedAt} counts by time: from {@code opensAt} up to and including the whole
     * second of {@code closesAt} (both are whole seconds): received at 18:00:00.999 for a 18:00:00 close counts,
     * 18:00:01 does not.
     */
    public boolean accepting(Instant receivedAt) {
        Instant second = receivedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return !second.isBefore(opensAt) && !second.isAfter(closesAt);
    }

    public String title(Locale locale) {
        return pick(locale, titleKo, titleEn);
    }

    public String description(Locale locale) {
        return pick(locale, descriptionKo, descriptionEn);
    }

    public Optional<Option> option(long optionId) {
        return options.stream().filter(o -> o.id() == optionId).findFirst();
    }

    public Optional<Question> question(long questionId) {
        return questions.stream().filter(q -> q.id() == questionId).findFirst();
    }

    static String pick(@Nullable Locale locale, String ko, String en) {
        return locale != null && locale.getLanguage().equals("en") && !en.isBlank() ? en : ko;
    }
}
