package org.pyeongga.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.core.ProblemResponses;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's second factor: after HTTP Basic has checked the password, a person who must use a second factor
 * (administrators) must also send the current authenticator code in {@code X-Pyeongga-OTP}, else 401 with a Korean
 * problem detail. Not a bean: it runs only inside the API's security chain.
 */
class ApiSecondFactorFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Pyeongga-OTP";

    private final Accounts accounts;
    private final ProblemResponses problems;

    ApiSecondFactorFilter(Accounts accounts, ProblemResponses problems) {
        this.accounts = accounts;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff && accounts.needsSecondFactor(staff)) {
            try {
                accounts.verifyApiSecondFactor(staff.id(), request.getHeader(HEADER));
            } catch (UserFacingException e) {
                SecurityContextHolder.clearContext();
                problems.write(response, e.status(), e.messageKey());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
