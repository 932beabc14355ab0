package org.pyeongga.account;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff account settings.
 *
 * @param publicUrl the address people reach Pyeongga at, for links in e-mails (e.g. {@code https://pyeongga.go.kr});
 *     when empty, the address of the request that sent the invitation is used (development only: a forged Host
 *     header would end up in the link, so production must set it)
 * @param mailFrom the sender of invitation e-mails
 * @param invitationValidity how long an invitation link can be used
 * @param sessionTimeout how long a signed-in page session lasts without a request
 * @param sessionWarning how long before the session ends the page warns and offers to extend it (KWCAG 2.2.1)
 */
@ConfigurationProperties("pyeongga.account")
public record AccountProperties(@Nullable String publicUrl, String mailFrom, Duration invitationValidity,
        Duration sessionTimeout, Duration sessionWarning) {

    public AccountProperties {
        if (mailFrom == null || mailFrom.isBlank()) {
            mailFrom = "no-reply@pyeongga.kr";
        }
        if (invitationValidity == null) {
            invitationValidity = Duration.ofHours(72);
        }
        if (sessionTimeout == null) {
            sessionTimeout = Duration.ofMinutes(30);
        }
        if (sessionWarning == null) {
            sessionWarning = Duration.ofMinutes(2);
        }
        if (sessionWarning.compareTo(sessionTimeout) >= 0) {
            sessionWarning = sessionTimeout.dividedBy(2);
        }
    }
}
