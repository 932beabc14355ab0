package org.pyeongga.contest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.AwardModel.AwardeeIncentive;
import org.pyeongga.contest.AwardModel.ContestFacts;
import org.pyeongga.contest.AwardModel.IncentiveKind;
import org.pyeongga.evaluation.KnownIndicatorValues;
import org.springframework.stereotype.Service;

/**
 * Statistics of an institution's decided contests and selections for a period, and the values evaluations ask for:
 * the number of officials selected per half-year (우수공무원 선발 인원), the share with a substantial incentive applied
 * and the incentives applied by kind. Indicators are recognised by explicit codes or by keywords in their names
 * (docs/decisions/0032-contest-decision-incentives.md); each value carries its source.
 */
@Service
public class ContestStatistics implements KnownIndicatorValues {

    /** Explicit indicator codes a framework may use. */
    public static final String CODE_SELECTED = "PA_OUTSTANDING_SELECTED";
    public static final String CODE_SUBSTANTIAL_SHARE = "PA_SUBSTANTIAL_SHARE";

    private static final Set<String> COUNTED_KINDS = Set.of("BEST_PRACTICE", "OUTSTANDING_OFFICIAL");

    private final AwardStore store;
    private final Decisions decisions;
    private final Incentives incentives;
    private final AwardPermissions permissions;

    ContestStatistics(AwardStore store, Decisions decisions, Incentives incentives, AwardPermissions permissions) {
        this.store = store;
        this.decisions = decisions;
        this.incentives = incentives;
        this.permissions = permissions;
    }

    /** People selected in one half-year (or a year, for contests without a half). */
    public record HalfYear(int year, @Nullable Integer half, int contests, int selected, int substantialApplied) {

        public String labelKo() {
            return year + (half == null ? "년" : half == 1 ? " 상반기" : " 하반기");
        }

        public String labelEn() {
            return year + (half == null ? "" : half == 1 ? " first half" : " second half");
        }
    }

    /** An incentive kind and how many were applied. */
    public record KindCount(String code, String nameKo, String nameEn, boolean substantial, int applied) {}

    /** The statistics of an institution for a period. */
    public record Statistics(long institutionId, LocalDate from, LocalDate to, List<HalfYear> halves, int selected,
            int substantialApplied, BigDecimal substantialSharePercent, List<KindCount> byKind) {
        public Statistics {
            halves = List.copyOf(halves);
            byKind = List.copyOf(byKind);
        }
    }

    /** For the owner's managers and HR officers. */
    public Statistics forInstitution(long institutionId, LocalDate from, LocalDate to) {
        permissions.requireManageOrHr(institutionId);
        if (from == null || to == null || to.isBefore(from)) {
            throw org.pyeongga.core.UserFacingException.badInput("contestaward.error.period");
        }
        return compute(institutionId, from, to);
    }

    Statistics compute(long institutionId, LocalDate from, LocalDate to) {
        Map<String, HalfYear> halves = new LinkedHashMap<>();
        Map<String, Integer> applied = new LinkedHashMap<>();
        int selected = 0;
        int substantial = 0;
        for (var decided : store.decidedContests(institutionId)) {
            if (!COUNTED_KINDS.contains(decided.kind()) || !overlaps(decided.year(), decided.half(), from, to)) {
                continue;
            }
            ContestFacts contest = decisions.contestOrNotFound(decided.contestId());
            var decision = decisions.decided(contest);
            if (decision.isEmpty()) {
                continue;
            }
            List<AwardeeIncentive> people = incentives.awardeesOf(contest.id(), decision.get());
            var rule = Incentives.halfRule(people);
            String key = decided.year() + "/" + decided.half();
            HalfYear before = halves.getOrDefault(key, new HalfYear(decided.year(), decided.half(), 0, 0, 0));
            halves.put(key, new HalfYear(before.year(), before.half(), before.contests() + 1,
                    before.selected() + rule.selected(), before.substantialApplied() + rule.substantialApplied()));
            selected += rule.selected();
            substantial += rule.substantialApplied();
            for (AwardeeIncentive a : people) {
                if (a.appliedOn() != null && a.wishCode() != null) {
                    applied.merge(a.wishCode(), 1, Integer::sum);
                }
            }
        }
        List<KindCount> byKind = new ArrayList<>();
        for (IncentiveKind kind : store.catalogue()) {
            byKind.add(new KindCount(kind.code(), kind.nameKo(), kind.nameEn(), kind.substantial(),
                    applied.getOrDefault(kind.code(), 0)));
        }
        BigDecimal share = selected == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(substantial * 100L).divide(BigDecimal.valueOf(selected), 1, RoundingMode.HALF_UP);
        return new Statistics(institutionId, from, to, List.copyOf(halves.values()), selected, substantial, share, byKind);
    }

    private static boolean overlaps(int year, @Nullable Integer half, LocalDate from, LocalDate to) {
        LocalDate start = LocalDate.of(year, half != null && half == 2 ? 7 : 1, 1);
        LocalDate end = half != null && half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        return !start.isAfter(to) && !end.isBefore(from);
    }

    /** Which statistic an indicator asks for, by explicit code or by keywords in its name; empty if none. */
    enum Asked {
        SELECTED,
        SUBSTANTIAL_SHARE
    }

    static Optional<Asked> asked(String code, String name) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        String n = name == null ? "" : name.replace(" ", "");
        if (c.equals(CODE_SUBSTANTIAL_SHARE) || n.contains("파격적인센티브") || n.contains("실질적인센티브")
                || n.contains("인센티브부여율") || n.contains("인센티브부여비율")) {
            return Optional.of(Asked.SUBSTANTIAL_SHARE);
        }
        if (c.equals(CODE_SELECTED) || (n.contains("우수공무원") && (n.contains("선발") || n.contains("인원")))) {
            return Optional.of(Asked.SELECTED);
        }
        return Optional.empty();
    }

    @Override
    public Optional<KnownValue> valueFor(Question question) {
        var asked = asked(question.indicatorCode(), question.indicatorName());
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        Statistics stats = compute(question.institutionId(), question.periodFrom(), question.periodTo());
        if (stats.halves().isEmpty() || (asked.get() == Asked.SUBSTANTIAL_SHARE && stats.selected() == 0)) {
            return Optional.empty();
        }
        StringBuilder source = new StringBuilder("평가 플랫폼 경진대회·선발 기록 (");
        for (int i = 0; i < stats.halves().size(); i++) {
            HalfYear h = stats.halves().get(i);
            source.append(i == 0 ? "" : ", ").append(h.labelKo()).append(' ').append(h.selected()).append("명");
            if (asked.get() == Asked.SUBSTANTIAL_SHARE) {
                source.append(" 중 파격적 인센티브 ").append(h.substantialApplied()).append("명");
            }
        }
        source.append(')');
        BigDecimal value = asked.get() == Asked.SELECTED ? BigDecimal.valueOf(stats.selected()) : stats.substantialSharePercent();
        return Optional.of(new KnownValue(value, source.toString()));
    }
}
