package org.pyeongga.voting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.Accounts;
import org.pyeongga.account.VoterKey;
import org.pyeongga.core.Digests;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.TestUsers;
import org.pyeongga.voting.Ballot.Eligibility;
import org.pyeongga.voting.Ballot.Kind;
import org.pyeongga.voting.Ballot.Visibility;
import org.pyeongga.voting.BallotSpec.OptionSpec;
import org.pyeongga.voting.BallotSpec.QuestionSpec;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Ballots, voters and staff people for voting tests (each test makes its own ballots; votes never collide). */
final class VotingFixture {

    static final String BORYEONG_COORDINATOR = "coordinator@boryeong.voting.test.pyeongga.kr";
    static final String GUNSAN_COORDINATOR = "coordinator@gunsan.voting.test.pyeongga.kr";
    static final String BORYEONG_CLERK = "clerk@boryeong.voting.test.pyeongga.kr";

    private VotingFixture() {}

    static long institution(InstitutionRegistry registry, String name) {
        return registry.search(new InstitutionQuery(LocalDate.parse("2024-12-31"), null, null, null, name, false), 0, 50)
                .items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().id();
    }

    static void people(Accounts accounts, InstitutionRegistry registry) {
        person(accounts, BORYEONG_COORDINATOR, institution(registry, "보령시"), Role.INSTITUTION_COORDINATOR);
        person(accounts, GUNSAN_COORDINATOR, institution(registry, "군산시"), Role.INSTITUTION_COORDINATOR);
        person(accounts, BORYEONG_CLERK, institution(registry, "보령시"), Role.HR_OFFICER);
    }

    private static void person(Accounts accounts, String email, long institution, Role role) {
        if (!accounts.exists(email)) {
            try {
                accounts.create(email, "시험 " + email, TestUsers.PASSWORD, Set.of(new Membership(institution, role)));
            } catch (RuntimeException raced) {
                // another test class created it meanwhile
            }
        }
    }

    /** Runs {@code work} as the signed-in {@code email}, then signs out again. */
    static <T> T as(UserDetailsService users, String email, Supplier<T> work) {
        return org.pyeongga.support.SignedIn.as(users, email, work);
    }

    /** Moves a ballot's period into the past (as if time had passed), so it is closed. */
    static void closeNow(org.springframework.jdbc.core.simple.JdbcClient jdbc, long ballotId) {
        jdbc.sql("""
                update voting_ballot set opens_at = now() - interval '2 hours',
                    closes_at = date_trunc('second', now()) - interval '1 hour' where id = :id""").param("id", ballotId).update();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static BallotSpec single(long owner, String title, Instant opens, Instant closes, Eligibility eligibility,
            @Nullable String region, @Nullable Long staffInstitution, Visibility visibility) {
        return new BallotSpec(owner, Kind.SINGLE, null, 1, title, title + " (en)", "설명", "Description", opens, closes,
                eligibility, region, staffInstitution, visibility,
                List.of(new OptionSpec("가안", "Plan A"), new OptionSpec("나안", "Plan B"), new OptionSpec("다안", "Plan C")),
                List.of());
    }

    static BallotSpec single(long owner, String title) {
        return single(owner, title, now().minusSeconds(60), now().plusSeconds(3600), Eligibility.VERIFIED, null, null,
                Visibility.HIDDEN_UNTIL_PUBLISHED);
    }

    static BallotSpec survey(long owner, String title) {
        return new BallotSpec(owner, Kind.SURVEY, null, 1, title, title + " (en)", null, null, now().minusSeconds(60),
                now().plusSeconds(3600), Eligibility.VERIFIED, null, null, Visibility.HIDDEN_UNTIL_PUBLISHED, List.of(),
                List.of(new QuestionSpec(Ballot.QuestionKind.MULTIPLE, "뉴스 최대 2개", "Up to two news", true, 2, 0,
                                List.of(new OptionSpec("가", "A"), new OptionSpec("나", "B"), new OptionSpec("다", "C"))),
                        new QuestionSpec(Ballot.QuestionKind.SCALE, "만족도", "Satisfaction", true, 1, 0, List.of()),
                        new QuestionSpec(Ballot.QuestionKind.TEXT, "의견", "Comment", false, 1, 20, List.of())));
    }

    /** A citizen voter nobody else uses: a fresh random key. */
    static Voter citizen(@Nullable String residence) {
        return new Voter(new VoterKey(Digests.sha256Hex(java.util.UUID.randomUUID().toString())), residence, Set.of());
    }
}
