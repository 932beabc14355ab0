package org.pyeongga.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Citizen identity settings. {@code voterKeySecret} keys the HMAC that turns a DI into a voter key: set it per
 * deployment (env {@code PYEONGGA_VOTER_KEY_SECRET}, at least 32 characters) and never change it during a vote.
 */
@ConfigurationProperties("pyeongga.identity")
public record IdentityProperties(String voterKeySecret, boolean developmentVerifier) {

    /** The value shipped for development; the production profile refuses to start with it. */
    public static final String DEVELOPMENT_SECRET = "development-only-voter-key-secret-change-me";

    public IdentityProperties {
        if (voterKeySecret == null) {
            voterKeySecret = DEVELOPMENT_SECRET;
        }
    }
}
