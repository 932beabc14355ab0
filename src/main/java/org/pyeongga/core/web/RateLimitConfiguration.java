package org.pyeongga.core.web;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.pyeongga.core.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Rate limits (docs/decisions/0011-rate-limiting.md), on unless {@code pyeongga.rate-limit.enabled=false}. The filter
 * is registered here and only here (it is not a bean of its own, so Spring Boot does not register it a second time),
 * for the first dispatch of each request, just before Spring Security's filter chain and after the character
 * encoding filter (so a form body it reads is decoded as UTF-8).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "pyeongga.rate-limit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** Runs this much before Spring Security's filter chain ({@code spring.security.filter.order}, -100 by default). */
    static final int BEFORE_SECURITY = 10;

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, Clock clock,
            ProblemResponses problems, Environment environment) {
        var filter = new RateLimitFilter(new RateLimitRules(properties), new RateLimiter(clock, properties.maxKeys()),
                problems);
        var registration = new FilterRegistrationBean<>(filter);
        registration.setName("rateLimitFilter");
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        int security = environment.getProperty("spring.security.filter.order", Integer.class,
                SecurityFilterProperties.DEFAULT_FILTER_ORDER);
        registration.setOrder(security - BEFORE_SECURITY);
        return registration;
    }
}
