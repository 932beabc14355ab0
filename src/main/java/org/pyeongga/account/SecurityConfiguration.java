package org.pyeongga.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Texts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors. The REST API (/api/**) is stateless: reading is public, changing needs HTTP Basic credentials, and no
 * cookie is ever accepted (so cross-site requests cannot act for a signed-in browser). Pages use a session with form
 * login, CSRF tokens on every form, and administration pages need a signed-in user; what each user may do is decided
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

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Texts texts) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/audit/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, texts, HttpStatus.UNAUTHORIZED, "error.unauthorized")))
                .exceptionHandling(x -> x.accessDeniedHandler((request, response, e) ->
                        problem(response, texts, HttpStatus.FORBIDDEN, "error.forbidden")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // stateless, no cookies: nothing for a forged request to ride on
                .headers(SecurityConfiguration::headers)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, OidcProviders oidc, OidcSignIn oidcSignIn) throws Exception {
        http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/admin/**", "/audit/**", "/institutions/new", "/institutions/*/reorganize")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .failureHandler((request, response, e) -> response.sendRedirect("/login?error="
                                + (e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "bad"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut"))
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

    private static void headers(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny());
    }

    private static void problem(HttpServletResponse response, Texts texts, HttpStatus status, String key) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Pyeongga\", charset=\"UTF-8\"");
        }
        String body = "{\"type\":\"urn:pyeongga:problem:" + key + "\",\"title\":" + json(texts.korean("error.title." + status.value()))
                + ",\"status\":" + status.value() + ",\"detail\":" + json(texts.korean(key)) + ",\"code\":\"" + key
                + "\",\"detailEn\":" + json(texts.english(key)) + "}";
        response.getWriter().write(body);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
