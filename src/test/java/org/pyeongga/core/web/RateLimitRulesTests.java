package org.pyeongga.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pyeongga.core.ProblemResponses;
import org.pyeongga.core.web.RateLimiter.Charge;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests count against which limit, what a client prefers, how addresses are logged, and switching it off. */
class RateLimitRulesTests {

    final RateLimitRules defaults = new RateLimitRules(new RateLimitProperties(true, 100_000, null));

    @Test
    void aLoginCountsPerAddressAndUserNameAndPerAddress() {
        MockHttpServletRequest login = request("POST", "/login");
        login.setParameter("username", "  Kim@Example.GO.KR ");
        assertThat(describe(defaults.chargesFor(login)))
                .containsExactly("login-user 10/PT5M 203.0.113.7|kim@example.go.kr", "login-ip 300/PT1M 203.0.113.7");
        assertThat(describe(defaults.chargesFor(request("POST", "/login"))))
                .containsExactly("login-user 10/PT5M 203.0.113.7|", "login-ip 300/PT1M 203.0.113.7");
        MockHttpServletRequest huge = request("POST", "/login");
        huge.setParameter("username", "x".repeat(10_000));
        assertThat(defaults.chargesFor(huge).getFirst().key()).hasSize("203.0.113.7|".length() + RateLimitRules.MAX_USERNAME);
    }

    @Test
    void eachAbuseProneEndpointHasItsRuleAndEverythingElseNone() {
        assertThat(describe(defaults.chargesFor(request("POST", "/login/otp")))).containsExactly("login-otp 30/PT5M 203.0.113.7");
        assertThat(describe(defaults.chargesFor(request("POST", "/invitation/abc")))).containsExactly("invitation-post 20/PT10M 203.0.113.7");
        assertThat(describe(defaults.chargesFor(request("GET", "/invitation/abc")))).containsExactly("invitation-get 60/PT10M 203.0.113.7");
        assertThat(describe(defaults.chargesFor(request("POST", "/api/v1/groups")))).containsExactly("api-write 600/PT1M 203.0.113.7");
        assertThat(describe(defaults.chargesFor(request("DELETE", "/api/v1/users/1")))).containsExactly("api-write 600/PT1M 203.0.113.7");
        assertThat(describe(defaults.chargesFor(request("GET", "/api/v1/institutions")))).containsExactly("api-read 3000/PT1M 203.0.113.7");
        assertThat(describe(defaults.chargesFor(request("HEAD", "/api")))).containsExactly("api-read 3000/PT1M 203.0.113.7");
        assertThat(describe(defaults.chargesFor(request("GET", "/oauth2/authorization/boryeong")))).containsExactly("oauth2 60/PT1M 203.0.113.7");
        assertThat(describe(defaults.chargesFor(request("POST", "/participate/verify")))).containsExactly("portal-write 600/PT1M 203.0.113.7");
        assertThat(describe(defaults.chargesFor(request("POST", "/participate/ballots/7")))).containsExactly("portal-write 600/PT1M 203.0.113.7");
        assertThat(describe(defaults.chargesFor(request("POST", "/participate/proposals/3/support/")))).containsExactly("portal-write 600/PT1M 203.0.113.7");
        assertThat(describe(defaults.chargesFor(request("POST", "/login/oauth2/code/boryeong")))).containsExactly("oauth2 60/PT1M 203.0.113.7");
        for (var free : List.of(request("GET", "/login"), request("GET", "/login/otp"), request("POST", "/logout"),
                request("GET", "/api-docs"), request("GET", "/"), request("POST", "/institutions/new"),
                request("GET", "/invitation"), request("GET", "/invitation/a/b"), request("GET", "/css/pyeongga.css"),
                request("GET", "/participate"), request("GET", "/participate/ballots/7"), request("POST", "/participated"))) {
            assertThat(defaults.chargesFor(free)).as("%s %s", free.getMethod(), free.getRequestURI()).isEmpty();
        }
    }

    @Test
    void aTrailingSlashOrPathParametersDoNotDodgeARule() {
        assertThat(defaults.chargesFor(request("POST", "/login/"))).hasSize(2);
        assertThat(defaults.chargesFor(request("POST", "/login;jsessionid=x"))).hasSize(2);
        MockHttpServletRequest mapped = request("POST", "/ignored");
        mapped.setServletPath("/login/otp"); // as Tomcat decodes and maps it
        assertThat(describe(defaults.chargesFor(mapped))).containsExactly("login-otp 30/PT5M 203.0.113.7");
    }

