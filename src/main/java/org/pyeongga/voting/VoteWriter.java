package org.pyeongga.voting;

import org.springframework.stereotype.Component;

/** Writes one checked vote and answers whether it was accepted; returns only after the commit. */
@Component
class VoteWriter {

    private final VoteStore store;

    VoteWriter(VoteStore store) {
        this.store = store;
    }

    boolean write(PendingVote vote) {
        return store.write(java.util.List.of(vote))[0];
    }
}
