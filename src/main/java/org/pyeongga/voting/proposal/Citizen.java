package org.pyeongga.voting.proposal;

import org.jspecify.annotations.Nullable;
import org.pyeongga.account.VoterKey;

/** A verified citizen as 정책장터 needs them: the pseudonymous voter key and, when known, the residence code. */
public record Citizen(VoterKey key, @Nullable String residenceCode) {}
