package org.pyeongga.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.IdentityProperties;
import org.pyeongga.account.VoterKey;
import org.pyeongga.core.Actor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;

/** Voter tokens: round trip; forged, tampered, expired and other deployments' tokens are refused; staff keys. */
class VoterTokensTests {

    static final String SECRET = "a-real-deployment-secret-of-sufficient-length";
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final VoterKey KEY = new VoterKey("ab".repeat(32));

    final VoterTokens tokens = new VoterTokens(new VotingSecrets(new IdentityProperties(SECRET, false)));

    @Test
    void aTokenCarriesTheVoterForThirtyMinutes() {
        Voter voter = new Voter(KEY, "4418000000", Set.of());
        String token = tokens.issue(voter, NOW);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").doesNotContain(KEY.value());
        assertThat(tokens.read(token, NOW)).contains(voter);
        assertThat(tokens.read(token, NOW.plusSeconds(29 * 60 + 59))).contains(voter);
        assertThat(tokens.read(token, NOW.plus(VoterTokens.VALIDITY))).isEmpty(); // expired
        assertThat(tokens.expiresAt(NOW)).isEqualTo(NOW.plusSeconds(1800));

        Voter staff = new Voter(KEY, null, Set.of(7L, 3L));
        assertThat(tokens.read(tokens.issue(staff, NOW), NOW)).contains(staff);
    }

    @Test
    void forgedTamperedAndForeignTokensAreRefused() {
        String token = tokens.issue(new Voter(KEY, null, Set.of()), NOW);
        String payload = token.substring(0, token.indexOf('.'));
        String mac = token.substring(token.indexOf('.') + 1);
        // someone writes their own payload (another residence) and keeps the signature
        String decoded = new String(Base64.getUrlDecoder().decode(payload));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                decoded.replace("\n\n", "\n4418000000\n").getBytes()) + "." + mac;
        assertThat(tokens.read(forged, NOW)).isEmpty();
        assertThat(tokens.read(payload + "." + mac.substring(1) + "A", NOW)).isEmpty();
        assertThat(tokens.read(payload, NOW)).isEmpty();
        assertThat(tokens.read("", NOW)).isEmpty();
        assertThat(tokens.read(null, NOW)).isEmpty();
        assertThat(tokens.read("a.b.c", NOW)).isEmpty();
        assertThat(tokens.read("!!!.???", NOW)).isEmpty();
        var otherDeployment = new VoterTokens(new VotingSecrets(new IdentityProperties(SECRET + "-other", false)));
        assertThat(otherDeployment.read(token, NOW)).isEmpty();
    }

    @Test
    void signedInStaffVoteWithAKeyOfTheirAccountAndTheirInstitutions() {
        Actor staff = new Actor(Actor.Kind.USER, "user:42", "직원", Set.of(new Membership(9L, Role.HR_OFFICER)));
        Voter voter = tokens.staffVoter(staff).orElseThrow();
        assertThat(voter.staffInstitutionIds()).containsExactly(9L);
        assertThat(voter.citizen()).isFalse();
        assertThat(voter.key()).isEqualTo(tokens.staffVoter(staff).orElseThrow().key())
                .isNotEqualTo(tokens.staffVoter(new Actor(Actor.Kind.USER, "user:43", "다른 직원",
                        Set.of(new Membership(9L, Role.HR_OFFICER)))).orElseThrow().key());
        assertThat(tokens.staffVoter(Actor.anonymous())).isEmpty();
        assertThat(tokens.staffVoter(new Actor(Actor.Kind.USER, "user:44", "외부 위원",
                Set.of(new Membership(null, Role.EVALUATOR))))).isEmpty();
    }
}
