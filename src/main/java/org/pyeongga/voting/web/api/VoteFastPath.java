package org.pyeongga.voting.web.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.ProblemResponses;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Overloaded;
import org.pyeongga.voting.VoterTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hot path of a peak: {@code POST /api/v1/voting/ballots/{id}/votes} with a voter token is served here, before
 * Spring Security and Spring MVC (docs/decisions/0028-vote-fast-path.md). A vote needs neither: the token is the only
 * credential (checked by {@link VoteEndpoint} exactly as {@link VotingApi} does), no session or cookie is read, and
 * finding the handler among every mapping of the app cost more CPU than storing the vote. The rate limiter still runs
 * before this filter. Anything else — no token (a signed-in staff member's vote), another method or content type —
 * goes on to the normal API unchanged.
 */
final class VoteFastPath extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(VoteFastPath.class);
    private static final Pattern VOTES = Pattern.compile("/api/v1/voting/ballots/(\\d{1,18})/votes/?");

    /** Casts one vote: {@link VoteEndpoint#cast} in the app. */
    @FunctionalInterface
    interface Caster {
        VotingApi.ReceiptAnswer cast(long ballotId, VotingApi.VoteRequest request, String token, HttpServletRequest http);
    }

    private final Caster endpoint;
    private final ProblemResponses problems;
    private final JsonMapper json;

    VoteFastPath(Caster endpoint, ProblemResponses problems, JsonMapper json) {
        this.endpoint = endpoint;
        this.problems = problems;
        this.json = json;
    }

    /** Only token votes with a JSON body; the path itself is matched once, in {@link #doFilterInternal}. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String token = request.getHeader(VoterTokens.HEADER);
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || token == null || token.isBlank() || !json(type);
    }

    /** {@code application/json}, with or without parameters (e.g. {@code ; charset=UTF-8}), without parsing it. */
    static boolean json(@Nullable String contentType) {
        int n = MediaType.APPLICATION_JSON_VALUE.length();
        return contentType != null && contentType.regionMatches(true, 0, MediaType.APPLICATION_JSON_VALUE, 0, n)
                && (contentType.length() == n || contentType.charAt(n) == ';' || contentType.charAt(n) == ' ');
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = VOTES.matcher(request.getRequestURI());
        if (!matcher.matches()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            VotingApi.VoteRequest body = json.readValue(request.getInputStream(), VotingApi.VoteRequest.class);
            if (body == null) {
                throw UserFacingException.badInput("error.body");
            }
            VotingApi.ReceiptAnswer receipt = endpoint.cast(Long.parseLong(matcher.group(1)), body,
                    request.getHeader(VoterTokens.HEADER), request);
            response.setStatus(HttpStatus.CREATED.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(receipt));
        } catch (Overloaded e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, e.messageKey(), e.args());
        } catch (UserFacingException e) {
            problems.write(response, e.status(), e.messageKey(), e.args());
        } catch (JacksonException | NumberFormatException e) {
            problems.write(response, HttpStatus.BAD_REQUEST, "error.body");
        } catch (RuntimeException e) {
            log.error("Unexpected error while casting a vote", e);
            problems.write(response, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Runs after the rate limiter (security − 10) and before Spring Security's filter chain. */
        static final int BEFORE_SECURITY = 5;

        @Bean
        FilterRegistrationBean<VoteFastPath> voteFastPath(VoteEndpoint endpoint, ProblemResponses problems, JsonMapper json,
                Environment environment) {
            var registration = new FilterRegistrationBean<>(new VoteFastPath(endpoint::cast, problems, json));
            registration.setName("voteFastPath");
            registration.addUrlPatterns("/api/v1/voting/ballots/*");
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            int security = environment.getProperty("spring.security.filter.order", Integer.class,
                    SecurityFilterProperties.DEFAULT_FILTER_ORDER);
            registration.setOrder(security - BEFORE_SECURITY);
            return registration;
        }
    }
}
