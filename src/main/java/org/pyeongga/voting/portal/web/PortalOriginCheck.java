package org.pyeongga.voting.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery protection for the portal's forms ({@code POST /participate/**}) without a session: a
 * browser says where a request comes from ({@code Sec-Fetch-Site}, or else {@code Origin}), and anything but this
 * site is refused with 403 before a controller runs. Requests with neither header do not come from a browser page (a
 * browser sends {@code Origin} with every cross-site POST), so they carry no victim's cookie and pass. Together with
 * the voter cookie's SameSite=Lax this replaces the session-bound CSRF token there, so a vote never depends on a
 * server session (docs/decisions/0024-participation-portal.md).
 */
@Component
class PortalOriginCheck extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !(path.equals("/participate") || path.startsWith("/participate/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sameOrigin(request)) {
            response.sendError(HttpStatus.FORBIDDEN.value());
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        return origin.equalsIgnoreCase(request.getScheme() + "://" + host(request));
    }

    private static String host(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host != null && !host.isBlank()) {
            return host;
        }
        int port = request.getServerPort();
        boolean standard = port == 80 && "http".equals(request.getScheme()) || port == 443 && "https".equals(request.getScheme());
        return request.getServerName() + (standard ? "" : ":" + port);
    }
}
