package org.pyeongga.contest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.AwardEvents.ContestIncentiveApplied;
import org.pyeongga.contest.AwardEvents.ContestIncentiveChecked;
import org.pyeongga.contest.AwardEvents.ContestIncentiveWished;
import org.pyeongga.contest.AwardEvents.ContestIncentivesOffered;
import org.pyeongga.contest.AwardModel.AwardView;
import org.pyeongga.contest.AwardModel.Awardee;
import org.pyeongga.contest.AwardModel.AwardeeIncentive;
import org.pyeongga.contest.AwardModel.ContestFacts;
import org.pyeongga.contest.AwardModel.DecisionView;
import org.pyeongga.contest.AwardModel.HalfRule;
import org.pyeongga.contest.AwardModel.IncentiveKind;
import org.pyeongga.contest.AwardModel.Offer;
import org.pyeongga.core.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incentives for awardees: the catalogue (data, each kind marked substantial or not), the incentives offered per tier,
 * each awardee's wish (one of the offered), HR's legal eligibility check with its basis, and the date HR applied it.
 * Only the owner institution's HR officers check and apply; nothing can be wished or applied before the committee's
 * 의결. The rule that at least half of those selected receive a substantial incentive is computed here.
 */
@Service
public class Incentives {

    private final AwardStore store;
    private final Decisions decisions;
    private final AwardPermissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Incentives(AwardStore store, Decisions decisions, AwardPermissions permissions, ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.decisions = decisions;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    /** The catalogue, in its order. Public data. */
    public List<IncentiveKind> catalogue() {
        return store.catalogue();
    }

    /** The incentives offered per tier (managers and HR of the owner). */
    public List<Offer> offers(long contestId) {
        ContestFacts contest = decisions.contestOrNotFound(contestId);
        permissions.requireManageOrHr(contest.ownerInstitutionId());
        return store.offers(contestId);
    }

    /**
     * Sets the incentives offered for a tier (managers of the owner); {@code ratingPoints} is the 근무성적평정 가점 for
     * this tier when that kind is offered (the catalogue's default otherwise).
     */
    @Transactional
    public void offer(long contestId, int tierRank, List<String> codes, @Nullable BigDecimal ratingPoints) {
        ContestFacts contest = decisions.contestOrNotFound(contestId);
        permissions.requireManageOrHr(contest.ownerInstitutionId());
        contest.tier(tierRank);
        if (contest.phase().equals("PUBLISHED")) {
            throw UserFacingException.conflict("contestaward.error.offersPublished");
        }
        Map<String, IncentiveKind> kinds = new LinkedHashMap<>();
        store.catalogue().forEach(k -> kinds.put(k.code(), k));
        Map<String, @Nullable BigDecimal> chosen = new LinkedHashMap<>();
        for (String code : codes) {
            IncentiveKind kind = kinds.get(code);
            if (kind == null) {
                throw UserFacingException.badInput("contestaward.error.incentiveKind", code);
            }
            BigDecimal points = kind.points() == null ? null : ratingPoints != null ? ratingPoints : kind.points();
            if (points != null && (points.signum() <= 0 || points.compareTo(BigDecimal.TEN) >= 0)) {
                throw UserFacingException.badInput("contestaward.error.points");
            }
            chosen.put(code, points);
        }
        store.replaceOffers(contestId, tierRank, chosen);
        events.publishEvent(new ContestIncentivesOffered(contestId, contest.ownerInstitutionId(), tierRank,
                List.copyOf(chosen.keySet())));
    }

    /**
     * Offers the 행정안전부 2020 example mapping for tiers without offers: the first tier 특별승진, 특별승급 and 성과상여금
     * S; the second 대우공무원 선발 기간 단축 and 포상휴가; the others 포상휴가.
     */
    @Transactional
    public void offerDefaults(long contestId) {
        ContestFacts contest = decisions.contestOrNotFound(contestId);
        var offered = store.offers(contestId).stream().map(Offer::tierRank).collect(java.util.stream.Collectors.toSet());
        for (var tier : contest.tiers()) {
            if (offered.contains(tier.rank())) {
                continue;
            }
            List<String> codes = tier.rank() == 1 ? List.of("SPECIAL_PROMOTION", "SPECIAL_STEP_INCREASE", "PERFORMANCE_BONUS_S")
                    : tier.rank() == 2 ? List.of("HONORARY_GRADE_SHORTENED", "REWARD_LEAVE") : List.of("REWARD_LEAVE");
            offer(contestId, tier.rank(), codes, null);
        }
    }

    /** Every awardee of the current 의결 with their tier, wish, check and applied date (managers and HR of the owner). */
    public List<AwardeeIncentive> awardees(long contestId) {
        ContestFacts contest = decisions.contestOrNotFound(contestId);
        permissions.requireManageOrHr(contest.ownerInstitutionId());
        return decisions.decided(contest).map(d -> awardeesOf(contestId, d)).orElse(List.of());
    }

    List<AwardeeIncentive> awardeesOf(long contestId, DecisionView decision) {
        Map<String, IncentiveKind> kinds = new LinkedHashMap<>();
        store.catalogue().forEach(k -> kinds.put(k.code(), k));
        Map<String, AwardStore.IncentiveRow> rows = new LinkedHashMap<>();
        store.incentives(contestId).forEach(r -> rows.put(r.entryId() + "/" + r.position(), r));
        List<AwardeeIncentive> out = new ArrayList<>();
        for (AwardView award : decision.awards()) {
            for (Awardee person : award.awardees()) {
                var row = rows.get(person.entryId() + "/" + person.position());
                IncentiveKind wish = row == null || row.wishCode() == null ? null : kinds.get(row.wishCode());
                out.add(new AwardeeIncentive(person, award.tierRank(), award.tierKo(), award.tierEn(),
                        row == null ? null : row.id(), wish == null ? null : wish.code(),
                        wish == null ? null : wish.nameKo(), wish == null ? null : wish.nameEn(),
                        wish != null && wish.substantial(), row == null ? null : row.eligible(),
                        row == null ? null : row.basis(), row == null ? null : row.note(),
                        row == null ? null : row.appliedOn()));
            }
        }
        return out;
    }

    /**
     * Records an awardee's wish (one of the incentives offered for their tier): HR of the owner, or the awardee
     * themself. A changed wish needs a new eligibility check; an applied incentive cannot be changed.
     */
    @Transactional
    public void wish(long contestId, long entryId, int position, String code) {
        ContestFacts contest = decisions.contestOrNotFound(contestId);
        boolean hr = permissions.isHr(contest.ownerInstitutionId());
        Long me = permissions.userId();
        if (!hr && me == null) {
            throw AwardPermissions.forbidden();
        }
        AwardeeIncentive awardee;
        try {
            awardee = awardee(contest, entryId, position);
        } catch (UserFacingException notThere) {
            throw hr ? notThere : AwardPermissions.forbidden();
        }
        if (!hr && !Objects.equals(awardee.awardee().userId(), me)) {
            throw AwardPermissions.forbidden();
        }
        if (awardee.appliedOn() != null) {
            throw UserFacingException.conflict("contestaward.error.alreadyApplied");
        }
        boolean offered = store.offers(contestId).stream()
                .anyMatch(o -> o.tierRank() == awardee.tierRank() && o.code().equals(code));
        if (!offered) {
            throw UserFacingException.badInput("contestaward.error.notOffered");
        }
        store.wish(contestId, entryId, position, code, permissions.current().id());
        events.publishEvent(new ContestIncentiveWished(contestId, contest.ownerInstitutionId(), entryId, position, code));
    }

    /** HR's legal eligibility check of the wished incentive, with its basis (e.g. 「지방공무원 임용령」) and a note. */
    @Transactional
    public void checkEligibility(long contestId, long entryId, int position, boolean eligible, String basis,
            @Nullable String note) {
        ContestFacts contest = decisions.contestOrNotFound(contestId);
        permissions.requireHr(contest.ownerInstitutionId());
        AwardeeIncentive awardee = awardee(contest, entryId, position);
        if (awardee.wishCode() == null || awardee.id() == null) {
            throw UserFacingException.conflict("contestaward.error.noWish");
        }
        if (awardee.appliedOn() != null) {
            throw UserFacingException.conflict("contestaward.error.alreadyApplied");
        }
        if (basis == null || basis.isBlank() || basis.strip().length() > 300) {
            throw UserFacingException.badInput("contestaward.error.basis");
        }
        if (note != null && note.strip().length() > Decisions.MAX_REASON) {
            throw UserFacingException.badInput("contestaward.error.reasonLength", Decisions.MAX_REASON);
        }
        store.check(awardee.id(), eligible, basis.strip(), AwardStore.blankToNull(note), permissions.current().id());
        events.publishEvent(new ContestIncentiveChecked(contestId, contest.ownerInstitutionId(), entryId, position,
                awardee.wishCode(), eligible, basis.strip()));
    }

    /** HR marks the wished, eligible incentive applied on a date (not in the future, not before the meeting). */
    @Transactional
    public void apply(long contestId, long entryId, int position, LocalDate appliedOn) {
        ContestFacts contest = decisions.contestOrNotFound(contestId);
        permissions.requireHr(contest.ownerInstitutionId());
        DecisionView decision = decisions.decided(contest)
                .orElseThrow(() -> UserFacingException.conflict("contestaward.error.noDecision"));
        AwardeeIncentive awardee = awardee(contest, entryId, position);
        if (awardee.wishCode() == null || awardee.id() == null) {
            throw UserFacingException.conflict("contestaward.error.noWish");
        }
        if (!Boolean.TRUE.equals(awardee.eligible())) {
            throw UserFacingException.conflict("contestaward.error.notEligible");
        }
        if (awardee.appliedOn() != null) {
            throw UserFacingException.conflict("contestaward.error.alreadyApplied");
        }
        if (appliedOn == null || appliedOn.isAfter(LocalDate.now(clock)) || appliedOn.isBefore(decision.meetingDate())) {
            throw UserFacingException.badInput("contestaward.error.appliedOn");
        }
        store.apply(awardee.id(), appliedOn, permissions.current().id());
        events.publishEvent(new ContestIncentiveApplied(contestId, contest.ownerInstitutionId(), entryId, position,
                awardee.wishCode(), appliedOn));
    }

    /** The half-substantial rule for the contest's current 의결 (managers and HR of the owner). */
    public HalfRule halfRule(long contestId) {
        ContestFacts contest = decisions.contestOrNotFound(contestId);
        permissions.requireManageOrHr(contest.ownerInstitutionId());
        return decisions.decided(contest).map(d -> halfRule(awardeesOf(contestId, d))).orElse(new HalfRule(0, 0, 0, false));
    }

    static HalfRule halfRule(List<AwardeeIncentive> awardees) {
        int selected = awardees.size();
        int applied = (int) awardees.stream().filter(a -> a.wishSubstantial() && a.appliedOn() != null).count();
        int planned = (int) awardees.stream()
                .filter(a -> a.wishSubstantial() && a.appliedOn() == null && !Boolean.FALSE.equals(a.eligible())).count();
        return new HalfRule(selected, applied, planned, selected > 0 && applied * 2 >= selected);
    }

    public boolean isHr(long contestId) {
        return permissions.isHr(decisions.contestOrNotFound(contestId).ownerInstitutionId());
    }

    private AwardeeIncentive awardee(ContestFacts contest, long entryId, int position) {
        DecisionView decision = decisions.decided(contest)
                .orElseThrow(() -> UserFacingException.conflict("contestaward.error.noDecision"));
        return awardeesOf(contest.id(), decision).stream()
                .filter(a -> a.awardee().entryId() == entryId && a.awardee().position() == position).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("contestaward.error.awardee"));
    }
}
