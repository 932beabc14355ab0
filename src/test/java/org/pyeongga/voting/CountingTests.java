package org.pyeongga.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pyeongga.voting.Ballot.Option;
import org.pyeongga.voting.Tally.Count;
import org.pyeongga.voting.Tally.Ranked;
import org.pyeongga.voting.Tally.Round;

/**
 * Counting rules on small known examples: the Tennessee capital election (Borda elects Nashville, instant runoff
 * Knoxville), ties for last place in a runoff, exhausted ballots, single/multiple counts and survey results.
 */
class CountingTests {

    static final Option MEMPHIS = new Option(1, "멤피스", "Memphis");
    static final Option NASHVILLE = new Option(2, "내슈빌", "Nashville");
    static final Option CHATTANOOGA = new Option(3, "채터누가", "Chattanooga");
    static final Option KNOXVILLE = new Option(4, "녹스빌", "Knoxville");
    static final List<Option> CITIES = List.of(MEMPHIS, NASHVILLE, CHATTANOOGA, KNOXVILLE);

    static List<List<Long>> tennessee() {
        List<List<Long>> rankings = new ArrayList<>();
        rankings.addAll(Collections.nCopies(42, List.of(1L, 2L, 3L, 4L)));
        rankings.addAll(Collections.nCopies(26, List.of(2L, 3L, 4L, 1L)));
        rankings.addAll(Collections.nCopies(15, List.of(3L, 4L, 2L, 1L)));
        rankings.addAll(Collections.nCopies(17, List.of(4L, 3L, 2L, 1L)));
        return rankings;
    }

    static Map<Long, Long> votes(List<Count> counts) {
        Map<Long, Long> byId = new java.util.LinkedHashMap<>();
        counts.forEach(c -> byId.put(c.optionId(), c.votes()));
        return byId;
    }

    @Test
    void bordaOnTheTennesseeExampleElectsNashville() {
        Ranked borda = Counting.borda(CITIES, tennessee());
        assertThat(votes(borda.points())).containsExactly(Map.entry(2L, 194L), Map.entry(3L, 173L), Map.entry(1L, 126L),
                Map.entry(4L, 107L));
        assertThat(borda.winnerId()).isEqualTo(2L);
    }

    @Test
    void instantRunoffOnTheTennesseeExampleElectsKnoxvilleInThreeRounds() {
        Ranked irv = Counting.instantRunoff(CITIES, tennessee());
        List<Round> rounds = irv.rounds();
        assertThat(rounds).hasSize(3);
        assertThat(votes(rounds.get(0).counts())).containsExactly(Map.entry(1L, 42L), Map.entry(2L, 26L), Map.entry(3L, 15L),
                Map.entry(4L, 17L));
        assertThat(rounds.get(0).eliminatedId()).isEqualTo(3L);
        assertThat(votes(rounds.get(1).counts())).containsExactly(Map.entry(1L, 42L), Map.entry(2L, 26L), Map.entry(4L, 32L));
        assertThat(rounds.get(1).eliminatedId()).isEqualTo(2L);
        assertThat(votes(rounds.get(2).counts())).containsExactly(Map.entry(1L, 42L), Map.entry(4L, 58L));
        assertThat(rounds.get(2).eliminatedId()).isNull();
        assertThat(irv.winnerId()).isEqualTo(4L);
    }

    @Test
    void runoffTiesGoByFirstPreferencesThenByLaterPositionAndPartialRankingsExhaust() {
        List<Option> abc = List.of(new Option(10, "가", "A"), new Option(20, "나", "B"), new Option(30, "다", "C"));
        // B and C tie with 2 each in round 1 and in first preferences: C (later on the ballot) goes out first
        List<List<Long>> rankings = List.of(List.of(10L), List.of(10L), List.of(10L), List.of(20L, 10L), List.of(20L),
                List.of(30L), List.of(30L, 20L));
        Ranked irv = Counting.instantRunoff(abc, rankings);
        assertThat(irv.rounds().get(0).eliminatedId()).isEqualTo(30L);
        assertThat(votes(irv.rounds().get(1).counts())).containsExactly(Map.entry(10L, 3L), Map.entry(20L, 3L));
        assertThat(irv.rounds().get(1).exhausted()).isEqualTo(1); // the plain "C" ballot
        // A and B tie on 3 in round 2; first preferences 3 vs 2: B goes out, A wins with all continuing ballots
        assertThat(irv.rounds().get(1).eliminatedId()).isEqualTo(20L);
        assertThat(irv.rounds().get(2).exhausted()).isEqualTo(3);
        assertThat(irv.winnerId()).isEqualTo(10L);

        Ranked tie = Counting.borda(abc, List.of(List.of(10L, 20L), List.of(20L, 10L)));
        assertThat(tie.winnerId()).isNull(); // a tie for first is no winner
    }

    @Test
    void singleMultipleAndSurveyCounts() {
        Ballot multiple = new Ballot(1, 1, Ballot.Kind.MULTIPLE, null, 2, "t", "t", "", "", Instant.EPOCH,
                Instant.EPOCH.plusSeconds(1), Ballot.Eligibility.VERIFIED, null, null, Ballot.Visibility.LIVE,
                Ballot.Phase.OPENED, null, CITIES, List.of());
        Tally tally = Counting.count(multiple, List.of(new Counting.Stored(List.of(1L, 2L), Map.of()),
                new Counting.Stored(List.of(2L), Map.of())), 1, Instant.EPOCH);
        assertThat(tally.counted()).isEqualTo(2);
        assertThat(tally.voided()).isEqualTo(1);
        assertThat(votes(tally.options())).containsExactly(Map.entry(1L, 1L), Map.entry(2L, 2L), Map.entry(3L, 0L),
                Map.entry(4L, 0L));

        var scale = new Ballot.Question(7, Ballot.QuestionKind.SCALE, "만족", "Satisfied", true, 1, 0, List.of());
        var text = new Ballot.Question(8, Ballot.QuestionKind.TEXT, "의견", "Comment", false, 1, 100, List.of());
        Ballot survey = new Ballot(2, 1, Ballot.Kind.SURVEY, null, 1, "s", "s", "", "", Instant.EPOCH,
                Instant.EPOCH.plusSeconds(1), Ballot.Eligibility.VERIFIED, null, null, Ballot.Visibility.LIVE,
                Ballot.Phase.OPENED, null, List.of(), List.of(scale, text));
        Tally answers = Counting.count(survey, List.of(
                new Counting.Stored(List.of(), Map.of(7L, new Counting.Answer(List.of(), 5, null), 8L,
                        new Counting.Answer(List.of(), null, "좋아요"))),
                new Counting.Stored(List.of(), Map.of(7L, new Counting.Answer(List.of(), 2, null)))), 0, Instant.EPOCH);
        var s = answers.questions().get(0);
        assertThat(s.scale()).containsExactly(0L, 1L, 0L, 0L, 1L);
        assertThat(s.average()).isEqualTo(3.5);
        assertThat(answers.questions().get(1).texts()).containsExactly("좋아요");
        assertThat(answers.questions().get(1).answered()).isEqualTo(1);
    }
}
