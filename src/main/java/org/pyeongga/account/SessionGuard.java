package org.pyeongga.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session that is no longer valid: the account was disabled, or its owner (or an administrator) chose
 * "log out everywhere", which raises the account's session epoch above the one the session started with. One
 * indexed lookup per signed-in request. Not a bean: it runs only inside the pages' security chain.
 */
class SessionGuard extends OncePerRequestFilter {

    private final Accounts accounts;

    SessionGuard(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff
                && !accounts.sessionValid(staff.id(), staff.sessionEpoch())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?error=ended");
            return;
        }
        chain.doFilter(request, response);
    }
}
