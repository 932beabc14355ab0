package org.pyeongga.voting;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where and when a vote arrived: the instant the server received it (the closing time is checked against it), keyed
 * hashes of the device (user agent) and network (/24 or /48 prefix), and a country code when a trusted proxy header
 * supplies one. Build it with {@link CastContexts}.
 */
public record CastContext(Instant receivedAt, @Nullable String deviceHash, @Nullable String networkHash,
        @Nullable String country) {

    public static CastContext at(Instant receivedAt) {
        return new CastContext(receivedAt, null, null, null);
    }
}
