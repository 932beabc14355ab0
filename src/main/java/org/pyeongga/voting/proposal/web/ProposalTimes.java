package org.pyeongga.voting.proposal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Instants on 정책장터 pages in Korean time ({@code ${@proposalTimes.date(...)}}), whatever the server's zone. */
@Component("proposalTimes")
class ProposalTimes {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(SEOUL);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SEOUL);

    private final Clock clock;

    ProposalTimes(Clock clock) {
        this.clock = clock;
    }

    /** Now, by the application's clock (whether an answer is overdue). */
    public Instant now() {
        return clock.instant();
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "—" : DATE.format(instant);
    }

    public String time(@Nullable Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** ISO text for a {@code <time datetime>} attribute. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
