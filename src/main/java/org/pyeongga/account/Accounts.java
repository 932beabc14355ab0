package org.pyeongga.account;

import java.time.Clock;
import java.util.Set;
import org.pyeongga.core.Membership;
import org.pyeongga.core.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: creating them with memberships, enabling and disabling, and counting failed logins (five in a row
 * lock the account for fifteen minutes). Invitations by e-mail and the administration pages follow.
 */
@Service
public class Accounts {

    static final int LOCK_AFTER = 5;
    static final java.time.Duration LOCK_FOR = java.time.Duration.ofMinutes(15);
    static final int MIN_PASSWORD = 12;

    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(AccountStore store, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a staff account with a password (demo data, tests, the first administrator). */
    @Transactional
    public long create(String email, String name, String password, Set<Membership> memberships) {
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw UserFacingException.badInput("account.email.format");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw UserFacingException.badInput("account.password.tooShort", MIN_PASSWORD);
        }
        if (store.byEmail(email).isPresent()) {
            throw UserFacingException.conflict("account.email.taken", email.strip().toLowerCase());
        }
        long id = store.insert(email, name, passwords.encode(password));
        memberships.forEach(m -> store.addMembership(id, m));
        events.publishEvent(new StaffAccountCreated(id, memberships.stream().map(Membership::role).toList(),
                memberships.stream().map(Membership::institutionId).filter(java.util.Objects::nonNull).distinct().toList()));
        return id;
    }

    public boolean exists(String email) {
        return store.byEmail(email).isPresent();
    }

    @Transactional
    public void disable(long userId) {
        store.setEnabled(userId, false);
        events.publishEvent(new StaffAccountDisabled(userId));
    }

    /** Counts a wrong password (unknown e-mails change nothing and leave no trace of who was guessed). */
    @Transactional
    void loginFailed(String email) {
        store.recordFailure(email, LOCK_AFTER, clock.instant().plus(LOCK_FOR));
        store.byEmail(email).ifPresent(row -> events.publishEvent(new StaffSignInFailed(row.id(), row.failedAttempts(),
                row.failedAttempts() == LOCK_AFTER)));
    }

    @Transactional
    void loginSucceeded(String email) {
        store.recordSuccess(email);
        store.byEmail(email).ifPresent(row -> events.publishEvent(new StaffSignedIn(row.id())));
    }
}
