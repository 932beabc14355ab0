package org.pyeongga.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pyeongga.core.UserFacingException;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Identity checks become pseudonymous voter keys; the production profile refuses development settings. */
class CitizenIdentityTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC);
    static final String SECRET = "a-real-deployment-secret-of-sufficient-length";

    @Configuration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(UserConfigurations.of(ClockConfig.class, IdentityConfiguration.class, VoterKeys.class));

    @Test
    void samePersonSameKeyOtherPersonOrDeploymentOtherKeyAndTheKeyHidesTheDi() {
        var verifier = new DevelopmentIdentityVerifier(CLOCK);
        VerifiedPerson kim = verifier.complete(Map.of("name", "김민지", "birthDate", "1990-03-01", "testPerson", "1"));
        VerifiedPerson kimAgain = verifier.complete(Map.of("name", "김민지", "birthDate", "1990-03-01", "testPerson", "1"));
        VerifiedPerson other = verifier.complete(Map.of("name", "김민지", "birthDate", "1990-03-01", "testPerson", "2"));
        assertThat(kim.di()).hasSize(64);

        VoterKeys keys = new VoterKeys(new IdentityProperties(SECRET, false));
        VoterKeys otherDeployment = new VoterKeys(new IdentityProperties(SECRET + "-2", false));
        assertThat(keys.keyFor(kim)).isEqualTo(keys.keyFor(kimAgain));
        assertThat(keys.keyFor(kim)).isNotEqualTo(keys.keyFor(other));
        assertThat(keys.keyFor(kim)).isNotEqualTo(otherDeployment.keyFor(kim));
        assertThat(keys.keyFor(kim).value()).doesNotContain(kim.di()).hasSize(64);
        assertThat(kim.toString()).doesNotContain(kim.di(), "김민지");
    }

    @Test
    void theDevelopmentVerifierAsksForWhatItNeedsInKorean() {
        var verifier = new DevelopmentIdentityVerifier(CLOCK);
        assertThatThrownBy(() -> verifier.complete(Map.of("name", "김민지")))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("identity.dev.missing");
        assertThatThrownBy(() -> verifier.complete(Map.of("name", "김민지", "birthDate", "1990-13-01", "testPerson", "1")))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("error.date");
    }

    @Test
    void developmentStartsWithTheDevelopmentVerifier() {
        context.withPropertyValues("pyeongga.identity.development-verifier=true")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(IdentityVerifier.class).developmentOnly()).isTrue();
                });
    }

    @Test
    void productionRefusesTheDevelopmentVerifier() {
        context.withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles("prod"))
                .withPropertyValues("pyeongga.identity.development-verifier=true",
                        "pyeongga.identity.voter-key-secret=" + SECRET)
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("개발용 본인확인").hasMessageContaining("refused in production"));
    }

    @Test
    void productionRefusesTheDefaultOrAShortSecret() {
        context.withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles("prod"))
                .withPropertyValues("pyeongga.identity.development-verifier=false")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("PYEONGGA_VOTER_KEY_SECRET"));
        context.withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles("prod"))
                .withPropertyValues("pyeongga.identity.development-verifier=false",
                        "pyeongga.identity.voter-key-secret=short")
                .run(ctx -> assertThat(ctx).hasFailed());
    }

    @Test
    void productionRefusesDemoAccountsAndLinksWithoutAnHttpsAddress() {
        context.withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles("prod"))
                .withPropertyValues("pyeongga.identity.development-verifier=false",
                        "pyeongga.identity.voter-key-secret=" + SECRET, "pyeongga.demo.enabled=true",
                        "pyeongga.account.public-url=https://pyeongga.example.go.kr")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("데모 데이터"));
        context.withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles("prod"))
                .withPropertyValues("pyeongga.identity.development-verifier=false",
                        "pyeongga.identity.voter-key-secret=" + SECRET, "pyeongga.demo.enabled=false")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("pyeongga.account.public-url"));
    }

    @Test
    void productionStartsWithARealSecretAndNoDevelopmentVerifier() {
        context.withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles("prod"))
                .withPropertyValues("pyeongga.identity.development-verifier=false",
                        "pyeongga.identity.voter-key-secret=" + SECRET, "pyeongga.demo.enabled=false",
                        "pyeongga.account.public-url=https://pyeongga.example.go.kr")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(IdentityVerifier.class));
    }
}
