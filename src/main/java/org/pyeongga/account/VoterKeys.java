package org.pyeongga.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;

/** Turns a verified person into their pseudonymous voter key; keeps nothing. */
@Service
public class VoterKeys {

    private final SecretKeySpec key;

    VoterKeys(IdentityProperties properties) {
        this.key = new SecretKeySpec(properties.voterKeySecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public VoterKey keyFor(VerifiedPerson person) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return new VoterKey(HexFormat.of().formatHex(mac.doFinal(person.di().getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
