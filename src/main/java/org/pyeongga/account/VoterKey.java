package org.pyeongga.account;

/**
 * A citizen's pseudonymous key: HMAC-SHA256 of the DI with a deployment secret, as 64 hex characters. The same
 * person always gets the same key on one deployment (one vote per person), and the key reveals nothing without the
 * secret.
 */
public record VoterKey(String value) {

    public VoterKey {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A voter key is 64 lower-case hex characters");
        }
    }
}
