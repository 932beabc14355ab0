package org.pyeongga.voting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pyeongga.core.Actor;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Ballot.Phase;
import org.pyeongga.voting.Ballot.State;
import org.pyeongga.voting.VotingEvents.VotingBallotChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tallies: computed from the ballot box by a scheduled job (ballots open now, and ballots closed since their last
 * tally), on publication and after a void — never per vote — and stored in {@code voting_tally}.
 * {@link #visibleTally} is the one gate every page, export and API uses: a ballot whose results are hidden until
 * published shows nothing, with the reason, to everyone (its owners included) until it is published.
 */
@Service
public class Tallies {

    private static final Logger log = LoggerFactory.getLogger(Tallies.class);

    private final Ballots ballots;
    private final VotingPermissions permissions;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Tallies(Ballots ballots, VotingPermissions permissions, JdbcClient jdbc, JsonMapper json,
            ApplicationEventPublisher events, Clock clock) {
        this.ballots = ballots;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The tally {@code viewer} may see: hidden (with the reason {@code voting.tally.hidden}) while the ballot's
     * results are hidden until published and it is not published — for everyone; free-text answers only for the
     * owner's managers after publication. A draft is unknown (404) to all but its managers.
     */
    public Tally.View visibleTally(long ballotId, Actor viewer) {
        Ballot ballot = ballots.find(ballotId).orElseThrow(() -> UserFacingException.notFound("voting.ballot.notFound"));
        boolean manager = permissions.canManage(viewer, ballot.ownerInstitutionId());
        if (ballot.phase() == Phase.DRAFT) {
            if (!manager) {
                throw UserFacingException.notFound("voting.ballot.notFound");
            }
            return new Tally.View(null, "voting.tally.draft");
        }
        if (ballot.visibility() == Ballot.Visibility.HIDDEN_UNTIL_PUBLISHED && ballot.phase() != Phase.PUBLISHED) {
            return new Tally.View(null, "voting.tally.hidden");
        }
        Tally tally = stored(ballotId).orElseGet(() -> count(ballotId));
        return new Tally.View(manager && ballot.phase() == Phase.PUBLISHED ? tally : tally.withoutTexts(), null);
    }

    /** Publishes the results of a closed ballot (its managers only; after the close, once). */
    @Transactional
    public Tally publish(long ballotId) {
        Ballot ballot = ballots.managed(ballotId);
        State state = ballot.state(clock.instant());
        if (state == State.PUBLISHED) {
            throw UserFacingException.conflict("voting.publish.already");
        }
        if (state != State.CLOSED) {
            throw UserFacingException.conflict("voting.publish.notClosed");
        }
        Tally tally = count(ballotId);
        ballots.markPublished(ballotId, clock.instant());
        events.publishEvent(new VotingBallotChanged(ballotId, ballot.ownerInstitutionId(), "PUBLISHED"));
        return tally;
    }

    /**
     * Counts the ballot box of a ballot now and stores the tally. Answers nothing: what anyone may see of it goes
     * through {@link #visibleTally}.
     */
    public void recount(long ballotId) {
        count(ballotId);
    }

    /** Counts and stores; the tally itself (no gate: for this package only). */
    Tally count(long ballotId) {
        Ballot ballot = ballots.find(ballotId).orElseThrow(() -> UserFacingException.notFound("voting.ballot.notFound"));
        Instant at = clock.instant();
        Tally tally = ballot.kind() == Ballot.Kind.RANKED ? countInJava(ballot, at) : sum(ballot, at);
        jdbc.sql("""
                insert into voting_tally (ballot_id, computed_at, counted, voided, result) values (:b, :at, :c, :v, :r::jsonb)
                on conflict (ballot_id) do update set computed_at = excluded.computed_at, counted = excluded.counted,
                    voided = excluded.voided, result = excluded.result
                """).param("b", ballotId).param("at", Timestamp.from(at)).param("c", tally.counted())
                .param("v", tally.voided()).param("r", json.writeValueAsString(tally)).update();
        return tally;
    }

    /**
     * RANKED: every ranking is needed (instant runoff), so the choices are read and counted here (any kind can be;
     * tests compare this with the database's sums).
     */
    Tally countInJava(Ballot ballot, Instant at) {
        List<Counting.Stored> valid = new ArrayList<>();
        long[] voided = {0};
        jdbc.sql("select choice::text, voided from voting_ballot_box where ballot_id = :b").param("b", ballot.id()).query(rs -> {
            if (rs.getBoolean(2)) {
                voided[0]++;
            } else {
                valid.add(parse(rs.getString(1)));
            }
        });
        return Counting.count(ballot, valid, voided[0], at);
    }

    /** SINGLE, MULTIPLE, SURVEY: the database sums (no choice leaves it but free texts), cheap at any size. */
    private Tally sum(Ballot ballot, Instant at) {
        long b = ballot.id();
        long[] totals = jdbc.sql("""
                select count(*) filter (where not voided), count(*) filter (where voided) from voting_ballot_box where ballot_id = :b
                """).param("b", b).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        Map<Long, Long> options = new LinkedHashMap<>();
        if (ballot.kind() != Ballot.Kind.SURVEY) {
            jdbc.sql("""
                    select o::bigint, count(*) from voting_ballot_box, jsonb_array_elements_text(choice -> 'o') o
                    where ballot_id = :b and not voided group by 1""").param("b", b)
                    .query(rs -> {
                        options.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        Map<Long, Counting.QuestionSums> questions = new LinkedHashMap<>();
        for (Ballot.Question question : ballot.questions()) {
            String q = String.valueOf(question.id());
            long answered = jdbc.sql("""
                    select count(*) from voting_ballot_box where ballot_id = :b and not voided and choice -> 'a' -> :q is not null""")
                    .param("b", b).param("q", q).query(Long.class).single();
            Map<Long, Long> votes = new LinkedHashMap<>();
            long[] scale = new long[Ballot.SCALE_MAX - Ballot.SCALE_MIN + 1];
            List<String> texts = new ArrayList<>();
            switch (question.kind()) {
                case SINGLE, MULTIPLE -> jdbc.sql("""
                        select o::bigint, count(*) from voting_ballot_box, jsonb_array_elements_text(choice -> 'a' -> :q -> 'o') o
                        where ballot_id = :b and not voided group by 1""").param("b", b).param("q", q)
                        .query(rs -> {
                            votes.put(rs.getLong(1), rs.getLong(2));
                        });
                case SCALE -> jdbc.sql("""
                        select (choice -> 'a' -> :q ->> 's')::int, count(*) from voting_ballot_box
                        where ballot_id = :b and not voided and choice -> 'a' -> :q ->> 's' is not null group by 1""")
                        .param("b", b).param("q", q).query(rs -> {
                            scale[rs.getInt(1) - Ballot.SCALE_MIN] = rs.getLong(2);
                        });
                case TEXT -> texts.addAll(jdbc.sql("""
                        select choice -> 'a' -> :q ->> 't' from voting_ballot_box
                        where ballot_id = :b and not voided and coalesce(choice -> 'a' -> :q ->> 't', '') <> '' order by 1""")
                        .param("b", b).param("q", q).query(String.class).list());
            }
            questions.put(question.id(), new Counting.QuestionSums(answered, votes, scale, texts));
        }
        return Counting.fromSums(ballot, totals[0], totals[1], options, questions, at);
    }

    /** Recounts ballots open now and ballots closed since their last tally (every {@code pyeongga.voting.tally-interval}). */
    @Scheduled(fixedDelayString = "${pyeongga.voting.tally-interval:30s}", initialDelayString = "${pyeongga.voting.tally-interval:30s}")
    void recountRunning() {
        List<Long> due = jdbc.sql("""
                select b.id from voting_ballot b left join voting_tally t on t.ballot_id = b.id
                where b.phase = 'OPENED' and b.opens_at <= now()
                  and (b.closes_at >= now() - interval '1 minute' or t.computed_at is null
                       or t.computed_at <= b.closes_at + interval '1 minute')
                """).query(Long.class).list();
        for (Long id : due) {
            try {
                recount(id);
            } catch (RuntimeException e) {
                log.warn("Tally of ballot {} failed; next run retries", id, e);
            }
        }
    }

    Optional<Tally> stored(long ballotId) {
        return jdbc.sql("select result::text from voting_tally where ballot_id = :b").param("b", ballotId)
                .query(String.class).optional().map(text -> json.readValue(text, Tally.class));
    }

    private Counting.Stored parse(String choice) {
        JsonNode node = json.readTree(choice);
        List<Long> options = new ArrayList<>();
        node.path("o").forEach(id -> options.add(id.asLong()));
        Map<Long, Counting.Answer> answers = new LinkedHashMap<>();
        for (var entry : node.path("a").properties()) {
            JsonNode answer = entry.getValue();
            List<Long> ids = new ArrayList<>();
            answer.path("o").forEach(id -> ids.add(id.asLong()));
            answers.put(Long.parseLong(entry.getKey()), new Counting.Answer(ids,
                    answer.has("s") ? answer.get("s").asInt() : null, answer.has("t") ? answer.get("t").asString() : null));
        }
        return new Counting.Stored(options, answers);
    }
}
