package org.pyeongga.voting;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.VoterKey;

/**
 * Someone who may vote: the pseudonymous voter key from the identity check (or, for a signed-in staff member, the key
 * derived from their account), the residence code when the check supplied one, and the institutions whose staff they
 * are (empty for citizens). Staff keys are for staff-only ballots: a staff key never votes on a citizens' ballot, so
 * nobody votes twice as "staff" and as "citizen".
 */
public record Voter(VoterKey key, @Nullable String residenceCode, Set<Long> staffInstitutionIds) {

    public Voter {
        staffInstitutionIds = Set.copyOf(staffInstitutionIds);
    }

    /** A citizen verified through the identity check. */
    public boolean citizen() {
        return staffInstitutionIds.isEmpty();
    }

    @Override
    public String toString() {
        return "Voter[staff=" + !citizen() + "]"; // keep the key out of logs
    }
}
