package org.pyeongga.voting;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the owner reviews before publishing, read from participation only (never the ballot box): votes per minute and
 * the bursts among them, device and network hashes used repeatedly, rejected duplicate attempts, votes from outside
 * the region (where the residence is known) and from abroad (where a country header is configured).
 */
public record AbuseReport(long ballotId, long participations, long voided, long web, long staff, List<Minute> perMinute,
        List<Minute> bursts, List<Repeat> devices, List<Repeat> networks, long rejectedDuplicates, List<Repeat> repeatedRejections,
        @Nullable String regionPrefix, long regionKnown, long outsideRegion, List<Country> countries, long overseas) {

    public record Minute(Instant minute, long votes) {}

    /** A hash (device, network) or, for rejections, a network hash; how many times it appears. */
    public record Repeat(String hash, long votes) {}

    public record Country(String country, long votes) {}

    /** One participation as the owner sees it (never the voter key, never a choice). */
    public record Participation(String ref, Channel.Kind channel, @Nullable Long staffUserId, Instant castAt,
            @Nullable String deviceHash, @Nullable String networkHash, @Nullable String regionCode, @Nullable String country,
            @Nullable Instant voidedAt, @Nullable String voidReason) {}
}
