package org.pyeongga.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors. The REST API (/api/**) is stateless: reading is public, changing needs HTTP Basic credentials (and, for
 * administrators, the authenticator code in {@code X-Pyeongga-OTP}), and no cookie is ever accepted (so cross-site
 * requests cannot act for a signed-in browser). Pages use a session with form login, a second step for
 * administrators, CSRF tokens on every form, a session that ends after {@code pyeongga.account.session-timeout} without
 * a request (or everywhere at once), and administration pages need a signed-in user; what each user may do is decided
 * by each module's permission policy. Both send strict security headers (docs/decisions/0008-security.md). When an
 * institution's OpenID Provider is configured, pages also offer sign-in through it (docs/decisions/0009-oidc-login.md).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradable by prefix
    }

    /** Every page session lasts {@code pyeongga.account.session-timeout} without a request (KWCAG: warned before). */
    @Bean
    HttpSessionListener sessionTimeout(AccountProperties properties) {
        return new HttpSessionListener() {
            @Override
            public void sessionCreated(HttpSessionEvent event) {
                event.getSession().setMaxInactiveInterval((int) properties.sessionTimeout().toSeconds());
            }
        };
    }

    /**
     * Static files (styles, scripts, fonts, images) never touch the session: a font that loads late must not extend a
     * session the page has told its user is about to end.
     */
    @Bean
    @Order(0)
    SecurityFilterChain staticFiles(HttpSecurity http) throws Exception {
        return http.securityMatcher("/css/**", "/js/**", "/vendor/**", "/webjars/**", "/favicon.ico")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .csrf(csrf -> csrf.disable()) // nothing here changes anything
                .headers(SecurityConfiguration::headers)
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, Accounts accounts) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/audit/**", "/api/v1/users/**", "/api/v1/evaluations/**",
                                "/api/v1/judging/**", "/api/v1/voting/admin/**", "/api/v1/contests/admin/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        // Citizens act with a voter token (header X-Pyeongga-Voter), checked by the voting module.
                        .requestMatchers(HttpMethod.POST, "/api/v1/voting/identity", "/api/v1/voting/ballots/*/votes",
                                "/api/v1/voting/proposals", "/api/v1/voting/proposals/**").permitAll()
                        // 국민추천: a verified citizen's voter token, checked by the contest module.
                        .requestMatchers(HttpMethod.POST, "/api/v1/contests/*/nominations").permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/voting/proposals/*/supports").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Pyeongga\", charset=\"UTF-8\"");
                    problems.write(response, HttpStatus.UNAUTHORIZED, "error.unauthorized");
                }))
                .addFilterAfter(new ApiSecondFactorFilter(accounts, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(x -> x.accessDeniedHandler((request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "error.forbidden")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // stateless, no cookies: nothing for a forged request to ride on
                .headers(SecurityConfiguration::headers)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SignIns signIns, Accounts accounts, OidcProviders oidc,
            OidcSignIn oidcSignIn) throws Exception {
        http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/admin/**", "/audit/**", "/account/**", "/institutions/new",
                                "/institutions/*/reorganize", "/submissions", "/submissions/**", "/judging", "/judging/**",
                                "/contests/*/apply", "/contests/*/entries/**", "/judge", "/judge/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/login/otp", "/login/otp/cancel", "/invitation/*").permitAll()
                        // The participation portal: citizens act with a verified voter cookie, checked by the voting module.
                        .requestMatchers(HttpMethod.POST, "/participate/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler((request, response, auth) ->
                                signIns.firstFactorPassed((StaffPrincipal) auth.getPrincipal(), "password", request, response))
                        .failureHandler((request, response, e) -> response.sendRedirect("/login?error="
                                + (e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "bad"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut"))
                // The portal's forms need no session: its origin check (voting.portal.web.PortalOriginCheck) stands in
                // for the session-bound CSRF token (docs/decisions/0024-participation-portal.md).
                .csrf(csrf -> csrf.ignoringRequestMatchers("/participate/**"))
                .addFilterAfter(new SessionGuard(accounts), SecurityContextHolderFilter.class)
                .headers(SecurityConfiguration::headers);
        ClientRegistrationRepository registrations = oidc.repository();
        if (registrations != null) {
            // An institution's own SSO (docs/decisions/0009-oidc-login.md): only when registrations are configured.
            // The login page stays ours (one button per provider); OidcSignIn maps the ID token to a staff account.
            http.oauth2Login(login -> login.loginPage("/login")
                    .clientRegistrationRepository(registrations)
                    .authorizedClientRepository(new NoTokensKept())
                    .successHandler(oidcSignIn)
                    .failureHandler(oidcSignIn));
        }
        return http.build();
    }

    /**
     * Sign-in needs the provider's ID token once, never its access or refresh tokens afterwards (we call no API of
     * the provider), so none are kept: not in memory, not in the session.
     */
    private static final class NoTokensKept implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String registrationId,
                @Nullable Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, @Nullable Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
            // deliberately nothing
        }

        @Override
        public void removeAuthorizedClient(String registrationId, @Nullable Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
            // nothing was kept
        }
    }

    private static void headers(HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny());
    }
}
