package org.pyeongga.core.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.pyeongga.core.web.RateLimiter.Charge;
import org.pyeongga.core.web.RateLimiter.Limit;

/**
 * Which limits a request counts against. The client is {@code request.getRemoteAddr()}: the proxy's address unless
 * Spring Boot is told to trust forwarded headers ({@code server.forward-headers-strategy=native} or {@code framework}
 * behind a proxy that sets them), never an {@code X-Forwarded-For} a client could write itself.
 *
 * <table>
 *   <caption>Rules (defaults; each can be changed with {@code pyeongga.rate-limit.rules.<name>.limit|window})</caption>
 *   <tr><th>name</th><th>requests</th><th>per</th><th>at most</th></tr>
 *   <tr><td>login-user</td><td>POST /login</td><td>address + submitted user name (lower case)</td><td>10 / 5 min</td></tr>
 *   <tr><td>login-ip</td><td>POST /login</td><td>address</td><td>300 / 1 min</td></tr>
 *   <tr><td>login-otp</td><td>POST /login/otp</td><td>address</td><td>30 / 5 min</td></tr>
 *   <tr><td>invitation-post</td><td>POST (any but GET, HEAD, OPTIONS) /invitation/*</td><td>address</td><td>20 / 10 min</td></tr>
 *   <tr><td>invitation-get</td><td>GET, HEAD, OPTIONS /invitation/*</td><td>address</td><td>60 / 10 min</td></tr>
 *   <tr><td>api-write</td><td>any but GET, HEAD, OPTIONS /api/**</td><td>address</td><td>600 / 1 min</td></tr>
 *   <tr><td>api-read</td><td>GET, HEAD, OPTIONS /api/**</td><td>address</td><td>3000 / 1 min</td></tr>
 *   <tr><td>portal-write</td><td>any but GET, HEAD, OPTIONS /participate/** (the citizens' portal: identity check,
 *       votes, survey answers, proposals, supports, nominations)</td><td>address</td><td>600 / 1 min</td></tr>
 *   <tr><td>oauth2</td><td>/oauth2/authorization/*, /login/oauth2/code/* (any method: an OP may answer by POST)</td><td>address</td><td>60 / 1 min</td></tr>
 * </table>
 *
 * Paths are compared after the container has decoded them and removed {@code ;parameters}, with a trailing slash
 * ignored, so {@code /login/} or {@code /login;x=1} count as {@code /login}.
 */
final class RateLimitRules {

    static final Map<String, Limit> DEFAULTS = defaults(
            new Limit("login-user", 10, Duration.ofMinutes(5)),
            new Limit("login-ip", 300, Duration.ofMinutes(1)),
            new Limit("login-otp", 30, Duration.ofMinutes(5)),
            new Limit("invitation-post", 20, Duration.ofMinutes(10)),
            new Limit("invitation-get", 60, Duration.ofMinutes(10)),
            new Limit("api-write", 600, Duration.ofMinutes(1)),
            new Limit("api-read", 3000, Duration.ofMinutes(1)),
            new Limit("portal-write", 600, Duration.ofMinutes(1)),
            new Limit("oauth2", 60, Duration.ofMinutes(1)));

    /** Long enough for any e-mail address (RFC 5321: 254); a longer "user name" is cut, not refused. */
    static final int MAX_USERNAME = 254;

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern INVITATION = Pattern.compile("/invitation/[^/]+");
    private static final Pattern OAUTH2 = Pattern.compile("/oauth2/authorization/[^/]+|/login/oauth2/code/[^/]+");

    private final Limit loginUser;
    private final Limit loginIp;
    private final Limit loginOtp;
    private final Limit invitationPost;
    private final Limit invitationGet;
    private final Limit apiWrite;
    private final Limit apiRead;
    private final Limit portalWrite;
    private final Limit oauth2;

    RateLimitRules(RateLimitProperties properties) {
        Set<String> unknown = new TreeSet<>(properties.rules().keySet());
        unknown.removeAll(DEFAULTS.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown pyeongga.rate-limit.rules " + unknown + "; known: "
                    + DEFAULTS.keySet());
        }
        Map<String, Limit> limits = new LinkedHashMap<>();
        DEFAULTS.forEach((name, limit) -> {
            RateLimitProperties.Rule rule = properties.rules().get(name);
            limits.put(name, rule == null ? limit : new Limit(name,
                    rule.limit() == null ? limit.limit() : rule.limit(),
                    rule.window() == null ? limit.window() : rule.window()));
        });
        loginUser = limits.get("login-user");
        loginIp = limits.get("login-ip");
        loginOtp = limits.get("login-otp");
        invitationPost = limits.get("invitation-post");
        invitationGet = limits.get("invitation-get");
        apiWrite = limits.get("api-write");
        apiRead = limits.get("api-read");
        portalWrite = limits.get("portal-write");
        oauth2 = limits.get("oauth2");
    }

    /** The limits {@code request} counts against (none for most requests). */
    List<Charge> chargesFor(HttpServletRequest request) {
        String path = path(request);
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        boolean safe = SAFE_METHODS.contains(method);
        String client = request.getRemoteAddr();
        if (isApi(path)) {
            return List.of(new Charge(safe ? apiRead : apiWrite, client));
        }
        if (!safe && isPortal(path)) {
            // per address, as loose as the API's writes: many citizens share one address behind a carrier's NAT
            return List.of(new Charge(portalWrite, client));
        }
        if (path.equals("/login") && method.equals("POST")) {
            // Tomcat parses the form body here; the parameters stay available to Spring Security's login filter.
            return List.of(new Charge(loginUser, client + '|' + username(request)), new Charge(loginIp, client));
        }
        if (path.equals("/login/otp") && method.equals("POST")) {
            return List.of(new Charge(loginOtp, client));
        }
        if (INVITATION.matcher(path).matches()) {
            return List.of(new Charge(safe ? invitationGet : invitationPost, client));
        }
        if (OAUTH2.matcher(path).matches()) {
            return List.of(new Charge(oauth2, client));
        }
        return List.of();
    }

    /** The path inside the application as the container decoded and normalised it, without a trailing slash. */
    static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty()) {
            path = request.getRequestURI().substring(request.getContextPath().length());
            int parameters = path.indexOf(';');
            path = parameters < 0 ? path : path.substring(0, parameters);
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    static boolean isPortal(String path) {
        return path.equals("/participate") || path.startsWith("/participate/");
    }

    private static String username(HttpServletRequest request) {
        String name = request.getParameter("username");
        if (name == null) {
            return "";
        }
        name = name.strip().toLowerCase(Locale.ROOT);
        return name.length() > MAX_USERNAME ? name.substring(0, MAX_USERNAME) : name;
    }

    private static Map<String, Limit> defaults(Limit... limits) {
        Map<String, Limit> byName = new LinkedHashMap<>();
        for (Limit limit : limits) {
            byName.put(limit.name(), limit);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }
}
