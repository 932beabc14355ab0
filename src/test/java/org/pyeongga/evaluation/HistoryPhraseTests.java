package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The history phrase rules: streaks, first awards and grade moves, from grades alone. */
class HistoryPhraseTests {

    static final List<String> ORDER = List.of("최우수", "우수", "보통");
    static final Set<String> AWARDS = Set.of("최우수", "우수");
    static final List<String> LETTERS = List.of("가", "나", "다", "라", "마");

    /** Yearly entries from 2021 on, one per grade (null = not evaluated that year). */
    static List<HistoryPhrases.Entry> years(@Nullable String... grades) {
        List<HistoryPhrases.Entry> entries = new ArrayList<>();
        for (int i = 0; i < grades.length; i++) {
            entries.add(new HistoryPhrases.Entry(2021 + i, null, grades[i], ORDER, AWARDS));
        }
        return entries;
    }

    static List<String> korean(List<HistoryPhrases.Entry> history) {
        return HistoryPhrases.of(history).stream().map(HistoryPhrase::korean).toList();
    }

    static List<String> english(List<HistoryPhrases.Entry> history) {
        return HistoryPhrases.of(history).stream().map(HistoryPhrase::english).toList();
    }

    @Test
    void consecutiveAwardsMakeAStreakNamedByItsLowestGrade() {
        assertThat(korean(years("우수", "우수"))).containsExactly("2년 연속 우수");
        assertThat(korean(years("보통", "우수", "우수", "우수"))).containsExactly("3년 연속 우수");
        assertThat(korean(years("최우수", "최우수"))).containsExactly("2년 연속 최우수");
        assertThat(korean(years("우수", "최우수"))).containsExactly("2년 연속 우수", "한 단계 상승");
        assertThat(korean(years("최우수", "우수"))).containsExactly("2년 연속 우수", "한 단계 하락");
        assertThat(english(years("우수", "우수", "우수"))).containsExactly("우수 3 years in a row");
    }

    @Test
    void aStreakBreaksAtAYearWithoutAnAwardOrWithoutAnEvaluation() {
        assertThat(korean(years("우수", "보통", "우수"))).containsExactly("한 단계 상승");
        assertThat(korean(years("우수", null, "우수"))).isEmpty();
        var gap = List.of(new HistoryPhrases.Entry(2020, null, "우수", ORDER, AWARDS),
                new HistoryPhrases.Entry(2022, null, "우수", ORDER, AWARDS));
        assertThat(korean(gap)).as("2021 was not published: not consecutive").isEmpty();
    }

    @Test
    void aFirstAwardAfterEarlierCyclesWithoutOne() {
        assertThat(korean(years("보통", "우수"))).containsExactly("첫 우수", "한 단계 상승");
        assertThat(korean(years("보통", "보통", "최우수"))).containsExactly("첫 최우수", "두 단계 상승");
        assertThat(english(years("보통", "최우수"))).containsExactly("First 최우수", "Up two grades");
        assertThat(korean(years("우수"))).as("nothing to compare with").isEmpty();
        assertThat(korean(years(null, "우수"))).as("not evaluated before: no first award claimed").isEmpty();
    }

    @Test
    void gradeMovesAreCountedInTheRulesOrder() {
        assertThat(korean(years("우수", "보통"))).containsExactly("한 단계 하락");
        assertThat(korean(years("최우수", "보통"))).containsExactly("두 단계 하락");
        assertThat(english(years("최우수", "보통"))).containsExactly("Down two grades");
        assertThat(korean(years("보통", "보통"))).isEmpty();
        List<HistoryPhrases.Entry> letters = List.of(new HistoryPhrases.Entry(2023, null, "마", LETTERS, Set.of("가")),
                new HistoryPhrases.Entry(2024, null, "나", LETTERS, Set.of("가")));
        assertThat(korean(letters)).containsExactly("세 단계 상승");
        assertThat(korean(List.of(letters.get(1), new HistoryPhrases.Entry(2025, null, "마", LETTERS, Set.of("가")))))
                .containsExactly("세 단계 하락");
    }

    @Test
    void halfYearlyCyclesCountTimesNotYears() {
        var halves = List.of(new HistoryPhrases.Entry(2023, 2, "우수", ORDER, AWARDS),
                new HistoryPhrases.Entry(2024, 1, "우수", ORDER, AWARDS), new HistoryPhrases.Entry(2024, 2, "우수", ORDER, AWARDS));
        assertThat(korean(halves)).containsExactly("3회 연속 우수");
        assertThat(english(halves)).containsExactly("우수 3 times in a row");
        assertThat(korean(List.of(halves.get(0), halves.get(2)))).as("2024 상반기 missing").isEmpty();
    }

    @Test
    void noGradeNoPhrase() {
        assertThat(korean(years("우수", null))).isEmpty();
        assertThat(korean(List.of())).isEmpty();
    }

    @Test
    void theGradeOrderAndTheAwardsComeFromTheRule() {
        var layered = GradeRuleSpec.layers(List.of(
                GradeRuleSpec.quotas(Map.of("광역", 1), "최우수", null, true),
                GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("우수", new BigDecimal("0.3")),
                        new GradeRuleSpec.Band("보통", BigDecimal.ONE)), RoundingMode.FLOOR, true, false)));
        assertThat(HistoryPhrases.order(layered)).containsExactly("최우수", "우수", "보통");
        assertThat(HistoryPhrases.awards(layered)).containsExactlyInAnyOrder("최우수", "우수");
        var bands = GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("가", new BigDecimal("0.1")),
                new GradeRuleSpec.Band("나", new BigDecimal("0.3")), new GradeRuleSpec.Band("다", new BigDecimal("0.7")),
                new GradeRuleSpec.Band("라", new BigDecimal("0.9")), new GradeRuleSpec.Band("마", BigDecimal.ONE)),
                RoundingMode.HALF_UP, true, true);
        assertThat(HistoryPhrases.order(bands)).containsExactly("가", "나", "다", "라", "마");
        assertThat(HistoryPhrases.awards(bands)).containsExactly("가");
        assertThat(HistoryPhrases.order(GradeRuleSpec.quotas(Map.of("시", 2), "우수", null, true))).containsExactly("우수");
    }
}
