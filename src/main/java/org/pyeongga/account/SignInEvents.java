package org.pyeongga.account;

import org.springframework.context.event.EventListener;
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

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        accounts.loginFailed(String.valueOf(event.getAuthentication().getPrincipal()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.passwordAccepted(event.getAuthentication().getName());
    }
}
