package org.pyeongga.judging.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Instants on judging pages in Korean time ({@code ${@judgingTimes.format(...)}}), whatever the server's zone. */
@Component("judgingTimes")
class JudgingTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Seoul"));

    public String format(@Nullable Instant instant) {
        return instant == null ? "—" : FORMAT.format(instant);
    }
}
