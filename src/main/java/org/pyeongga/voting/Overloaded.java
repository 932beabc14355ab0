package org.pyeongga.voting;

import org.pyeongga.core.UserFacingException;
import org.springframework.http.HttpStatus;

/**
 * The vote queue is full: nothing was stored; the voter should try again in {@link #retryAfterSeconds()} seconds.
 * Pages render the "try again in N seconds" page; the API answers 503 with {@code Retry-After}.
 */
public class Overloaded extends UserFacingException {

    private static final long serialVersionUID = 1L;

    private final int retryAfterSeconds;

    public Overloaded(int retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "voting.overloaded", retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
