package org.pyeongga.account;

import java.time.Clock;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads staff for Spring Security, counts failed and successful logins (lockout), and tells every module who is
 * acting ({@link CurrentActor}): the signed-in staff member, else "not signed in" in a request, else the system.
 */
@Component
@Primary
class StaffDirectory implements UserDetailsService, CurrentActor {

    private final AccountStore store;
    private final Accounts accounts;
    private final Clock clock;

    StaffDirectory(AccountStore store, Accounts accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        var row = store.byEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        boolean locked = row.lockedUntil() != null && row.lockedUntil().isAfter(clock.instant());
        return new StaffPrincipal(row.id(), row.email(), row.name(), row.passwordHash(), row.enabled(), locked,
                store.memberships(row.id()));
    }

    @Override
    public Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff) {
            return staff.actor();
        }
        return CurrentActor.withoutSignIn();
    }

    /** A wrong password (form or HTTP Basic). */
    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            accounts.loginFailed(String.valueOf(event.getAuthentication().getPrincipal()));
        }
    }

    /**
     * A right password (form or HTTP Basic). Only those: an OpenID Provider's sign-in is also announced here, under
     * the provider's subject, which may look like anyone's e-mail address; {@link OidcSignIn} records it itself once
     * it has found (and accepted) the staff member.
     */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            accounts.loginSucceeded(event.getAuthentication().getName());
        }
    }
}
