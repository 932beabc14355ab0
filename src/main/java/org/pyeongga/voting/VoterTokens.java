package org.pyeongga.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.VoterKey;
import org.pyeongga.core.Actor;
import org.pyeongga.core.Membership;
import org.springframework.stereotype.Service;

/**
 * Short-lived proof that someone passed the identity check: {@code base64url(payload) + "." + base64url(HMAC-SHA256)}
 * with a key derived from {@code pyeongga.identity.voter-key-secret}, valid {@link #VALIDITY}. The API reads it from the
 * header {@code X-Pyeongga-Voter}, the portal from the HttpOnly cookie {@code PYEONGGA_VOTER}. It carries the voter key,
 * the residence code and staff institutions — never the DI or the name.
 */
@Service
public class VoterTokens {

    public static final Duration VALIDITY = Duration.ofMinutes(30);
    public static final String HEADER = "X-Pyeongga-Voter";
    public static final String COOKIE = "PYEONGGA_VOTER";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final VotingSecrets secrets;
    private final VotingSecrets.Keyed key;

    VoterTokens(VotingSecrets secrets) {
        this.secrets = secrets;
        this.key = secrets.derived("voter-token-v1");
    }

    /** A token for {@code voter}, valid from {@code now} for {@link #VALIDITY}. */
    public String issue(Voter voter, Instant now) {
        String payload = String.join("\n", "v1", voter.key().value(),
                voter.residenceCode() == null ? "" : voter.residenceCode(),
                voter.staffInstitutionIds().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")),
                String.valueOf(expiresAt(now).getEpochSecond()));
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(key.mac(payload));
    }

    public Instant expiresAt(Instant issuedAt) {
        return issuedAt.plus(VALIDITY);
    }

    /** The voter a token stands for, if it is intact, made here, and not expired at {@code now}. */
    public Optional<Voter> read(@Nullable String token, Instant now) {
        if (token == null || token.length() > 1000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] mac = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, key.mac(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\n", -1);
            if (parts.length != 5 || !parts[0].equals("v1")) {
                return Optional.empty();
            }
            if (!now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts[4])))) {
                return Optional.empty();
            }
            Set<Long> staff = new LinkedHashSet<>();
            for (String id : parts[3].split(",")) {
                if (!id.isEmpty()) {
                    staff.add(Long.parseLong(id));
                }
            }
            return Optional.of(new Voter(new VoterKey(parts[1]), parts[2].isEmpty() ? null : parts[2], staff));
        } catch (IllegalArgumentException e) { // bad Base64, number or key
            return Optional.empty();
        }
    }

    /**
     * A signed-in staff member as a voter on staff-only ballots: key HMAC(secret, "staff:" + user id), their
     * institutions from their memberships. Empty for anyone but a signed-in staff member with an institution.
     */
    public Optional<Voter> staffVoter(Actor actor) {
        if (actor.kind() != Actor.Kind.USER || !actor.id().startsWith("user:")) {
            return Optional.empty();
        }
        Set<Long> institutions = actor.memberships().stream().map(Membership::institutionId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        if (institutions.isEmpty()) {
            return Optional.empty();
        }
        long userId = Long.parseLong(actor.id().substring("user:".length()));
        return Optional.of(new Voter(staffKey(userId), null, institutions));
    }

    VoterKey staffKey(long userId) {
        return new VoterKey(HexFormat.of().formatHex(secrets.hmac("staff:" + userId)));
    }
}
