package org.pyeongga.evaluation;

/**
 * What an institution submits for each kind of indicator, and what must be there before its coordinator can confirm.
 * Quantitative (정량) indicators need a value and at least one evidence file; qualitative (정성) ones a 성과요약서 and
 * at least one evidence file; a bonus (가점) is optional, but one claimed needs its evidence. Penalties (감점) and
 * citizen-perceived results (국민체감도) are not the institution's to enter. (The framework editor may later make the
 * evidence requirement a per-indicator setting; docs/decisions/0017-submissions.md.)
 */
final class SubmissionRules {

    private SubmissionRules() {}

    /** May an institution enter this indicator's value? */
    static boolean institutionEntersValue(IndicatorSpec spec) {
        // INPUT: an entered input of a computed indicator (framework editor, ADR 0022)
        return spec.kind().equals("QUANTITATIVE") || spec.kind().equals("BONUS") || spec.kind().equals("INPUT");
    }

    static boolean valueRequired(IndicatorSpec spec) {
        return spec.kind().equals("QUANTITATIVE") || spec.kind().equals("INPUT");
    }

    static boolean acceptsSummary(IndicatorSpec spec) {
        return spec.kind().equals("QUALITATIVE");
    }

    static boolean summaryRequired(IndicatorSpec spec) {
        return acceptsSummary(spec);
    }

    static boolean acceptsEvidence(IndicatorSpec spec) {
        return institutionEntersValue(spec) || acceptsSummary(spec);
    }

    static boolean evidenceRequired(IndicatorSpec spec, boolean hasValue) {
        return spec.kind().equals("QUANTITATIVE") || spec.kind().equals("QUALITATIVE")
                || (spec.kind().equals("BONUS") && hasValue);
    }
}
