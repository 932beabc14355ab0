package org.pyeongga.contest;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.AwardModel.AwardView;
import org.pyeongga.contest.AwardModel.ContestFacts;
import org.pyeongga.contest.AwardModel.DecisionView;
import org.pyeongga.contest.AwardModel.Tier;
import org.pyeongga.core.UserFacingException;
import org.springframework.stereotype.Service;

/**
 * What the public result page shows of a PUBLISHED contest: the winners by tier (case title, department, summary),
 * the method (stages with criteria and pass rules, the published final formula) and the committee's decision date.
 * Anything not published is 404, as if it did not exist. No personal data beyond what an award announcement carries.
 */
@Service
public class PublicResults {

    private final Decisions decisions;
    private final StageStore stages;
    private final FinalFormulas formulas;

    PublicResults(Decisions decisions, StageStore stages, FinalFormulas formulas) {
        this.decisions = decisions;
        this.stages = stages;
        this.formulas = formulas;
    }

    /** A tier with the cases awarded in it. */
    public record TierWinners(Tier tier, List<Winner> winners) {
        public TierWinners {
            winners = List.copyOf(winners);
        }

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? tier.nameEn() : tier.nameKo();
        }
    }

    /** An awarded case as published. */
    public record Winner(long entryId, String title, @Nullable String departmentKo, @Nullable String departmentEn,
            String summary) {

        public @Nullable String department(Locale locale) {
            return "en".equals(locale.getLanguage()) && departmentEn != null ? departmentEn : departmentKo;
        }
    }

    public record PublicResult(ContestFacts contest, java.time.LocalDate decidedOn, List<TierWinners> tiers,
            List<StageModel.StageView> stages, @Nullable FormulaVersion formula) {
        public PublicResult {
            tiers = List.copyOf(tiers);
            stages = List.copyOf(stages);
        }

        public String title(Locale locale) {
            return "en".equals(locale.getLanguage()) ? contest.titleEn() : contest.titleKo();
        }

        public String period(Locale locale) {
            return "en".equals(locale.getLanguage()) ? contest.periodEn() : contest.periodKo();
        }

        public String description(Locale locale) {
            return "en".equals(locale.getLanguage()) ? contest.descriptionEn() : contest.descriptionKo();
        }

        public String owner(Locale locale) {
            return "en".equals(locale.getLanguage()) ? contest.ownerNameEn() : contest.ownerNameKo();
        }

        public int winnerCount() {
            return tiers.stream().mapToInt(t -> t.winners().size()).sum();
        }
    }

    public PublicResult result(long contestId) {
        var published = decisions.published(contestId);
        ContestFacts contest = published.contest();
        DecisionView decision = published.decision();
        List<TierWinners> tiers = contest.tiers().stream()
                .map(t -> new TierWinners(t, decision.awards().stream().filter(a -> a.tierRank() == t.rank())
                        .map(PublicResults::winner).toList()))
                .filter(t -> !t.winners().isEmpty()).toList();
        if (tiers.isEmpty()) {
            throw UserFacingException.notFound("contestaward.error.notFound");
        }
        return new PublicResult(contest, decision.meetingDate(), tiers, stages.stages(contestId),
                formulas.published(contestId).orElse(null));
    }

    private static Winner winner(AwardView a) {
        return new Winner(a.entryId(), a.title(), a.departmentKo(), a.departmentEn(), a.summary());
    }
}
