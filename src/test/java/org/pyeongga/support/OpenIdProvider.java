package org.pyeongga.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Provider (Spring Authorization Server) for tests, started as its own small Spring application on a
 * random port of {@code localhost}: the app under test runs on {@code 127.0.0.1}, so the two never share a cookie
 * (cookies belong to a host, whatever the port), and Spring Authorization Server accepts any port for a loopback-IP
 * redirect URI (RFC 8252 §7.3), so the client can be registered before the app's random port is known.
 *
 * <p>It has one confidential client (authorization code, {@code openid email profile}, no consent screen) and the
 * given people, who sign in on its own default login page with {@link #PASSWORD}. Their ID tokens carry {@code email}
 * and {@code email_verified} only when a {@link Person} has them, so a test can leave either claim out.
 */
public final class OpenIdProvider implements AutoCloseable {

    public static final String PASSWORD = "idp-password-2026";
    public static final String CLIENT_ID = "pyeongga";
    public static final String CLIENT_SECRET = "pyeongga-test-secret";

    /** Someone with an account at the provider; {@code email} and {@code emailVerified} go into the ID token if set. */
    public record Person(String username, @Nullable String email, @Nullable Boolean emailVerified) {}

    private final ConfigurableApplicationContext context;
    private final int port;

    private OpenIdProvider(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts the provider with a client whose redirect URI is {@code http://127.0.0.1:*}/login/oauth2/code/{registrationId}. */
    public static OpenIdProvider start(String registrationId, List<Person> people) {
        SpringApplication app = new SpringApplication(Provider.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setRegisterShutdownHook(false);
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("people", new People(people)));
        String client = "--spring.security.oauth2.authorizationserver.client.pyeongga.";
        List<String> args = new ArrayList<>(List.of(
                // Not the app's application.properties: this is another application.
                "--spring.config.name=openid-provider-test",
                "--server.port=0",
                "--spring.main.register-shutdown-hook=false",
                "--logging.level.org.springframework.security=INFO",
                client + "registration.client-id=" + CLIENT_ID,
                client + "registration.client-secret={noop}" + CLIENT_SECRET,
                client + "registration.client-name=Pyeongga",
                client + "registration.client-authentication-methods=client_secret_basic",
                client + "registration.authorization-grant-types=authorization_code",
                client + "registration.redirect-uris=http://127.0.0.1/login/oauth2/code/" + registrationId,
                client + "registration.scopes=openid,email,profile",
                client + "require-authorization-consent=false"));
        return new OpenIdProvider(app.run(args.toArray(String[]::new)));
    }

    /** The issuer, e.g. {@code http://localhost:41234} (its discovery document is under {@code /.well-known/}). */
    public String issuer() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        context.close();
    }

    /** The people the provider knows, by username. */
    record People(Map<String, Person> byUsername) {
        People(List<Person> people) {
            this(people.stream().collect(Collectors.toMap(Person::username, Function.identity())));
        }
    }

    /**
     * The provider's Spring configuration. Deliberately not a {@code @Configuration}: nothing here may be picked up by
     * the component scan of the app under test ({@code org.pyeongga}), nor may this application scan anything. It
     * imports only the auto-configurations a web server with Spring Security and Spring Authorization Server needs
     * (no database, Flyway, JPA or Modulith), and adds the people and the ID token's e-mail claims.
     */
    @ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class,
        OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class
    })
    static class Provider {

        @Bean
        UserDetailsService users(People people) {
            return new InMemoryUserDetailsManager(people.byUsername().keySet().stream()
                    .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build())
                    .toList());
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> emailClaims(People people) {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                Person person = people.byUsername().get(context.getPrincipal().getName());
                if (person != null && person.email() != null) {
                    context.getClaims().claim("email", person.email());
                }
                if (person != null && person.emailVerified() != null) {
                    context.getClaims().claim("email_verified", person.emailVerified());
                }
            };
        }
    }
}
