package org.pyeongga.account;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Actor;
import org.pyeongga.core.Membership;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in staff member as Spring Security holds them: id, e-mail, name and memberships. */
record StaffPrincipal(long id, String email, String name, @Nullable String passwordHash, boolean enabled,
        boolean locked, Set<Membership> memberships, int sessionEpoch, boolean secondFactorEnrolled)
        implements UserDetails, java.io.Serializable {

    /** The same person without the password hash, as kept in the session. */
    StaffPrincipal withoutPassword() {
        return new StaffPrincipal(id, email, name, null, enabled, locked, memberships, sessionEpoch, secondFactorEnrolled);
    }

    Actor actor() {
        return new Actor(Actor.Kind.USER, "user:" + id, name, memberships);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return memberships.stream().map(m -> new SimpleGrantedAuthority("ROLE_" + m.role().name()))
                .collect(Collectors.toSet());
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "StaffPrincipal[id=" + id + "]";
    }
}
