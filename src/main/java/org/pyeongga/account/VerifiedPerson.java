package org.pyeongga.account;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The result of a Korean identity check (본인확인) as a provider returns it: name, birth date and the DI
 * (중복가입확인정보, 64 bytes, unique per site). Pyeongga keeps none of it by default: a feature that needs the name
 * (e.g. a prize) must say why and store it itself. Never a 주민등록번호.
 */
public record VerifiedPerson(String name, LocalDate birthDate, String di, String provider, Instant verifiedAt) {

    public VerifiedPerson {
        if (di == null || di.isBlank()) {
            throw new IllegalArgumentException("An identity check without a DI cannot identify a person");
        }
    }

    @Override
    public String toString() {
        // Keep the DI and the name out of logs and exception messages.
        return "VerifiedPerson[provider=" + provider + ", verifiedAt=" + verifiedAt + "]";
    }
}
