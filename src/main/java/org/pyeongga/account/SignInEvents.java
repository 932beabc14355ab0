package org.pyeongga.account;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts wrong passwords toward the lockout, and forgets them after a right one (pages and API alike). */
@Component
class SignInEvents {

    private final Accounts accounts;

    SignInEvents(Accounts accounts) {
        this.accounts = accounts;
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
     * the provider's subject, which may look like anyone's e-mail address; {@link OidcSignIn} decides who that is.
     */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            accounts.passwordAccepted(event.getAuthentication().getName());
        }
    }
}
