package org.pyeongga.contest;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.AboutInstitutions;

/**
 * What entries publish (the audit trail records each). A citizen's nomination publishes the entry and its channel,
 * never the voter key nor anything about the citizen.
 */
public final class ContestEntryEvents {

    private ContestEntryEvents() {}

    public record ContestEntrySubmitted(long entryId, long contestId, long ownerInstitutionId, EntryChannel channel,
            @Nullable Long departmentId) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }

    /** The fact and exclusion check: accepted, or excluded with a reason. */
    public record ContestEntryChecked(long entryId, long contestId, long ownerInstitutionId, EntryStatus status,
            @Nullable ExclusionReason exclusion, String note) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }

    /** A manager confirmed that an entry repeats an earlier one (it is excluded as a duplicate). */
    public record ContestEntryMarkedDuplicate(long entryId, long duplicateOf, long contestId, long ownerInstitutionId)
            implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }

    /** The submitter withdrew their entry before the check. */
    public record ContestEntryWithdrawn(long entryId, long contestId, long ownerInstitutionId) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }

    /**
     * The submitter edited their entry before the check (revision {@code revision}; {@code changed}: FIELD, TITLE,
     * SUMMARY, PEOPLE, FILES). The content itself stays in the entry and its revision trail.
     */
    public record ContestEntryEdited(long entryId, long contestId, long ownerInstitutionId, int revision, List<String> changed)
            implements AboutInstitutions {
        public ContestEntryEdited {
            changed = List.copyOf(changed);
        }

        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }
}
