package org.pyeongga.contest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.pyeongga.scoring.FinalFormula;

/**
 * One version of a contest's final formula: components with weights adding up to 100, each scaled to 0–100 by a
 * declared rule, and the tie rule. Published to entrants before any citizen vote opens; locked once one has
 * ({@code lockedAt}): after that no new version can be saved or published.
 */
public record FormulaVersion(long id, long contestId, int version, String label, List<Component> components, String tieRule,
        Instant createdAt, @Nullable Instant publishedAt, @Nullable Instant lockedAt) {

    public FormulaVersion {
        components = List.copyOf(components);
    }

    /** What a component measures in its stage: the stage score, the panel's score alone, or the votes. */
    public enum Measure {
        STAGE_SCORE, PANEL_SCORE, VOTES;

        public String labelKey() {
            return "contestjudging.formula.measure." + name();
        }
    }

    /**
     * A component: a stage (by position) and what is taken from it, its weight, and how it becomes 0–100
     * ({@code SCORE_0_100}: a score already on 0–100; {@code VOTE_SHARE}: votes / all votes × 100; {@code MIN_MAX}:
     * (x − min)/(max − min) × 100 across the finalists).
     */
    public record Component(String code, String nameKo, String nameEn, int stage, Measure measure, BigDecimal weight,
            FinalFormula.Scaling scaling) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameKo;
        }
    }

    /** What an owner writes to save a new version. */
    public record NewFormula(String label, List<Component> components) {
        public NewFormula {
            components = components == null ? List.of() : List.copyOf(components);
        }
    }

    public boolean published() {
        return publishedAt != null;
    }
}
