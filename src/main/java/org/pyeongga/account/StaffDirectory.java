package org.pyeongga.account;

import java.time.Clock;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads staff for Spring Security and tells every module who is acting ({@link CurrentActor}): the signed-in staff member, else "not signed in" in a request, else the system.
 */
@Component
@Primary
class StaffDirectory implements UserDetailsService, CurrentActor {

    private final AccountStore store;
    private final Clock clock;

    StaffDirectory(AccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        var row = store.byEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        boolean locked = row.lockedUntil() != null && row.lockedUntil().isAfter(clock.instant());
        return new StaffPrincipal(row.id(), row.email(), row.name(), row.passwordHash(), row.enabled(), locked,
                store.memberships(row.id()), row.sessionEpoch(), row.totpSecret() != null);
    }

    @Override
    public Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff) {
            return staff.actor();
        }
        return CurrentActor.withoutSignIn();
    }

}
