package org.pyeongga.contest;

import java.util.List;
import org.pyeongga.core.AboutInstitutions;

/** What the stages, the formula and the ranking publish (the audit trail records each; no voter key ever). */
public final class StageEvents {

    private StageEvents() {}

    public record ContestStageAdded(long contestId, long ownerInstitutionId, long stageId, int position, String kind)
            implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }

    public record ContestStageOpened(long contestId, long ownerInstitutionId, long stageId, int entries, int judges,
            @org.jspecify.annotations.Nullable Long ballotId) implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }

    public record ContestStageClosed(long contestId, long ownerInstitutionId, long stageId, int entries, List<Long> passed)
            implements AboutInstitutions {
        public ContestStageClosed {
            passed = List.copyOf(passed);
        }

        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }

    public record ContestFormulaSaved(long contestId, long ownerInstitutionId, int version, String label)
            implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }

    public record ContestFormulaPublished(long contestId, long ownerInstitutionId, int version, String label)
            implements AboutInstitutions {
        @Override
        public List<Long> institutionIds() {
            return List.of(ownerInstitutionId);
        }
    }
}
