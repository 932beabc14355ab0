package org.pyeongga.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** TOTP against RFC 6238's own test vectors (Appendix B), plus the rules a login needs. */
class TotpTests {

    static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEED_SHA512 =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0} {1} → {2}")
    @CsvSource({
        "59, SHA1, 94287082", "59, SHA256, 46119246", "59, SHA512, 90693936",
        "1111111109, SHA1, 07081804", "1111111109, SHA256, 68084774", "1111111109, SHA512, 25091201",
        "1111111111, SHA1, 14050471", "1111111111, SHA256, 67062674", "1111111111, SHA512, 99943326",
        "1234567890, SHA1, 89005924", "1234567890, SHA256, 91819424", "1234567890, SHA512, 93441116",
        "2000000000, SHA1, 69279037", "2000000000, SHA256, 90698825", "2000000000, SHA512, 38618901",
        "20000000000, SHA1, 65353130", "20000000000, SHA256, 77737706", "20000000000, SHA512, 47863826"
    })
    void reproducesTheRfc6238TestVectors(long time, Totp.Algorithm algorithm, String expected) {
        byte[] seed = switch (algorithm) {
            case SHA1 -> SEED_SHA1;
            case SHA256 -> SEED_SHA256;
            case SHA512 -> SEED_SHA512;
        };
        assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(time)), 8, algorithm)).isEqualTo(expected);
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Totp.Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Totp.Base32.decode("MZXW6YTBOI======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        String secret = Totp.newSecret(new SecureRandom());
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.Base32.encode(Totp.Base32.decode(secret))).isEqualTo(secret);
    }

    @Test
    void acceptsTheCurrentAndNeighbouringStepButNoReplayAndNoGarbage() {
        String secret = Totp.Base32.encode(SEED_SHA1);
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        String current = Totp.code(SEED_SHA1, step, 6, Totp.Algorithm.SHA1);
        String previous = Totp.code(SEED_SHA1, step - 1, 6, Totp.Algorithm.SHA1);
        String tooOld = Totp.code(SEED_SHA1, step - 3, 6, Totp.Algorithm.SHA1);

        assertThat(Totp.verify(secret, current, now, 0)).hasValue(step);
        assertThat(Totp.verify(secret, previous, now, 0)).hasValue(step - 1);
        assertThat(Totp.verify(secret, current, now, step)).isEmpty(); // already used: no replay
        assertThat(Totp.verify(secret, tooOld, now, 0)).isEmpty();
        assertThat(Totp.verify(secret, "12345", now, 0)).isEmpty();
        assertThat(Totp.verify(secret, "abcdef", now, 0)).isEmpty();
    }

    @Test
    void buildsTheUriAuthenticatorAppsScan() {
        assertThat(Totp.uri("평가 Pyeongga", "admin@pyeongga.kr", "JBSWY3DPEHPK3PXP"))
                .isEqualTo("otpauth://totp/%ED%8F%89%EA%B0%80%20Pyeongga:admin%40pyeongga.kr?secret=JBSWY3DPEHPK3PXP"
                        + "&issuer=%ED%8F%89%EA%B0%80%20Pyeongga&algorithm=SHA1&digits=6&period=30");
    }
}
