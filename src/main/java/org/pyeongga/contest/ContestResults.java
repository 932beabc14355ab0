package org.pyeongga.contest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pyeongga.contest.FormulaVersion.Component;
import org.pyeongga.contest.StageModel.Result;
import org.pyeongga.contest.StageModel.StageView;
import org.pyeongga.contest.StageModel.Status;
import org.pyeongga.core.UserFacingException;
import org.springframework.stereotype.Service;

/**
 * The final ranking of a contest once its last stage is closed: the published formula over the last stage's entries
 * (the finalists), computed by the scoring engine, with the proposed award tiers from the contest's tiers and counts
 * (최우수 1, 우수 2, 장려 2: ranks 1, 2–3, 4–5). Every score is explained by its components' raw values, scaled values
 * and weights. The committee decides on it (caward's Decisions).
 */
@Service
public class ContestResults {

    private final StageStore store;
    private final StagePermissions permissions;
    private final FinalFormulas formulas;

    ContestResults(StageStore store, StagePermissions permissions, FinalFormulas formulas) {
        this.store = store;
        this.permissions = permissions;
        this.formulas = formulas;
    }

    public List<RankedEntry> ranking(long contestId) {
        permissions.requireContest(contestId);
        List<StageView> stages = store.stages(contestId);
        if (stages.isEmpty() || stages.stream().anyMatch(s -> s.status() != Status.CLOSED)) {
            throw UserFacingException.conflict("contestjudging.ranking.notClosed");
        }
        var formula = formulas.published(contestId)
                .orElseThrow(() -> UserFacingException.conflict("contestjudging.ranking.noFormula"));
        Map<Integer, Map<Long, Result>> results = new LinkedHashMap<>();
        for (StageView s : stages) {
            Map<Long, Result> byEntry = new LinkedHashMap<>();
            store.results(s.id()).forEach(r -> byEntry.put(r.entryId(), r));
            results.put(s.position(), byEntry);
        }
        var last = stages.getLast();
        List<FormulaMath.Finalist> finalists = store.stageEntries(last.id()).stream()
                .map(e -> new FormulaMath.Finalist(e.entryId(), e.title())).toList();
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        for (var f : finalists) {
            Map<String, BigDecimal> v = new LinkedHashMap<>();
            for (Component c : formula.components()) {
                Result r = results.getOrDefault(c.stage(), Map.of()).get(f.entryId());
                BigDecimal raw = r == null ? null : switch (c.measure()) {
                    case STAGE_SCORE -> r.score();
                    case PANEL_SCORE -> r.panelScore();
                    case VOTES -> r.votes() == null ? null : BigDecimal.valueOf(r.votes());
                };
                if (raw != null) {
                    v.put(c.code(), raw);
                }
            }
            values.put(FormulaMath.unitId(f.entryId()), v);
        }
        var evaluated = FormulaMath.evaluate(formula.label(), formula.components().stream().map(FinalFormulas::engineComponent).toList(),
                finalists, values);
        var tiers = store.tiers(contestId);
        List<RankedEntry> ranking = new ArrayList<>();
        for (var f : finalists) {
            var e = evaluated.get(f.entryId());
            List<RankedEntry.ComponentValue> explanation = new ArrayList<>();
            for (Component c : formula.components()) {
                explanation.add(new RankedEntry.ComponentValue(c.code(), c.nameKo(), c.nameEn(), e.raw().get(c.code()),
                        e.scaled().get(c.code()), c.weight(), e.points().get(c.code())));
            }
            StageStore.TierRow tier = tierAt(tiers, e.position());
            ranking.add(new RankedEntry(f.entryId(), e.total(), e.position(), tier == null ? null : tier.rank(), explanation,
                    f.title(), tier == null ? null : tier.code(), tier == null ? null : tier.nameKo(),
                    tier == null ? null : tier.nameEn(), formula.version()));
        }
        ranking.sort(java.util.Comparator.comparingInt(RankedEntry::rank));
        return ranking;
    }

    private static StageStore.@org.jspecify.annotations.Nullable TierRow tierAt(List<StageStore.TierRow> tiers, int position) {
        int upTo = 0;
        for (var tier : tiers) {
            upTo += tier.count();
            if (position <= upTo) {
                return tier;
            }
        }
        return null;
    }
}
