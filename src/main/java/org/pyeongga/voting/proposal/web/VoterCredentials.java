package org.pyeongga.voting.proposal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.VoterTokens;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The verified citizen behind a request: the portal's {@code PYEONGGA_VOTER} cookie on pages, the
 * {@code X-Pyeongga-Voter} header on the API. Both carry a voter token ({@link VoterTokens}); an expired or forged
 * one counts as none.
 */
@Component
class VoterCredentials {

    static final String COOKIE = "PYEONGGA_VOTER";
    static final String HEADER = "X-Pyeongga-Voter";

    private final VoterTokens tokens;
    private final Clock clock;

    VoterCredentials(VoterTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    Optional<Voter> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return read(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    Optional<Voter> read(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return tokens.read(token.strip(), clock.instant());
    }

    /** The citizen of an API request, or 401 (missing, expired or forged token) in Korean and English. */
    Voter require(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new UserFacingException(HttpStatus.UNAUTHORIZED, "proposal.voter.missing");
        }
        return read(header).orElseThrow(() -> new UserFacingException(HttpStatus.UNAUTHORIZED, "proposal.voter.invalid"));
    }
}
