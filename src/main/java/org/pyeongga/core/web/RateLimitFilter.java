package org.pyeongga.core.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.pyeongga.core.ProblemResponses;
import org.pyeongga.core.web.RateLimiter.Charge;
import org.pyeongga.core.web.RateLimiter.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests over a rate limit with 429 and {@code Retry-After}, before Spring Security sees them: a refused
 * sign-in is neither checked nor counted toward the account's lockout, and nothing else happens. The API (and any
 * client that prefers JSON) gets a problem detail with {@code code = rate.limited}; browsers get the KRDS error page
 * saying how many seconds to wait, in their language. Not a bean: {@link RateLimitConfiguration} registers it once.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    /** Request attribute with the seconds to wait, read by {@link ErrorPages} for the 429 page. */
    static final String RETRY_AFTER = RateLimitFilter.class.getName() + ".retryAfter";

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimitRules rules;
    private final RateLimiter limiter;
    private final ProblemResponses problems;

    RateLimitFilter(RateLimitRules rules, RateLimiter limiter, ProblemResponses problems) {
        this.rules = rules;
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<Charge> charges = rules.chargesFor(request);
        Decision decision = charges.isEmpty() ? Decision.ALLOWED : limiter.tryAcquire(charges);
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = decision.retryAfterSeconds();
        // No user name here (it is personal data); the address cut to its network is enough to see a pattern.
        log.info("Rate limit {} refused a request from {} (retry after {} s)", decision.refusedBy().name(),
                network(request.getRemoteAddr()), seconds);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (RateLimitRules.isApi(RateLimitRules.path(request)) || prefersJson(request.getHeader(HttpHeaders.ACCEPT))) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate.limited", seconds);
            return;
        }
        // The page is rendered by ErrorPages as any error page is (layout, language, security headers). It is shown
        // as the answer to a GET of /error: the refused request was not processed, so it is not repeated as a POST
        // (which Spring Security would treat as an action needing sign-in and a CSRF token).
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.TOO_MANY_REQUESTS.value());
        request.setAttribute(RETRY_AFTER, seconds);
        request.getRequestDispatcher("/error").forward(new AsGet(request), response);
    }

    /**
     * Whether the client would rather have JSON than HTML: the media type it accepts most (highest quality, then most
     * specific) is JSON. Browsers ({@code text/html,…,*}{@code /*;q=0.8}) and no Accept header at all get the page.
     */
    static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return types.stream()
                .filter(t -> t.getQualityValue() > 0)
                .filter(t -> t.isCompatibleWith(MediaType.TEXT_HTML) || isJson(t))
                .min(Comparator.comparingDouble((MediaType t) -> -t.getQualityValue())
                        .thenComparingInt(t -> t.isWildcardType() ? 2 : t.isWildcardSubtype() ? 1 : 0))
                .map(t -> !t.isCompatibleWith(MediaType.TEXT_HTML))
                .orElse(false);
    }

    private static boolean isJson(MediaType type) {
        return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
    }

    /** An address cut to its network for logs: 203.0.113.0/24, 2001:db8:85a3::/48. */
    static String network(String address) {
        if (address == null || address.isBlank()) {
            return "?";
        }
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        int lastColon = a.lastIndexOf(':');
        if (lastColon < 0) {
            int dot = a.lastIndexOf('.');
            return dot < 0 ? "?" : a.substring(0, dot) + ".0/24";
        }
        if (a.indexOf('.', lastColon) >= 0) {
            return network(a.substring(lastColon + 1)); // IPv4-mapped (::ffff:203.0.113.7)
        }
        String[] groups = new String[8];
        Arrays.fill(groups, "0");
        String[] halves = a.split("::", -1);
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
        String[] tail = halves.length < 2 || halves[1].isEmpty() ? new String[0] : halves[1].split(":");
        for (int i = 0; i < head.length && i < 8; i++) {
            groups[i] = head[i];
        }
        for (int i = 0; i < tail.length; i++) {
            if (8 - tail.length + i >= 0) {
                groups[8 - tail.length + i] = tail[i];
            }
        }
        return groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48";
    }

    /** The refused request, seen by the error page's dispatch as a GET. */
    private static final class AsGet extends HttpServletRequestWrapper {

        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }
}