    @Test
    void propertiesChangeALimitOrAWindowAndTheRestKeepsItsDefault() {
        var rules = new RateLimitRules(new RateLimitProperties(true, 100_000, Map.of(
                "login-user", new RateLimitProperties.Rule(3, null),
                "api-read", new RateLimitProperties.Rule(null, Duration.ofSeconds(10)))));
        MockHttpServletRequest login = request("POST", "/login");
        login.setParameter("username", "a@b.kr");
        assertThat(describe(rules.chargesFor(login))).containsExactly("login-user 3/PT5M 203.0.113.7|a@b.kr",
                "login-ip 300/PT1M 203.0.113.7");
        assertThat(describe(rules.chargesFor(request("GET", "/api/v1/groups")))).containsExactly("api-read 3000/PT10S 203.0.113.7");
        assertThatThrownBy(() -> new RateLimitRules(new RateLimitProperties(true, 1, Map.of("logn", new RateLimitProperties.Rule(1, null)))))
                .hasMessageContaining("logn");
        assertThatThrownBy(() -> new RateLimitRules(new RateLimitProperties(true, 1, Map.of("login-ip", new RateLimitProperties.Rule(0, null)))))
                .hasMessageContaining("login-ip");
    }

    @Test
    void jsonOnlyForClientsThatPreferIt() {
        assertThat(RateLimitFilter.prefersJson("application/json")).isTrue();
        assertThat(RateLimitFilter.prefersJson("application/problem+json")).isTrue();
        assertThat(RateLimitFilter.prefersJson("application/json, */*")).isTrue();
        assertThat(RateLimitFilter.prefersJson("text/html;q=0.5, application/json")).isTrue();
        assertThat(RateLimitFilter.prefersJson(
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8")).isFalse();
        assertThat(RateLimitFilter.prefersJson("application/json;q=0.5, text/html")).isFalse();
        assertThat(RateLimitFilter.prefersJson("*/*")).isFalse();
        assertThat(RateLimitFilter.prefersJson(null)).isFalse();
        assertThat(RateLimitFilter.prefersJson("not a media type")).isFalse();
    }

    @Test
    void logsShowTheNetworkNotTheAddress() {
        assertThat(RateLimitFilter.network("203.0.113.7")).isEqualTo("203.0.113.0/24");
        assertThat(RateLimitFilter.network("2001:db8:85a3:8d3:1319:8a2e:370:7348")).isEqualTo("2001:db8:85a3::/48");
        assertThat(RateLimitFilter.network("2001:db8::1")).isEqualTo("2001:db8:0::/48");
        assertThat(RateLimitFilter.network("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0::/48");
        assertThat(RateLimitFilter.network("::ffff:198.51.100.9")).isEqualTo("198.51.100.0/24");
        assertThat(RateLimitFilter.network("fe80::1%eth0")).isEqualTo("fe80:0:0::/48");
        assertThat(RateLimitFilter.network("")).isEqualTo("?");
    }

    @Test
    void theFilterIsRegisteredOnceBeforeSpringSecurityUnlessSwitchedOff() {
        var runner = new ApplicationContextRunner()
                .withUserConfiguration(RateLimitConfiguration.class)
                .withBean(Clock.class, Clock::systemUTC)
                .withBean(ProblemResponses.class, () -> mock(ProblemResponses.class));
        runner.run(context -> {
            assertThat(context).hasSingleBean(FilterRegistrationBean.class).doesNotHaveBean(RateLimitFilter.class);
            FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
            assertThat(registration.getFilter()).isInstanceOf(RateLimitFilter.class);
            assertThat(registration.getOrder()).isEqualTo(-110);
            assertThat(registration.determineDispatcherTypes()).containsExactly(jakarta.servlet.DispatcherType.REQUEST);
        });
        runner.withPropertyValues("spring.security.filter.order=5")
                .run(context -> assertThat(context.getBean(FilterRegistrationBean.class).getOrder()).isEqualTo(-5));
        runner.withPropertyValues("pyeongga.rate-limit.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
        runner.withPropertyValues("pyeongga.rate-limit.rules.login-user.limit=3", "pyeongga.rate-limit.rules.api-read.window=10s")
                .run(context -> {
                    var properties = context.getBean(RateLimitProperties.class);
                    assertThat(properties.rules().get("login-user")).isEqualTo(new RateLimitProperties.Rule(3, null));
                    assertThat(properties.rules().get("api-read").window()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(properties.maxKeys()).isEqualTo(100_000);
                });
        runner.withPropertyValues("pyeongga.rate-limit.rules.nonsense.limit=3")
                .run(context -> assertThat(context).hasFailed());
    }

    private static MockHttpServletRequest request(String method, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setRemoteAddr("203.0.113.7");
        return request;
    }

    private static List<String> describe(List<Charge> charges) {
        return charges.stream()
                .map(c -> c.limit().name() + " " + c.limit().limit() + "/" + c.limit().window() + " " + c.key())
                .toList();
    }
}
