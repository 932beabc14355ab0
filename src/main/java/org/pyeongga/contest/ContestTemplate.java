package org.pyeongga.contest;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A ready-made contest for a real case (domain brief §5.3–5.4): what {@link Contests#createFromTemplate} sets up
 * (kind, period, channels, fields, tiers with counts) and, as plain data for the stage and formula setup, the stages it
 * intends (criteria with weights, pass rule, citizen vote) and the final formula's components. The stages and formula
 * are not created here: the stage module reads them from {@link ContestTemplates#byCode(String)}.
 *
 * @param year the contest year, or null for "the current year" (and {@code half} null means "the current half" when
 *     {@code halfYearly})
 */
public record ContestTemplate(String code, String nameKo, String nameEn, ContestKind kind, String titleKo, String titleEn,
        @Nullable Integer year, @Nullable Integer half, boolean halfYearly, String periodKo, String periodEn,
        Eligibility eligible, Set<EntryChannel> channels, String descriptionKo, String descriptionEn,
        List<ContestField> fields, List<ContestTier> tiers, List<StagePlan> stages, List<FormulaPart> formula,
        String tieRuleKo, String tieRuleEn, String source) {

    public ContestTemplate {
        channels = Set.copyOf(channels);
        fields = List.copyOf(fields);
        tiers = List.copyOf(tiers);
        stages = List.copyOf(stages);
        formula = List.copyOf(formula);
    }

    public String name(String language) {
        return "en".equals(language) ? nameEn : nameKo;
    }

    /** What a stage does. */
    public enum StageKind {
        /** 서면심사 by a panel. */
        WRITTEN,
        /** 현장·발표심사 by a panel (scored live on a tablet). */
        PRESENTATION,
        /** 주민·국민투표 (a ballot from {@code voting}). */
        CITIZEN_VOTE,
        /** 국민심사단 (a citizen panel scoring like judges). */
        CITIZEN_PANEL,
        /** 적극행정위원회 심의·의결 (the decision; no scores). */
        COMMITTEE
    }

    /** A criterion and its weight (points out of 100 for the stage). */
    public record Criterion(String nameKo, String nameEn, int weight) {}

    /**
     * A stage as the template intends it.
     *
     * @param judges how many judges score (0 when not a panel)
     * @param passTopN how many go on to the next stage (null: no cut, or the last stage)
     * @param maxChoices for a citizen vote, how many entries a voter may pick (null otherwise)
     */
    public record StagePlan(int position, StageKind kind, String nameKo, String nameEn, int judges,
            List<Criterion> criteria, @Nullable Integer passTopN, @Nullable Integer maxChoices, String noteKo,
            String noteEn) {
        public StagePlan {
            criteria = List.copyOf(criteria);
        }
    }

    /**
     * One weighted component of a formula: which stage it reads, its weight, how it is scaled to 0–100.
     *
     * @param scope {@code FINAL} for the final formula, or {@code STAGE:n} for a combination that decides who passes
     *     stage n (남해: 서면 80 + 군민투표 20 → top 6)
     * @param scaling {@code AS_IS} (already 0–100), {@code VOTE_SHARE} (share of votes × 100) or {@code MIN_MAX} (min–max
     *     across the entries in the stage)
     */
    public record FormulaPart(String scope, int stagePosition, String nameKo, String nameEn, int weight, String scaling) {}
}
