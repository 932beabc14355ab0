package org.pyeongga.voting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Ballot.Question;

/**
 * What a voter chose: option ids (in order of preference for RANKED), or answers to a survey's questions by question
 * id. {@link VoteCasting} checks it against the ballot.
 */
public record Choice(List<Long> options, Map<Long, Answer> answers) {

    public Choice {
        options = List.copyOf(options);
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    public static Choice of(List<Long> options) {
        return new Choice(options, Map.of());
    }

    public static Choice ofAnswers(Map<Long, Answer> answers) {
        return new Choice(List.of(), answers);
    }

    /**
     * A choice from what a form or JSON sent: answers by question id (values as {@link Answer#parse} reads them) when
     * there are any, else option ids. An unknown question is refused (400).
     */
    public static Choice from(Ballot ballot, @Nullable List<Long> options, @Nullable Map<Long, ?> answers) {
        if (answers != null && !answers.isEmpty()) {
            Map<Long, Answer> parsed = new LinkedHashMap<>();
            answers.forEach((questionId, raw) -> parsed.put(questionId, ballot.question(questionId)
                    .map(q -> Answer.parse(q, raw))
                    .orElseThrow(() -> UserFacingException.badInput("voting.choice.unknownQuestion", questionId))));
            return ofAnswers(parsed);
        }
        return of(options == null ? List.of() : options);
    }

    /** One survey answer: option ids (SINGLE, MULTIPLE), a scale value 1–5 (SCALE) or a text (TEXT). */
    public record Answer(List<Long> options, @Nullable Integer scale, @Nullable String text) {

        public Answer {
            options = List.copyOf(options);
        }

        public static Answer option(long id) {
            return new Answer(List.of(id), null, null);
        }

        public static Answer options(List<Long> ids) {
            return new Answer(ids, null, null);
        }

        public static Answer scale(int value) {
            return new Answer(List.of(), value, null);
        }

        public static Answer text(String text) {
            return new Answer(List.of(), null, text);
        }

        /** Empty: nothing chosen, no scale value, blank text. */
        public boolean blank() {
            return options.isEmpty() && scale == null && (text == null || text.isBlank());
        }

        /**
         * An answer to {@code question} from what a form or JSON sent: a number or numeric string (an option id, or
         * the scale value), a list of them (MULTIPLE), or a text. Null or empty gives a blank answer.
         */
        public static Answer parse(Question question, @Nullable Object raw) {
            try {
                return switch (question.kind()) {
                    case TEXT -> text(raw == null ? "" : String.valueOf(raw));
                    case SCALE -> raw == null || String.valueOf(raw).isBlank() ? new Answer(List.of(), null, null)
                            : scale(Integer.parseInt(String.valueOf(raw).strip()));
                    case SINGLE, MULTIPLE -> options(ids(raw));
                };
            } catch (NumberFormatException e) {
                throw UserFacingException.badInput("voting.choice.answer", question.labelKo());
            }
        }

        private static List<Long> ids(@Nullable Object raw) {
            List<Long> ids = new ArrayList<>();
            if (raw instanceof Iterable<?> many) {
                for (Object one : many) {
                    if (one != null && !String.valueOf(one).isBlank()) {
                        ids.add(Long.parseLong(String.valueOf(one).strip()));
                    }
                }
            } else if (raw != null && !String.valueOf(raw).isBlank()) {
                ids.add(Long.parseLong(String.valueOf(raw).strip()));
            }
            return ids;
        }
    }
}
