package org.pyeongga.account;

import java.util.Map;

/**
 * Extension point for a 본인확인 provider (PASS, NICE, KCB, 간편인증 …) that an institution contracts. The provider's
 * page returns to Pyeongga with parameters; {@link #complete} checks them with the provider and yields the person.
 */
public interface IdentityVerifier {

    /** A short stable name, e.g. {@code nice}, shown in audit records. */
    String provider();

    /** True for verifiers that prove nothing (development, demos); refused when the production profile is active. */
    boolean developmentOnly();

    /** Completes a check from the parameters the provider's page returned; throws if the check failed. */
    VerifiedPerson complete(Map<String, String> callbackParameters);
}
