package org.pyeongga.voting.admin.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Formats for the owners' pages: instants in Korean time to the second ({@code ${@ballotAdminTimes.format(...)}}) and
 * device or network hashes shortened to 8 characters ({@code hash(...)}): enough to tell them apart on screen.
 */
@Component("ballotAdminTimes")
class BallotAdminTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Seoul"));

    public String format(@Nullable Instant instant) {
        return instant == null ? "—" : FORMAT.format(instant);
    }

    public String hash(@Nullable String hash) {
        return hash == null ? "—" : hashPrefix(hash) + "…";
    }

    public String hashPrefix(String hash) {
        return hash.substring(0, Math.min(8, hash.length()));
    }
}
