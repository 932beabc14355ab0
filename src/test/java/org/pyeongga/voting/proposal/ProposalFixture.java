package org.pyeongga.voting.proposal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.Accounts;
import org.pyeongga.account.VoterKey;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.TestUsers;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.proposal.ProposalModel.Eligibility;
import org.pyeongga.voting.proposal.ProposalModel.NewBoard;

/** Named personas for 정책장터 tests: citizens (voter keys from a name), staff of 군산시 and 논산시, boards. */
final class ProposalFixture {

    static final String GUNSAN_STAFF = "gunsan.coordinator@proposal.test.pyeongga.kr";
    static final String NONSAN_STAFF = "nonsan.coordinator@proposal.test.pyeongga.kr";
    static final String GUNSAN_EVALUATOR = "gunsan.evaluator@proposal.test.pyeongga.kr";
    /** 군산시's 행정구역 code prefix (전북특별자치도 52, 군산시 130). */
    static final String GUNSAN_REGION = "52130";

    private ProposalFixture() {}

    static long institution(InstitutionRegistry registry, String name) {
        return registry.search(new InstitutionQuery(LocalDate.parse("2024-12-31"), null, null, null, name, false), 0, 20).items()
                .stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(name))
                .id();
    }

    /** A staff account (password TestUsers.PASSWORD) with one role for one institution, created if missing. */
    static long staff(Accounts accounts, String email, long institution, Role role) {
        return accounts.idOf(email).orElseGet(() -> accounts.create(email, "정책장터 시험 " + role.name(), TestUsers.PASSWORD,
                Set.of(new Membership(institution, role))));
    }

    /** A citizen whose voter key is derived from {@code who}: the same name is the same person. */
    static Voter citizen(String who, @Nullable String residenceCode) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("citizen|" + who).getBytes(StandardCharsets.UTF_8));
            return new Voter(new VoterKey(HexFormat.of().formatHex(digest)), residenceCode, Set.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Voter citizen(String who) {
        return citizen(who, GUNSAN_REGION + "10100");
    }

    /** A board of 군산시 opened by the system (tests), VERIFIED unless a region prefix is given. */
    static long board(Proposals proposals, long institution, String title, int threshold, @Nullable String region) {
        return proposals.openBoard(new NewBoard(institution, title, "시험용 정책장터", threshold, 30,
                region == null ? Eligibility.VERIFIED : Eligibility.REGION, region));
    }
}
