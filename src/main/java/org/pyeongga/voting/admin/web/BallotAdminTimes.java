package org.pyeongga.voting.admin.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Instants on the owners' pages in Korean time, to the second ({@code ${@ballotAdminTimes.format(...)}}). */
@Component("ballotAdminTimes")
class BallotAdminTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Seoul"));

    public String format(@Nullable Instant instant) {
        return instant == null ? "—" : FORMAT.format(instant);
    }
}
