package org.pyeongga.voting;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.voting.Ballot.CountingRule;
import org.pyeongga.voting.Ballot.Eligibility;
import org.pyeongga.voting.Ballot.Kind;
import org.pyeongga.voting.Ballot.QuestionKind;
import org.pyeongga.voting.Ballot.Visibility;

/**
 * What an owner writes to create or change a draft ballot: options for SINGLE, MULTIPLE and RANKED, questions for
 * SURVEY. Times are cut to whole seconds. {@link Ballots} checks it and answers in Korean and English.
 */
public record BallotSpec(long ownerInstitutionId, Kind kind, @Nullable CountingRule countingRule, int maxChoices,
        String titleKo, String titleEn, @Nullable String descriptionKo, @Nullable String descriptionEn, Instant opensAt,
        Instant closesAt, Eligibility eligibility, @Nullable String regionPrefix, @Nullable Long staffInstitutionId,
        @Nullable Visibility visibility, List<OptionSpec> options, List<QuestionSpec> questions) {

    public BallotSpec {
        options = options == null ? List.of() : List.copyOf(options);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public record OptionSpec(String labelKo, String labelEn) {}

    /** {@code maxChoices} for MULTIPLE, {@code maxLength} (1–2000) for TEXT; options for SINGLE and MULTIPLE. */
    public record QuestionSpec(QuestionKind kind, String labelKo, String labelEn, boolean required, int maxChoices,
            int maxLength, List<OptionSpec> options) {
        public QuestionSpec {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }
}
