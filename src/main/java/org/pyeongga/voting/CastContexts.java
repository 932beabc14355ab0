package org.pyeongga.voting;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds a vote's {@link CastContext} from its request: received now, the user agent and the network prefix (/24 for
 * IPv4, /48 for IPv6) as keyed hashes (a per-deployment key: the same device or network gives the same hash on one
 * deployment and reveals nothing else), and the country from {@code pyeongga.voting.country-header} when configured.
 */
@Component
public class CastContexts {

    private final VotingSecrets.Keyed deviceKey;
    private final VotingSecrets.Keyed networkKey;
    private final @Nullable String countryHeader;
    private final Clock clock;

    CastContexts(VotingSecrets secrets, VotingProperties properties, Clock clock) {
        this.deviceKey = secrets.derived("device");
        this.networkKey = secrets.derived("network");
        this.countryHeader = properties.countryHeader() == null || properties.countryHeader().isBlank() ? null
                : properties.countryHeader();
        this.clock = clock;
    }

    /** The context of a request received now. */
    public CastContext of(HttpServletRequest request) {
        return of(request, clock.instant());
    }

    public CastContext of(HttpServletRequest request, java.time.Instant receivedAt) {
        String agent = request.getHeader("User-Agent");
        String device = agent == null || agent.isBlank() ? null : deviceKey.hex(agent).substring(0, 32);
        String prefix = networkPrefix(request.getRemoteAddr());
        String network = prefix == null ? null : networkKey.hex(prefix).substring(0, 32);
        String country = null;
        if (countryHeader != null) {
            String value = request.getHeader(countryHeader);
            if (value != null && value.strip().matches("[A-Za-z]{2}")) {
                country = value.strip().toUpperCase(Locale.ROOT);
            }
        }
        return new CastContext(receivedAt, device, network, country);
    }

    /** "203.0.113.0/24" or the first 48 bits of an IPv6 address; null if the address is not a literal. */
    static @Nullable String networkPrefix(@Nullable String address) {
        if (address == null || address.isEmpty() || !literal(address)) {
            return null;
        }
        int zone = address.indexOf('%');
        try {
            byte[] bytes = InetAddress.getByName(zone < 0 ? address : address.substring(0, zone)).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            return Arrays.toString(Arrays.copyOf(bytes, keep)) + "/" + (keep * 8);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Only hex digits, dots, colons and a zone's '%': an address literal, never a name to look up. */
    private static boolean literal(String address) {
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.' || c == ':' || c == '%')) {
                return false;
            }
        }
        return true;
    }
}
