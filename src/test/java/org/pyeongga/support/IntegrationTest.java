package org.pyeongga.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a real embedded PostgreSQL 17 (a fresh, throw-away data folder under {@code target/}) and a real
 * HTTP port. Every test class that uses it shares one application context, hence one database server: a class that
 * changes reference data the others count on must say {@code @DirtiesContext}. Mail goes to a real SMTP server
 * ({@link TestMail}).
 *
 * <p>Rate limits are on with their defaults (docs/decisions/0011-rate-limiting.md), and every test comes from the same
 * address: sign in as one persona at most 10 times in 5 minutes ({@link Http#signedIn} reuses administrators'
 * sessions), and test a tight limit in a context of its own ({@code RateLimitIntegrationTests}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "pyeongga.db.url=",
            "pyeongga.db.embedded.data-dir=target/test-db/${random.uuid}",
            "pyeongga.db.embedded.clean=true",
            "pyeongga.db.embedded.durable=false",
            "pyeongga.demo.enabled=false",
            "logging.level.org.pyeongga=INFO",
            // Spring Authorization Server is on the test classpath only for OpenIdProvider (the tests' own IdP); its
            // auto-configuration has no business in the app, which in production does not have it at all.
            "spring.autoconfigure.exclude="
                    + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration,"
                    + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"
        })
@ContextConfiguration(initializers = TestMail.class)
public @interface IntegrationTest {}
