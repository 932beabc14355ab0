package org.pyeongga.account;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The result of a Korean identity check (본인확인) as a provider returns it: name, birth date and the DI
 * (중복가입확인정보, 64 bytes, unique per site). Pyeongga keeps none of it by default: a feature that needs the name
 * (e.g. a prize) must say why and store it itself. Never a 주민등록번호. {@code residenceCode} is the 행정구역 code of
 * the person's residence (10 digits, e.g. {@code 4418000000} for 보령시) when the provider or a residence check
 * supplies it, else null.
 */
public record VerifiedPerson(String name, LocalDate birthDate, String di, String provider, Instant verifiedAt,
        @Nullable String residenceCode) {

    public VerifiedPerson(String name, LocalDate birthDate, String di, String provider, Instant verifiedAt) {
        this(name, birthDate, di, provider, verifiedAt, null);
    }

    public VerifiedPerson {
        if (di == null || di.isBlank()) {
            throw new IllegalArgumentException("An identity check without a DI cannot identify a person");
        }
        if (residenceCode != null && !residenceCode.matches("[0-9]{10}")) {
            throw new IllegalArgumentException("A residence code is the 10-digit 행정구역 code");
        }
    }

    @Override
    public String toString() {
        // Keep the DI and the name out of logs and exception messages.
        return "VerifiedPerson[provider=" + provider + ", verifiedAt=" + verifiedAt + "]";
    }
}
