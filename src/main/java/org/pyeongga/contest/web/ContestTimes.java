package org.pyeongga.contest.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * Contest times in Korean time, to the second, on pages ({@code ${@contestTimes.format(...)}}) and from the
 * {@code datetime-local} inputs of the setup form.
 */
@Component("contestTimes")
public class ContestTimes {

    static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(KOREA);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(KOREA);

    public String format(@Nullable Instant instant) {
        return instant == null ? "—" : FORMAT.format(instant);
    }

    /** The value of a {@code datetime-local} input (step 1 s) for this instant. */
    public String input(@Nullable Instant instant) {
        return instant == null ? "" : INPUT.format(instant);
    }

    /** A {@code datetime-local} value (Korean time; seconds optional) as an instant; 400 when it is not one. */
    public static Instant parse(@Nullable String value) {
        try {
            return LocalDateTime.parse(value == null ? "" : value.strip()).atZone(KOREA).toInstant();
        } catch (DateTimeParseException e) {
            throw UserFacingException.badInput("contest.error.window");
        }
    }
}
