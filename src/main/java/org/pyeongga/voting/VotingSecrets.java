package org.pyeongga.voting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    private final Keyed deployment;
    private final Map<Long, Keyed> ballotKeys = new ConcurrentHashMap<>();

    VotingSecrets(IdentityProperties identity) {
        this.deployment = new Keyed(identity.voterKeySecret().getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of {@code message} with the deployment secret itself (as {@code VoterKeys} does for DIs). */
    byte[] hmac(String message) {
        return deployment.mac(message);
    }

    /** A key for one purpose, derived from the deployment secret, ready to sign. */
    Keyed derived(String purpose) {
        return new Keyed(deployment.mac("pyeongga-voting|" + purpose));
    }

    /** The link tag of a voter on a ballot: HMAC(ballot key, ballot || voter key); the ballot key never leaves memory. */
    String linkTag(long ballotId, String voterKey) {
        return ballotKeys.computeIfAbsent(ballotId, id -> derived("ballot-link|" + id)).hex(ballotId + "|" + voterKey);
    }

    /**
     * HMAC-SHA256 with one key. The key is set once on a prototype ({@code Mac.getInstance} looks up the provider and
     * {@code init} prepares the padded key — together more work than the HMAC of a short message); each use signs
     * with a clone, so concurrent callers share nothing mutable.
     */
    static final class Keyed {

        private final Mac prototype;

        Keyed(byte[] key) {
            try {
                prototype = Mac.getInstance("HmacSHA256");
                prototype.init(new SecretKeySpec(key, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        }

        byte[] mac(String message) {
            try {
                return ((Mac) prototype.clone()).doFinal(message.getBytes(StandardCharsets.UTF_8));
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("HMAC-SHA256 cannot be cloned", e);
            }
        }

        String hex(String message) {
            return HexFormat.of().formatHex(mac(message));
        }
    }
}
