package org.pyeongga.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What an institution submits for each indicator of a cycle, and what must be there before its coordinator confirms.
 * Institutions enter the values of directly entered quantitative (정량) indicators, of formula inputs (산식 입력값) and
 * of bonuses (가점); a computed indicator's value comes from its inputs, and penalties (감점), panel scores (정성) and
 * survey results (국민체감도) are not theirs to enter. Entered quantitative values and inputs are required; a bonus is
 * optional. A qualitative indicator needs its 성과요약서. Evidence: where the framework says which indicators need it
 * ({@code evidence_required}, set in the framework editor), exactly those; a framework that says it of none gets the
 * default: every required value and every qualitative indicator needs a file, and a claimed bonus does too
 * (docs/decisions/0017-submissions.md).
 */
@Component
class SubmissionRules {

    /** One indicator's needs. */
    record Rule(IndicatorSpec indicator, boolean entersValue, boolean valueRequired, boolean acceptsEvidence,
            boolean evidenceRequired, boolean evidenceIfValue, boolean acceptsSummary, @Nullable String evidenceNote) {

        boolean needsEvidence(boolean hasValue) {
            return evidenceRequired || (evidenceIfValue && hasValue);
        }
    }

    private final EvaluationStore evaluations;
    private final SubmissionStore store;

    SubmissionRules(EvaluationStore evaluations, SubmissionStore store) {
        this.evaluations = evaluations;
        this.store = store;
    }

    /** The rules of every indicator of the cycle, in the framework's order (indicator code → rule). */
    Map<String, Rule> forCycle(long cycleId) {
        var extras = store.indicatorExtras(cycleId);
        boolean frameworkSays = extras.values().stream().anyMatch(SubmissionStore.IndicatorExtra::evidenceRequired);
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (IndicatorSpec spec : evaluations.indicators(cycleId)) {
            var extra = extras.getOrDefault(spec.code(), new SubmissionStore.IndicatorExtra(null, null, false));
            String kind = spec.kind();
            boolean entered = (kind.equals("QUANTITATIVE") && extra.formula() == null) || kind.equals("INPUT");
            boolean enters = entered || kind.equals("BONUS");
            boolean summary = kind.equals("QUALITATIVE");
            boolean accepts = enters || summary;
            boolean required = frameworkSays ? accepts && extra.evidenceRequired() : entered || summary;
            boolean ifValue = !frameworkSays && kind.equals("BONUS");
            rules.put(spec.code(), new Rule(spec, enters, entered, accepts, required, ifValue, summary, extra.evidence()));
        }
        return rules;
    }
}
