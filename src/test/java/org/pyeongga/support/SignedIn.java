package org.pyeongga.support;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs service calls as a signed-in staff member (as a page request would), then signs out again. */
public final class SignedIn {

    private SignedIn() {}

    public static <T> T as(UserDetailsService users, String email, Supplier<T> work) {
        var principal = users.loadUserByUsername(email);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    public static void as(UserDetailsService users, String email, Runnable work) {
        as(users, email, () -> {
            work.run();
            return null;
        });
    }
}
