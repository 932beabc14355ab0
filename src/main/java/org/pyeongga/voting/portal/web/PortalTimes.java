package org.pyeongga.voting.portal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Instants on portal pages in Korean time, to the second ({@code ${@portalTimes.format(...)}}). */
@Component("portalTimes")
class PortalTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Seoul"));

    public String format(@Nullable Instant instant) {
        return instant == null ? "—" : FORMAT.format(instant);
    }
}
