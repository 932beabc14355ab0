package org.pyeongga.voting.admin.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.TestUsers;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.BallotSpec;
import org.pyeongga.voting.BallotSpec.OptionSpec;
import org.pyeongga.voting.Ballots;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personas and ballots for the owners' pages tests: 보령시 owns the ballots, 논산시 is another institution. */
final class BallotAdminFixture {

    static final String COORDINATOR = "coordinator@boryeong.ballotadmin.test.pyeongga.kr";
    static final String STAFF = "staff@boryeong.ballotadmin.test.pyeongga.kr";
    static final String OTHER_COORDINATOR = "coordinator@nonsan.ballotadmin.test.pyeongga.kr";
    static final String EVALUATOR = "evaluator@ballotadmin.test.pyeongga.kr";

    private BallotAdminFixture() {}

    static long institution(InstitutionRegistry registry, String displayName) {
        String name = displayName.substring(displayName.lastIndexOf(' ') + 1);
        return registry.search(new InstitutionQuery(LocalDate.parse("2024-12-31"), null, null, null, name, false), 0, 50)
                .items().stream().filter(i -> i.displayName().equals(displayName)).findFirst().orElseThrow().id();
    }

    static long boryeong(InstitutionRegistry registry) {
        return institution(registry, "충청남도 보령시");
    }

    /** Creates the personas once (password {@link TestUsers#PASSWORD}). */
    static synchronized void personas(Accounts accounts, InstitutionRegistry registry) {
        long boryeong = boryeong(registry);
        long nonsan = institution(registry, "충청남도 논산시");
        person(accounts, COORDINATOR, "보령시 투표 총괄", new Membership(boryeong, Role.INSTITUTION_COORDINATOR));
        person(accounts, STAFF, "보령시 민원 담당", new Membership(boryeong, Role.HR_OFFICER));
        person(accounts, OTHER_COORDINATOR, "논산시 총괄", new Membership(nonsan, Role.INSTITUTION_COORDINATOR));
        person(accounts, EVALUATOR, "외부 평가위원", new Membership(null, Role.EVALUATOR));
    }

    private static void person(Accounts accounts, String email, String name, Membership membership) {
        if (!accounts.exists(email)) {
            accounts.create(email, name, TestUsers.PASSWORD, Set.of(membership));
        }
    }

    /** A single-choice ballot of 보령시 (as the system), open from an hour ago for a day; returns its id. */
    static long openBallot(Ballots ballots, InstitutionRegistry registry, String title, Ballot.Visibility visibility) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long id = ballots.create(new BallotSpec(boryeong(registry), Ballot.Kind.SINGLE, null, 1, title, title + " (en)", "", "",
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), Ballot.Eligibility.VERIFIED, null, null,
                visibility, List.of(new OptionSpec("가 후보", "Candidate A"), new OptionSpec("나 후보", "Candidate B"),
                        new OptionSpec("=다 후보", "=Candidate C")), List.of()));
        ballots.open(id);
        return id;
    }

    /** Moves a ballot's close into the past (as if time had passed), for the pages; casting refuses by time anyway. */
    static void close(JdbcClient jdbc, long ballotId) {
        jdbc.sql("update voting_ballot set closes_at = date_trunc('second', now()) - interval '1 second' where id = :id")
                .param("id", ballotId).update();
    }
}
