package org.pyeongga.voting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.pyeongga.account.IdentityProperties;
import org.springframework.stereotype.Component;

/**
 * The keys voting derives from the deployment's voter-key secret ({@code pyeongga.identity.voter-key-secret}), each
 * for one purpose: voter tokens, staff voter keys, the per-ballot link-tag key, device and network hashes. None is
 * stored in the database, so a database reader cannot recompute a link tag from a voter key.
 */
@Component
class VotingSecrets {

    private final byte[] secret;
    private final java.util.Map<Long, byte[]> ballotKeys = new java.util.concurrent.ConcurrentHashMap<>();

    VotingSecrets(IdentityProperties identity) {
        this.secret = identity.voterKeySecret().getBytes(StandardCharsets.UTF_8);
    }

    /** HMAC-SHA256 of {@code message} with the deployment secret itself (as {@code VoterKeys} does for DIs). */
    byte[] hmac(String message) {
        return hmac(secret, message);
    }

    /** A key for one purpose, derived from the deployment secret. */
    byte[] derived(String purpose) {
        return hmac(secret, "pyeongga-voting|" + purpose);
    }

    String hex(byte[] key, String message) {
        return HexFormat.of().formatHex(hmac(key, message));
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The link tag of a voter on a ballot: HMAC(ballot key, ballot || voter key); the ballot key never leaves memory. */
    String linkTag(long ballotId, String voterKey) {
        return hex(ballotKeys.computeIfAbsent(ballotId, id -> derived("ballot-link|" + id)), ballotId + "|" + voterKey);
    }
}
