package org.pyeongga.voting;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A checked vote on its way to the database: the participation half (ballot, voter key, channel, time, hashes) and
 * the ballot-box half (choice, receipt hash, link tag). The two halves are written to separate tables; the
 * participation's reference comes from the database (V24).
 */
record PendingVote(long ballotId, String voterKey, Channel channel, Instant castAt,
        @Nullable String deviceHash, @Nullable String networkHash, @Nullable String regionCode, @Nullable String country,
        String choiceJson, String receiptHash, String linkTag) {

    @Override
    public String toString() {
        return "PendingVote[ballot=" + ballotId + "]";
    }
}
