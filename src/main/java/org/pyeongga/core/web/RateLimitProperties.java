package org.pyeongga.core.web;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits on sign-in and other endpoints worth guessing at (docs/decisions/0011-rate-limiting.md).
 *
 * <pre>
 * pyeongga.rate-limit.enabled=true                  # false: no limits at all
 * pyeongga.rate-limit.max-keys=100000               # keys tracked at most (oldest forgotten first)
 * pyeongga.rate-limit.rules.login-user.limit=10     # any rule's limit and/or window; the rest keeps its default
 * pyeongga.rate-limit.rules.login-user.window=5m
 * </pre>
 *
 * The rules and their defaults are listed in {@link RateLimitRules}.
 *
 * @param enabled whether requests are limited at all
 * @param maxKeys how many keys (rule × client address, or × address and user name) are tracked at most
 * @param rules overrides of the built-in rules, by rule name
 */
@ConfigurationProperties("pyeongga.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100000") int maxKeys,
        @Nullable Map<String, Rule> rules) {

    RateLimitProperties {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    /** A rule's overrides: what is not set keeps the built-in value. */
    record Rule(@Nullable Integer limit, @Nullable Duration window) {}
}
