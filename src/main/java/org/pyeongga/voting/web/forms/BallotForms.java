package org.pyeongga.voting.web.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballot.Question;
import org.pyeongga.voting.Choice;
import org.pyeongga.voting.Choice.Answer;

/**
 * Turns a ballot form into a {@link Choice}, checking on the server what the page also helps with in the browser (the
 * "n/N 선택" count, text limits): each problem names the field it belongs to, for the error summary's links. The
 * voting service checks everything again. Shared by the citizens' portal and the staff's paper entry, so a survey
 * answer gets the same checks and messages on both.
 */
public final class BallotForms {

    /** A problem with one field: the element id the summary links to, a message key and its arguments. */
    public record Problem(String field, String key, List<Object> args) {

        public static Problem of(String field, String key, Object... args) {
            return new Problem(field, key, List.of(args));
        }

        public Object[] argArray() {
            return args.toArray();
        }
    }

    public record Parsed(Choice choice, List<Problem> problems) {
    }

    private BallotForms() {
    }

    public static Parsed parse(Ballot ballot, Entered entered) {
        List<Problem> problems = new ArrayList<>();
        Choice choice = switch (ballot.kind()) {
            case SINGLE, MULTIPLE -> Choice.of(options(ballot, entered, problems));
            case RANKED -> Choice.of(ranking(ballot, entered, problems));
            case SURVEY -> Choice.ofAnswers(answers(ballot, entered, problems));
        };
        return new Parsed(choice, List.copyOf(problems));
    }

    private static List<Long> options(Ballot ballot, Entered entered, List<Problem> problems) {
        List<Long> ids = ids(entered.all("option"));
        int max = ballot.kind() == Ballot.Kind.SINGLE ? 1 : ballot.maxChoices();
        if (ids.isEmpty()) {
            problems.add(max == 1 ? Problem.of("option", "portal.ballot.error.chooseOne")
                    : Problem.of("option", "portal.ballot.error.chooseSome", max));
        } else if (ids.size() > max) {
            problems.add(Problem.of("option", "portal.ballot.error.tooMany", max, ids.size()));
        }
        return ids;
    }

    /** Options in order of the ranks given (1 first); ranks must be 1, 2, 3 … without gaps or repeats. */
    private static List<Long> ranking(Ballot ballot, Entered entered, List<Problem> problems) {
        TreeMap<Integer, Long> byRank = new TreeMap<>();
        for (Ballot.Option option : ballot.options()) {
            String raw = entered.value("rank_" + option.id()).strip();
            if (raw.isEmpty()) {
                continue;
            }
            int rank = number(raw);
            String field = "rank-" + option.id();
            if (rank < 1 || rank > ballot.options().size()) {
                problems.add(Problem.of(field, "portal.ballot.error.rankRange", option.labelKo(), ballot.options().size()));
            } else if (byRank.putIfAbsent(rank, option.id()) != null) {
                problems.add(Problem.of(field, "portal.ballot.error.rankTwice", rank));
            }
        }
        String first = ballot.options().isEmpty() ? "rank" : "rank-" + ballot.options().getFirst().id();
        if (byRank.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.of(first, "portal.ballot.error.rankSome"));
        } else if (problems.isEmpty() && byRank.lastKey() != byRank.size()) {
            problems.add(Problem.of(first, "portal.ballot.error.rankGap", byRank.size()));
        }
        return List.copyOf(byRank.values());
    }

    private static Map<Long, Answer> answers(Ballot ballot, Entered entered, List<Problem> problems) {
        Map<Long, Answer> answers = new LinkedHashMap<>();
        int n = 0;
        for (Question q : ballot.questions()) {
            n++;
            String name = "q_" + q.id();
            String field = "q-" + q.id();
            List<String> raw = entered.all(name);
            Answer answer = switch (q.kind()) {
                case TEXT -> Answer.text(entered.value(name));
                case SCALE -> entered.value(name).isBlank() ? new Answer(List.of(), null, null)
                        : Answer.scale(number(entered.value(name)));
                case SINGLE, MULTIPLE -> Answer.options(ids(raw));
            };
            if (answer.blank()) {
                if (q.required()) {
                    problems.add(Problem.of(field, "portal.survey.error.required", n));
                }
                continue;
            }
            switch (q.kind()) {
                case TEXT -> {
                    int length = answer.text().codePointCount(0, answer.text().length());
                    if (length > q.maxLength()) {
                        problems.add(Problem.of(field, "portal.survey.error.tooLong", n, q.maxLength(), length));
                    }
                }
                case SCALE -> {
                    if (answer.scale() < Ballot.SCALE_MIN || answer.scale() > Ballot.SCALE_MAX) {
                        problems.add(Problem.of(field, "portal.survey.error.scale", n, Ballot.SCALE_MIN, Ballot.SCALE_MAX));
                    }
                }
                case SINGLE -> {
                    if (answer.options().size() > 1) {
                        problems.add(Problem.of(field, "portal.survey.error.tooMany", n, 1));
                    }
                }
                case MULTIPLE -> {
                    if (answer.options().size() > q.maxChoices()) {
                        problems.add(Problem.of(field, "portal.survey.error.tooMany", n, q.maxChoices()));
                    }
                }
            }
            answers.put(q.id(), answer);
        }
        return answers;
    }

    private static List<Long> ids(List<String> raw) {
        List<Long> ids = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (String value : raw) {
            if (!value.isBlank()) {
                long id = id(value);
                if (seen.add(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static int number(String raw) {
        long n = id(raw);
        return n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? -1 : (int) n;
    }

    private static long id(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw UserFacingException.badInput("portal.ballot.error.form");
        }
    }
}
