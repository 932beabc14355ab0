package org.pyeongga.voting;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.AbuseReport.Country;
import org.pyeongga.voting.AbuseReport.Minute;
import org.pyeongga.voting.AbuseReport.Participation;
import org.pyeongga.voting.AbuseReport.Repeat;
import org.pyeongga.voting.VotingEvents.VotingVoteVoided;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The abuse report and voids, for the ballot's managers only (404 for anyone else). The report reads participation
 * and rejected attempts only. A void marks the participation (with reason and actor) and, through the link tag the
 * app recomputes from the voter key and the ballot key (never stored), the matching ballot-box row; allowed until
 * publication. The tally then shows "무효 N".
 */
@Service
public class AbuseReports {

    /** A hash seen at least this often is listed as repeated. */
    public static final int REPEATED = 3;
    /** A minute with at least this many votes, and at least 3× the median minute, is a burst. */
    public static final int BURST_MIN = 20;
    static final int MAX_REASON = 500;

    private final Ballots ballots;
    private final Tallies tallies;
    private final VotingSecrets secrets;
    private final VotingPermissions permissions;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AbuseReports(Ballots ballots, Tallies tallies, VotingSecrets secrets, VotingPermissions permissions, JdbcClient jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.ballots = ballots;
        this.tallies = tallies;
        this.secrets = secrets;
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The report; {@code regionPrefix} (e.g. 44180) overrides the ballot's own for "outside the region". */
    public AbuseReport report(long ballotId, @Nullable String regionPrefix) {
        Ballot ballot = ballots.managed(ballotId);
        String region = regionPrefix != null && regionPrefix.matches("[0-9]{2,10}") ? regionPrefix : ballot.regionPrefix();
        var totals = jdbc.sql("""
                select count(*), count(voided_at), count(*) filter (where channel = 'WEB'), count(*) filter (where channel = 'STAFF'),
                       count(region_code), count(*) filter (where region_code is not null and cast(:region as text) is not null
                            and region_code not like cast(:region as text) || '%'),
                       count(*) filter (where country is not null and country <> 'KR')
                from voting_participation where ballot_id = :b
                """).param("b", ballotId).param("region", region)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7)}).single();
        List<Minute> perMinute = jdbc.sql("""
                select date_trunc('minute', cast_at) as minute, count(*) from voting_participation where ballot_id = :b
                group by 1 order by 1""").param("b", ballotId)
                .query((rs, i) -> new Minute(rs.getTimestamp(1).toInstant(), rs.getLong(2))).list();
        long[] sorted = perMinute.stream().mapToLong(Minute::votes).sorted().toArray();
        long median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        List<Minute> bursts = perMinute.stream().filter(m -> m.votes() >= BURST_MIN && m.votes() >= 3 * median).toList();
        List<Repeat> devices = repeated("device_hash", ballotId);
        List<Repeat> networks = repeated("network_hash", ballotId);
        long rejected = jdbc.sql("select count(*) from voting_rejected_attempt where ballot_id = :b and reason = 'DUPLICATE'")
                .param("b", ballotId).query(Long.class).single();
        List<Repeat> repeatedRejections = jdbc.sql("""
                select voter_key_hash, count(*) from (
                    select substr(encode(sha256(convert_to('rejected|' || voter_key, 'UTF8')), 'hex'), 1, 16) as voter_key_hash
                    from voting_rejected_attempt where ballot_id = :b) r
                group by 1 having count(*) >= :n order by 2 desc limit 20""").param("b", ballotId).param("n", REPEATED)
                .query((rs, i) -> new Repeat(rs.getString(1), rs.getLong(2))).list();
        List<Country> countries = jdbc.sql("""
                select country, count(*) from voting_participation where ballot_id = :b and country is not null
                group by 1 order by 2 desc, 1""").param("b", ballotId)
                .query((rs, i) -> new Country(rs.getString(1), rs.getLong(2))).list();
        return new AbuseReport(ballotId, totals[0], totals[1], totals[2], totals[3], perMinute, bursts, devices, networks,
                rejected, repeatedRejections, region, totals[4], totals[5], countries, totals[6]);
    }

    private List<Repeat> repeated(String column, long ballotId) {
        return jdbc.sql("select " + column + ", count(*) from voting_participation where ballot_id = :b and " + column
                + " is not null group by 1 having count(*) >= :n order by 2 desc, 1 limit 50")
                .param("b", ballotId).param("n", REPEATED).query((rs, i) -> new Repeat(rs.getString(1), rs.getLong(2))).list();
    }

    /** The most participations one page shows (and one API call returns). */
    public static final int PAGE_MAX = 500;

    private static final String PARTICIPATION_COLUMNS =
            "ref, channel, staff_user_id, cast_at, device_hash, network_hash, region_code, country, voided_at, void_reason";
    /** The longest filter: a whole keyed hash. */
    private static final int HASH_MAX = 64;

    /** The first page of participations, optionally only those of one device or network hash (or its start). */
    public List<Participation> participations(long ballotId, @Nullable String deviceHash, @Nullable String networkHash) {
        return participations(ballotId, deviceHash, networkHash, 0, PAGE_MAX).items();
    }

    /**
     * Participations in the order they arrived, a page at a time, optionally only those whose device or network hash
     * starts with the given hex (a shortened hash as the pages show it, or a whole one). 400 for another filter.
     */
    public org.pyeongga.core.ResultPage<Participation> participations(long ballotId, @Nullable String devicePrefix,
            @Nullable String networkPrefix, int page, int size) {
        ballots.managed(ballotId);
        int offset = org.pyeongga.core.ResultPage.offset(page, size, PAGE_MAX);
        String d = hashPrefix(devicePrefix);
        String n = hashPrefix(networkPrefix);
        String where = """
                from voting_participation where ballot_id = :b
                  and (cast(:d as text) is null or left(device_hash, length(:d)) = :d)
                  and (cast(:n as text) is null or left(network_hash, length(:n)) = :n)""";
        List<Participation> items = jdbc.sql("select " + PARTICIPATION_COLUMNS + " " + where
                        + " order by cast_at, ref offset :o limit :l")
                .param("b", ballotId).param("d", d).param("n", n).param("o", offset).param("l", size)
                .query(AbuseReports::participation).list();
        long total = jdbc.sql("select count(*) " + where).param("b", ballotId).param("d", d).param("n", n)
                .query(Long.class).single();
        return new org.pyeongga.core.ResultPage<>(items, page, size, total);
    }

    /** One participation of a ballot by its reference (its managers only). */
    public Optional<Participation> participation(long ballotId, String ref) {
        ballots.managed(ballotId);
        return jdbc.sql("select " + PARTICIPATION_COLUMNS + " from voting_participation where ballot_id = :b and ref = :r")
                .param("b", ballotId).param("r", ref == null ? "" : ref.strip()).query(AbuseReports::participation).optional();
    }

    private static @Nullable String hashPrefix(@Nullable String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return null;
        }
        String clean = prefix.strip();
        if (clean.length() > HASH_MAX) {
            throw UserFacingException.badInput("voting.abuse.hashFilter");
        }
        return clean;
    }

    private static Participation participation(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Participation(rs.getString(1), Channel.Kind.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10));
    }

    /**
     * Voids one participation and its ballot (before publication only), with a recorded reason; the tally is
     * recounted at once. The participation's reference is what the report shows; the voter key never leaves the
     * database.
     */
    @Transactional
    public void voidVote(long ballotId, String participationRef, String reason) {
        Ballot ballot = ballots.managed(ballotId);
        if (ballot.phase() == Ballot.Phase.PUBLISHED) {
            throw UserFacingException.conflict("voting.void.published");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw UserFacingException.badInput("voting.void.reason", MAX_REASON);
        }
        var row = jdbc.sql("select voter_key, voided_at from voting_participation where ballot_id = :b and ref = :r for update")
                .param("b", ballotId).param("r", participationRef == null ? "" : participationRef.strip())
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getTimestamp(2)}).optional()
                .orElseThrow(() -> UserFacingException.notFound("voting.void.unknown"));
        if (row[1] != null) {
            throw UserFacingException.conflict("voting.void.already");
        }
        jdbc.sql("update voting_participation set voided_at = :at, void_reason = :why, voided_by = :by where ballot_id = :b and ref = :r")
                .param("at", Timestamp.from(clock.instant())).param("why", why).param("by", permissions.current().id())
                .param("b", ballotId).param("r", participationRef.strip()).update();
        // one box row per accepted participation (written in its transaction); found among its ballot's rows
        int boxed = jdbc.sql("update voting_ballot_box set voided = true where ballot_id = :b and link_tag = :t")
                .param("b", ballotId).param("t", secrets.linkTag(ballotId, (String) row[0])).update();
        if (boxed != 1) {
            throw new IllegalStateException("Voiding participation " + participationRef.strip() + " of ballot " + ballotId
                    + " matched " + boxed + " ballot-box rows instead of one");
        }
        events.publishEvent(new VotingVoteVoided(ballotId, ballot.ownerInstitutionId(), participationRef.strip(), why));
        tallies.recount(ballotId);
    }
}
