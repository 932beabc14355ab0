package org.pyeongga.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * Completes a sign-in. After the first factor (password, or the institution's SSO) a person who needs a second factor
 * is not signed in yet: the session only remembers, for five minutes, who passed the first step. The second step
 * ({@code /login/otp}) asks for the authenticator code, or, the first time, shows the QR code to register one. Only
 * then is the session authenticated (with a new session id) and {@link StaffSignedIn} published.
 */
@Component
public class SignIns {

    static final String PENDING = SignIns.class.getName() + ".pending";
    static final Duration PENDING_FOR = Duration.ofMinutes(5);
    static final String ISSUER = "Pyeongga";

    private final Accounts accounts;
    private final StaffDirectory directory;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final RequestCache requests = new HttpSessionRequestCache();
    private final SecureRandom random = new SecureRandom();

    SignIns(Accounts accounts, StaffDirectory directory, Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
    }

    record Pending(long userId, String email, String method, Instant since, @Nullable String setupSecret)
            implements Serializable {}

    /** What the second-step page shows: whose sign-in, and, for a first registration, the secret and its QR code. */
    public record SecondStep(String email, boolean enrolled, @Nullable String secret, @Nullable String otpauthUri,
            @Nullable String qrDataUri) {}

    /** The first factor succeeded for {@code staff}: sign in, or ask for the second factor. Redirects either way. */
    void firstFactorPassed(StaffPrincipal staff, String method, HttpServletRequest request, HttpServletResponse response)
            throws java.io.IOException {
        if (!accounts.needsSecondFactor(staff)) {
            complete(staff, method, request, response);
            return;
        }
        var empty = holder.createEmptyContext();
        holder.setContext(empty);
        contexts.saveContext(empty, request, response);
        request.changeSessionId();
        request.getSession().setAttribute(PENDING, new Pending(staff.id(), staff.email(), method, clock.instant(), null));
        response.sendRedirect(request.getContextPath() + "/login/otp");
    }

    /** The pending second step of this browser, if any (a first registration gets its secret here, once). */
    public Optional<SecondStep> secondStep(HttpServletRequest request) {
        var pending = pending(request);
        if (pending == null) {
            return Optional.empty();
        }
        if (accounts.secondFactorSecret(pending.userId()).isPresent()) {
            return Optional.of(new SecondStep(pending.email(), true, null, null, null));
        }
        String secret = pending.setupSecret();
        if (secret == null) {
            secret = Totp.newSecret(random);
            request.getSession().setAttribute(PENDING, new Pending(pending.userId(), pending.email(), pending.method(),
                    pending.since(), secret));
        }
        String uri = Totp.uri(ISSUER, pending.email(), secret);
        return Optional.of(new SecondStep(pending.email(), false, secret, uri, QrCodes.svgDataUri(uri)));
    }

    /**
     * Checks the code of the pending sign-in; on success signs in and answers with the redirect. A wrong code throws
     * (with the Korean message) and counts toward the lockout; a locked account's pending sign-in is dropped.
     */
    public void submitCode(String code, HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        var pending = pending(request);
        if (pending == null) {
            throw UserFacingException.badInput("login.otp.expired");
        }
        try {
            if (pending.setupSecret() != null && accounts.secondFactorSecret(pending.userId()).isEmpty()) {
                accounts.enrollSecondFactor(pending.userId(), pending.setupSecret(), code);
            } else {
                accounts.verifySecondFactor(pending.userId(), code);
            }
        } catch (UserFacingException e) {
            if ("login.error.locked".equals(e.messageKey())) {
                request.getSession().removeAttribute(PENDING);
            }
            throw e;
        }
        request.getSession().removeAttribute(PENDING);
        StaffPrincipal staff = (StaffPrincipal) directory.loadUserByUsername(pending.email());
        if (!staff.isEnabled() || !staff.isAccountNonLocked()) {
            throw UserFacingException.badInput(staff.isEnabled() ? "login.error.locked" : "login.error.disabled");
        }
        complete(staff, pending.method() + "+totp", request, response);
    }

    public void cancel(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    private @Nullable Pending pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            return null;
        }
        if (pending.since().plus(PENDING_FOR).isBefore(clock.instant())) {
            session.removeAttribute(PENDING);
            return null;
        }
        return pending;
    }

    private void complete(StaffPrincipal staff, String method, HttpServletRequest request, HttpServletResponse response)
            throws java.io.IOException {
        StaffPrincipal principal = staff.withoutPassword();
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        holder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation
        }
        contexts.saveContext(context, request, response);
        accounts.signedIn(staff.id(), method);
        var saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        String target = saved == null ? request.getContextPath() + "/" : saved.getRedirectUrl();
        response.sendRedirect(target);
    }
}
