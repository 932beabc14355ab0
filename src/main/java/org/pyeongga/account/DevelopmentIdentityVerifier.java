package org.pyeongga.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import org.pyeongga.core.UserFacingException;

/**
 * 개발용 본인확인: proves nothing. Takes a name, a birth date and a free "test person" id and derives a stable fake DI
 * from them, so demos and tests can vote as several people; an optional {@code residenceCode} (10-digit 행정구역 code,
 * e.g. 4418000000 for 보령시) plays the residence a real provider or residence check would supply. Refused when the production profile is active.
 */
final class DevelopmentIdentityVerifier implements IdentityVerifier {

    private final Clock clock;

    DevelopmentIdentityVerifier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String provider() {
        return "development";
    }

    @Override
    public boolean developmentOnly() {
        return true;
    }

    @Override
    public VerifiedPerson complete(Map<String, String> parameters) {
        String name = parameters.getOrDefault("name", "").strip();
        String birth = parameters.getOrDefault("birthDate", "").strip();
        String person = parameters.getOrDefault("testPerson", "").strip();
        if (name.isEmpty() || person.isEmpty()) {
            throw UserFacingException.badInput("identity.dev.missing");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(birth);
        } catch (DateTimeParseException e) {
            throw UserFacingException.badInput("error.date", "birthDate", birth);
        }
        String residence = parameters.getOrDefault("residenceCode", "").strip();
        if (!residence.isEmpty() && !residence.matches("[0-9]{10}")) {
            throw UserFacingException.badInput("voting.identity.residence", residence);
        }
        return new VerifiedPerson(name, birthDate, fakeDi(name + "|" + birthDate + "|" + person), provider(),
                clock.instant(), residence.isEmpty() ? null : residence);
    }

    /** A 64-character value shaped like a real DI (Base64 of 48 bytes). */
    private static String fakeDi(String seed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-384");
            return Base64.getEncoder().encodeToString(sha.digest(("pyeongga-dev-di|" + seed).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
