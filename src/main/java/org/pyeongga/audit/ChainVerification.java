package org.pyeongga.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the audit trail's hash chain: how many records were checked and, if the chain is broken,
 * the first record that does not match (its content was changed, a record is missing, or one was inserted).
 */
public record ChainVerification(long checked, @Nullable Long firstBrokenSeq, @Nullable String reason) {

    public boolean intact() {
        return firstBrokenSeq == null;
    }
}
