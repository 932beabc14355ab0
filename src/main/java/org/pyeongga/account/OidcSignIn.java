package org.pyeongga.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The one place where a sign-in at an institution's OpenID Provider becomes a sign-in of a Pyeongga staff account
 * (docs/decisions/0009-oidc-login.md). Spring Security has checked the provider's answer (state, code, ID token
 * signature, issuer, audience, nonce); this decides whether that person may enter, and as whom.
 *
 * <p>No account is ever created here. The ID token's {@code email} claim must name an existing account and the
 * provider must vouch for it ({@code email_verified} true; a missing claim counts as not verified). Then the session
 * holds exactly what a password sign-in holds: a {@code UsernamePasswordAuthenticationToken} whose principal is the
 * {@link StaffPrincipal} from {@link StaffDirectory}, so roles, {@code CurrentActor} and institution scoping work
 * unchanged: {@link SignIns} completes it like a password sign-in (an administrator still passes the second step,
 * a new session id, {@link StaffSignedIn} for the audit trail).
 * Anything else sends the person back to {@code /login?error=…} with nothing of the provider's sign-in left behind.
 */
@Component
class OidcSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    /** Why a provider's sign-in was not accepted; the code goes to {@code /login?error=}. */
    enum Refusal {
        /** Not an OpenID Connect sign-in, or the provider reported an error. */
        SSO("sso"),
        /** The ID token has no e-mail address, or the provider does not say it verified it. */
        UNVERIFIED("sso-unverified"),
        /** No staff account has the ID token's e-mail address (accounts are never created from a sign-in). */
        UNKNOWN("sso-unknown"),
        DISABLED("disabled"),
        LOCKED("locked");

        final String code;

        Refusal(String code) {
            this.code = code;
        }
    }

    private final StaffDirectory staff;
    private final SignIns signIns;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    OidcSignIn(StaffDirectory staff, SignIns signIns) {
        this.staff = staff;
        this.signIns = signIns;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication provider) throws IOException {
        String registration = provider instanceof OAuth2AuthenticationToken oauth
                ? oauth.getAuthorizedClientRegistrationId() : "?";
        if (!(provider.getPrincipal() instanceof OidcUser user)) {
            refuse(request, response, registration, Refusal.SSO);
            return;
        }
        OidcIdToken idToken = user.getIdToken(); // the signed token only, never the userinfo answer
        String email = idToken.getEmail();
        if (email == null || email.isBlank() || !Boolean.TRUE.equals(idToken.getEmailVerified())) {
            refuse(request, response, registration, Refusal.UNVERIFIED);
            return;
        }
        StaffPrincipal principal;
        try {
            principal = (StaffPrincipal) staff.loadUserByUsername(email);
        } catch (UsernameNotFoundException e) {
            refuse(request, response, registration, Refusal.UNKNOWN);
            return;
        }
        if (!principal.isEnabled()) {
            refuse(request, response, registration, Refusal.DISABLED);
            return;
        }
        if (!principal.isAccountNonLocked()) {
            refuse(request, response, registration, Refusal.LOCKED);
            return;
        }
        signIns.firstFactorPassed(principal, "oidc", request, response);
    }

    /** Forgets the provider's sign-in (context and session) and sends the person back to the login page. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, String registration, Refusal why)
            throws IOException {
        log.info("OpenID Connect sign-in through '{}' refused: {}", registration, why);
        holder.clearContext();
        contexts.saveContext(holder.createEmptyContext(), request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login?error=" + why.code);
    }

    /** The provider refused, or the exchange did not check out (state, code, ID token signature, issuer, nonce). */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        log.info("OpenID Connect sign-in failed: {}", exception.getMessage());
        refuse(request, response, "?", Refusal.SSO);
    }
}
