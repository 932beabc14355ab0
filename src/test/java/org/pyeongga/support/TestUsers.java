package org.pyeongga.support;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.Accounts;
import org.pyeongga.account.Totp;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;

/**
 * Named staff personas for tests, created on first use in the shared test database. Administrators get an
 * authenticator at once (a known secret), as a real one would at first sign-in; {@link #nextCode(String)} plays the
 * authenticator app, never reusing a 30-second step (the server refuses replays), waiting for the next one if needed.
 */
public final class TestUsers {

    public static final String PASSWORD = "test-password-2026";
    public static final String ADMIN = "admin@test.pyeongga.kr";
    /** A 160-bit Base32 secret for test administrators' authenticators. */
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private TestUsers() {}

    /** The e-mail of a user holding {@code role} (no institution), created if missing. */
    public static String withRole(Accounts accounts, Role role) {
        String email = role.name().toLowerCase().replace('_', '.') + "@test.pyeongga.kr";
        if (!accounts.exists(email)) {
            try {
                long id = accounts.create(email, "시험 " + role.name(), PASSWORD, Set.of(new Membership(null, role)));
                if (role == Role.SYSTEM_ADMIN || role == Role.PROGRAM_ADMIN) {
                    enroll(accounts, id, email);
                }
            } catch (RuntimeException raced) {
                // another test created it meanwhile
            }
        }
        return email;
    }

    public static String admin(Accounts accounts) {
        return withRole(accounts, Role.SYSTEM_ADMIN);
    }

    /** Registers the test authenticator for an account, as the first sign-in would. */
    public static void enroll(Accounts accounts, long userId, String email) {
        remember(email, TOTP_SECRET);
        accounts.enrollSecondFactor(userId, TOTP_SECRET, nextCode(email));
    }

    /** Remembers the authenticator secret of {@code email} (e.g. read off the registration page). */
    public static void remember(String email, String secret) {
        SECRETS.put(email.toLowerCase(), secret);
    }

    public static @Nullable String secretOf(String email) {
        return SECRETS.get(email.toLowerCase());
    }

    /** The code an authenticator app would show now for a step not used before (waits up to 30 s if it must). */
    public static synchronized String nextCode(String email) {
        String secret = SECRETS.get(email.toLowerCase());
        if (secret == null) {
            throw new IllegalStateException("No authenticator known for " + email);
        }
        long now = Totp.step(Instant.now());
        long step = Math.max(now, LAST_STEP.getOrDefault(email.toLowerCase(), Long.MIN_VALUE) + 1);
        while (step > Totp.step(Instant.now()) + 1) { // the server accepts one step ahead at most
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        LAST_STEP.put(email.toLowerCase(), step);
        return Totp.code(secret, step);
    }

    /** The current code for API requests (the API accepts a code for its whole step). */
    public static @Nullable String apiCode(String email) {
        String secret = SECRETS.get(email.toLowerCase());
        return secret == null ? null : Totp.code(secret, Totp.step(Instant.now()));
    }
}
