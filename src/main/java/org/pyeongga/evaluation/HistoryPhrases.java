package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * History across cycles, computed from an institution's grades in the published cycles of one program (never typed):
 * "N년 연속 우수" (a run of award grades in consecutive cycles, named by the lowest grade in the run), "첫 우수" (an
 * award grade for the first time after earlier graded cycles without one), and "한 단계 상승" / "두 단계 하락" (how many places
 * the grade moved since the directly preceding cycle, in the order of the program's grade rule).
 */
public final class HistoryPhrases {

    private static final String[] KOREAN_STEPS = {"", "한", "두", "세", "네"};
    private static final String[] ENGLISH_STEPS = {"", "one grade", "two grades", "three grades", "four grades"};

    private HistoryPhrases() {}

    /**
     * One published cycle in an institution's history.
     *
     * @param half 1 or 2 for half-yearly cycles, null for yearly ones
     * @param grade the institution's grade, null when it was not evaluated (or got none)
     * @param order the cycle's grade labels, best first
     * @param awards the labels that count as an award (우수 or better)
     */
    public record Entry(int evaluationYear, @Nullable Integer half, @Nullable String grade, List<String> order,
            Set<String> awards) {

        public Entry {
            order = List.copyOf(order);
            awards = Set.copyOf(awards);
        }

        boolean award() {
            return grade != null && awards.contains(grade);
        }

        /** Does {@code next} directly follow this cycle (next year, or the next half)? */
        boolean followedBy(Entry next) {
            if (half == null || next.half == null) {
                return half == null && next.half == null && next.evaluationYear == evaluationYear + 1;
            }
            return half == 1 ? next.evaluationYear == evaluationYear && next.half == 2
                    : next.evaluationYear == evaluationYear + 1 && next.half == 1;
        }
    }

    /** The phrases for the last entry of {@code history} (oldest first), in a fixed order: streak or first, then movement. */
    public static List<HistoryPhrase> of(List<Entry> history) {
        List<HistoryPhrase> phrases = new ArrayList<>();
        if (history.isEmpty() || history.getLast().grade() == null) {
            return phrases;
        }
        Entry current = history.getLast();
        boolean halves = current.half() != null;
        int streak = 0;
        for (int i = history.size() - 1; i >= 0 && history.get(i).award(); i--) {
            streak++;
            if (i == 0 || !history.get(i - 1).followedBy(history.get(i))) {
                break;
            }
        }
        if (streak >= 2) {
            String label = history.subList(history.size() - streak, history.size()).stream().map(Entry::grade)
                    .max(Comparator.comparingInt(g -> rank(current.order(), g))).orElseThrow();
            phrases.add(new HistoryPhrase("STREAK", streak + (halves ? "회" : "년") + " 연속 " + label,
                    label + " " + streak + (halves ? " times" : " years") + " in a row"));
        } else if (current.award() && history.subList(0, history.size() - 1).stream().anyMatch(e -> e.grade() != null)
                && history.subList(0, history.size() - 1).stream().noneMatch(Entry::award)) {
            phrases.add(new HistoryPhrase("FIRST", "첫 " + current.grade(), "First " + current.grade()));
        }
        if (history.size() > 1) {
            Entry previous = history.get(history.size() - 2);
            int before = previous.grade() == null ? -1 : current.order().indexOf(previous.grade());
            int now = current.order().indexOf(current.grade());
            if (previous.followedBy(current) && before >= 0 && now >= 0 && before != now) {
                int steps = Math.abs(before - now);
                boolean up = now < before;
                String korean = (steps < KOREAN_STEPS.length ? KOREAN_STEPS[steps] : String.valueOf(steps)) + " 단계 "
                        + (up ? "상승" : "하락");
                String english = (up ? "Up " : "Down ") + (steps < ENGLISH_STEPS.length ? ENGLISH_STEPS[steps] : steps + " grades");
                phrases.add(new HistoryPhrase(up ? "UP" : "DOWN", korean, english));
            }
        }
        return phrases;
    }

    private static int rank(List<String> order, @Nullable String grade) {
        int i = order.indexOf(grade);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** A grade rule's labels, best first: layers in order, bands in order, a quota's winners before the others. */
    public static List<String> order(GradeRuleSpec rule) {
        Set<String> labels = new LinkedHashSet<>();
        collect(rule, labels);
        return List.copyOf(labels);
    }

    /** The labels that count as an award: the best label of each layer (최우수 and 우수; 가 of 가–마). */
    public static Set<String> awards(GradeRuleSpec rule) {
        Set<String> awards = new LinkedHashSet<>();
        if (rule.kind().equals("LAYERS")) {
            rule.layers().forEach(l -> order(l).stream().findFirst().ifPresent(awards::add));
        } else {
            order(rule).stream().findFirst().ifPresent(awards::add);
        }
        return awards;
    }

    private static void collect(GradeRuleSpec rule, Set<String> labels) {
        switch (rule.kind()) {
            case "BANDS" -> rule.bands().forEach(b -> labels.add(b.label()));
            case "QUOTAS" -> {
                labels.add(rule.winner() == null ? "선정" : rule.winner());
                if (rule.others() != null) {
                    labels.add(rule.others());
                }
            }
            case "CUTOFFS" -> {
                rule.cuts().stream().sorted(Comparator.comparing(GradeRuleSpec.Cut::minimum, Comparator.<BigDecimal>reverseOrder()))
                        .forEach(c -> labels.add(c.label()));
                labels.add(rule.below() == null ? "-" : rule.below());
            }
            case "LAYERS" -> rule.layers().forEach(l -> collect(l, labels));
            default -> { }
        }
    }
}
