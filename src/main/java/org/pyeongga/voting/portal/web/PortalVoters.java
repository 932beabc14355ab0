package org.pyeongga.voting.portal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.VoterTokens;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Who is voting on a portal page: the citizen whose voter token is in the {@code PYEONGGA_VOTER} cookie (HttpOnly,
 * SameSite=Lax, Secure under the prod profile or over https, path {@code /participate}, 30 minutes), or, on a staff-only
 * ballot, the signed-in staff member. No server session holds any of it.
 */
@Component
class PortalVoters {

    private final VoterTokens tokens;
    private final CurrentActor actor;
    private final Clock clock;
    private final boolean production;

    PortalVoters(VoterTokens tokens, CurrentActor actor, Clock clock, Environment environment) {
        this.tokens = tokens;
        this.actor = actor;
        this.clock = clock;
        this.production = environment.acceptsProfiles(Profiles.of("prod"));
    }

    /** The verified citizen of this browser, if their token is intact and not expired. */
    Optional<Voter> citizen(HttpServletRequest request) {
        return tokens.read(token(request), clock.instant());
    }

    /** The voter for {@code ballot}: a staff-only ballot takes the signed-in staff member, any other the citizen. */
    Optional<Voter> forBallot(Ballot ballot, HttpServletRequest request) {
        if (ballot.eligibility() == Ballot.Eligibility.STAFF) {
            return tokens.staffVoter(actor.current());
        }
        return citizen(request);
    }

    /** True when the browser sent a voter cookie that no longer counts (expired or not made here). */
    boolean stale(HttpServletRequest request) {
        return token(request) != null && citizen(request).isEmpty();
    }

    void remember(Voter voter, HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(tokens.issue(voter, clock.instant()), VoterTokens.VALIDITY,
                request).toString());
    }

    void forget(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request).toString());
    }

    private ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(VoterTokens.COOKIE, value)
                .httpOnly(true)
                .secure(production || request.isSecure())
                .sameSite("Lax")
                .path("/participate")
                .maxAge(maxAge)
                .build();
    }

    private static @Nullable String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (VoterTokens.COOKIE.equals(c.getName()) && !c.getValue().isBlank()) {
                return c.getValue();
            }
        }
        return null;
    }
}
