package org.pyeongga.contest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.AwardEvents.ContestDecided;
import org.pyeongga.contest.AwardEvents.ContestPublished;
import org.pyeongga.contest.AwardEvents.WinningEntry;
import org.pyeongga.contest.AwardModel.Attendee;
import org.pyeongga.contest.AwardModel.Award;
import org.pyeongga.contest.AwardModel.AwardView;
import org.pyeongga.contest.AwardModel.Awardee;
import org.pyeongga.contest.AwardModel.ContestFacts;
import org.pyeongga.contest.AwardModel.DecisionView;
import org.pyeongga.contest.AwardModel.NewDecision;
import org.pyeongga.contest.AwardModel.Outcome;
import org.pyeongga.contest.AwardModel.Tier;
import org.pyeongga.core.UserFacingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee decision (적극행정위원회 심의·의결) on a contest: meeting date, members and attendance, the quorum check,
 * the outcome (의결 or 보류) and the award list (entry → tier). Tier counts come from the contest; more awards than a
 * tier's count need a recorded reason, and so does any difference from the ranking's proposed tiers. A decision is
 * never overwritten: a correction is a new version with its reason (docs/decisions/0032-contest-decision-incentives.md).
 */
@Service
public class Decisions {

    static final int MAX_REASON = 2000;

    private final AwardStore store;
    private final AwardPermissions permissions;
    private final ProposedTiers proposals;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final QuorumRule quorum;
    private final Contests contests;

    Decisions(AwardStore store, AwardPermissions permissions, ProposedTiers proposals, ApplicationEventPublisher events,
            Clock clock, @Value("${pyeongga.contest.decision.quorum:MAJORITY}") QuorumRule quorum, Contests contests) {
        this.contests = contests;
        this.store = store;
        this.permissions = permissions;
        this.proposals = proposals;
        this.events = events;
        this.clock = clock;
        this.quorum = quorum;
    }

    /** The quorum rules an institution can configure ({@code pyeongga.contest.decision.quorum}). */
    public enum QuorumRule {
        /** More than half of the members present (재적위원 과반수 출석). */
        MAJORITY,
        /** At least two thirds of the members present (재적위원 3분의 2 이상 출석). */
        TWO_THIRDS;

        boolean met(int present, int total) {
            return switch (this) {
                case MAJORITY -> present * 2 > total;
                case TWO_THIRDS -> present * 3 >= total * 2;
            };
        }
    }

    /** Records a decision (the first, or a correction as the next version) and returns its id. */
    @Transactional
    public long record(long contestId, NewDecision decision) {
        ContestFacts contest = contestOrNotFound(contestId);
        permissions.requireManage(contest.ownerInstitutionId());
        store.lockContest(contestId);
        if (!contest.phase().equals("JUDGING") && !contest.phase().equals("DECIDED")) {
            throw UserFacingException.conflict("contestaward.error.phase");
        }
        var previous = store.latest(contestId);
        if (contest.phase().equals("DECIDED") && decision.outcome() == Outcome.DEFERRED) {
            throw UserFacingException.conflict("contestaward.error.deferAfterDecision");
        }
        if (previous.isPresent() && previous.get().outcome() == Outcome.DECIDED && blank(decision.correctionReason())) {
            throw UserFacingException.badInput("contestaward.error.correctionReason");
        }
        if (decision.meetingDate() == null || decision.meetingDate().isAfter(LocalDate.now(clock))) {
            throw UserFacingException.badInput("contestaward.error.meetingDate");
        }
        validateAttendees(decision.attendees());
        checkReason(decision.deviationReason());
        checkReason(decision.overCountReason());
        checkReason(decision.correctionReason());
        int total = decision.attendees().size();
        int present = (int) decision.attendees().stream().filter(Attendee::present).count();
        boolean quorumMet = quorum.met(present, total);
        if (decision.outcome() == Outcome.DECIDED && !quorumMet) {
            throw UserFacingException.conflict("contestaward.error.quorum", present, total);
        }
        if (decision.outcome() == Outcome.DECIDED && decision.awards().isEmpty()) {
            throw UserFacingException.badInput("contestaward.error.noAwards");
        }
        if (decision.outcome() == Outcome.DEFERRED && !decision.awards().isEmpty()) {
            throw UserFacingException.badInput("contestaward.error.deferredAwards");
        }
        Map<Integer, Integer> perTier = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (Award award : decision.awards()) {
            Tier tier = contest.tier(award.tierRank());
            String status = store.entryStatus(contestId, award.entryId())
                    .orElseThrow(() -> UserFacingException.badInput("contestaward.error.entry", award.entryId()));
            if (status.equals("EXCLUDED") || status.equals("WITHDRAWN")) {
                throw UserFacingException.badInput("contestaward.error.entryStatus", award.entryId());
            }
            if (!seen.add(award.entryId())) {
                throw UserFacingException.badInput("contestaward.error.entryTwice", award.entryId());
            }
            perTier.merge(tier.rank(), 1, Integer::sum);
        }
        boolean overCount = contest.tiers().stream().anyMatch(t -> perTier.getOrDefault(t.rank(), 0) > t.awardCount());
        if (overCount && blank(decision.overCountReason())) {
            throw UserFacingException.badInput("contestaward.error.overCount");
        }
        Optional<Map<Long, Integer>> proposed = proposals.of(contestId);
        if (decision.outcome() == Outcome.DECIDED && proposed.isPresent() && deviates(decision.awards(), proposed.get())
                && blank(decision.deviationReason())) {
            throw UserFacingException.badInput("contestaward.error.deviation");
        }
        int version = previous.map(p -> p.version() + 1).orElse(1);
        long id = store.insertDecision(contestId, version, decision, quorum.name(), total, present, quorumMet,
                proposed.isPresent(), permissions.current().id());
        for (Award award : decision.awards()) {
            store.insertAward(id, award.entryId(), award.tierRank(),
                    proposed.map(p -> p.get(award.entryId())).orElse(null));
        }
        events.publishEvent(new ContestDecided(contestId, contest.ownerInstitutionId(), id, version,
                decision.outcome().name(), decision.awards().size(), quorumMet));
        if (decision.outcome() == Outcome.DECIDED && contest.phase().equals("JUDGING")) {
            contests.advance(contestId, Phase.DECIDED);
        }
        return id;
    }

    private static boolean deviates(List<Award> awards, Map<Long, Integer> proposed) {
        Map<Long, Integer> decided = new HashMap<>();
        awards.forEach(a -> decided.put(a.entryId(), a.tierRank()));
        return !decided.equals(proposed);
    }

    private static void validateAttendees(List<Attendee> attendees) {
        if (attendees.isEmpty()) {
            throw UserFacingException.badInput("contestaward.error.attendees");
        }
        for (Attendee a : attendees) {
            if (a.name() == null || a.name().isBlank() || a.name().strip().length() > 100 || a.affiliation() == null) {
                throw UserFacingException.badInput("contestaward.error.attendee");
            }
        }
    }

    private static void checkReason(@Nullable String reason) {
        if (reason != null && reason.strip().length() > MAX_REASON) {
            throw UserFacingException.badInput("contestaward.error.reasonLength", MAX_REASON);
        }
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /** The current decision (latest version), if any; managers and HR of the owner institution. */
    public Optional<DecisionView> current(long contestId) {
        ContestFacts contest = contestOrNotFound(contestId);
        permissions.requireManageOrHr(contest.ownerInstitutionId());
        return store.latest(contestId).map(row -> view(contest, row));
    }

    /** Every recorded version, oldest first. */
    public List<DecisionView> history(long contestId) {
        ContestFacts contest = contestOrNotFound(contestId);
        permissions.requireManageOrHr(contest.ownerInstitutionId());
        return store.versions(contestId).stream().map(row -> view(contest, row)).toList();
    }

    /** The ranking's proposed tiers (entry → tier) to start the decision from, if the judging is finished. */
    public Map<Long, Integer> proposal(long contestId) {
        ContestFacts contest = contestOrNotFound(contestId);
        permissions.requireManage(contest.ownerInstitutionId());
        return proposals.of(contestId).orElse(Map.of());
    }

    /** The contest as this module sees it (managers and HR of the owner). */
    public ContestFacts contest(long contestId) {
        ContestFacts contest = contestOrNotFound(contestId);
        permissions.requireManageOrHr(contest.ownerInstitutionId());
        return contest;
    }

    /** The entries that may be awarded (managers of the owner). */
    public List<AwardModel.Candidate> candidates(long contestId) {
        ContestFacts contest = contestOrNotFound(contestId);
        permissions.requireManage(contest.ownerInstitutionId());
        return store.candidates(contestId);
    }

    /** Contests being judged, decided or published that the caller manages or handles incentives for. */
    public List<ContestFacts> awardable() {
        List<ContestFacts> out = new ArrayList<>();
        for (long[] row : store.judgedContests()) {
            if (permissions.canManage(row[1]) || permissions.isHr(row[1])) {
                store.contest(row[0]).ifPresent(out::add);
            }
        }
        return out;
    }

    public boolean canManage(long contestId) {
        return store.contest(contestId).map(c -> permissions.canManage(c.ownerInstitutionId())).orElse(false);
    }

    /**
     * Publishes the decided results: the contest moves to PUBLISHED (through {@link Contests#advance}), which publishes
     * {@link ContestPublished} with the winning entries. Only a decided (의결) contest can be published.
     */
    @Transactional
    public void publish(long contestId) {
        ContestFacts contest = contestOrNotFound(contestId);
        permissions.requireManage(contest.ownerInstitutionId());
        if (!contest.phase().equals("DECIDED") || store.latest(contestId).filter(d -> d.outcome() == Outcome.DECIDED).isEmpty()) {
            throw UserFacingException.conflict("contestaward.error.publishUndecided");
        }
        contests.advance(contestId, Phase.PUBLISHED);
    }

    /**
     * Whoever moves a contest to PUBLISHED: refused (the transaction rolls back) without a recorded 의결; otherwise
     * {@link ContestPublished} carries the winning entries, for the case library.
     */
    @org.springframework.context.event.EventListener
    void onPhaseChanged(ContestSetupEvents.ContestPhaseChanged changed) {
        if (changed.to() != Phase.PUBLISHED) {
            return;
        }
        ContestFacts contest = contestOrNotFound(changed.contestId());
        var decision = store.latest(contest.id()).filter(d -> d.outcome() == Outcome.DECIDED)
                .orElseThrow(() -> UserFacingException.conflict("contestaward.error.publishUndecided"));
        List<WinningEntry> winners = new ArrayList<>();
        for (AwardView award : view(contest, decision).awards()) {
            winners.add(new WinningEntry(award.entryId(), award.title(), award.tierRank(), award.tierKo(),
                    award.departmentKo() == null ? "" : award.departmentKo()));
        }
        events.publishEvent(new ContestPublished(contest.id(), contest.ownerInstitutionId(), decision.version(), winners));
    }

    /** The awards of a published contest, for the public page (no permission needed; 404 unless published). */
    public PublishedResult published(long contestId) {
        ContestFacts contest = store.contest(contestId).filter(c -> c.phase().equals("PUBLISHED"))
                .orElseThrow(() -> UserFacingException.notFound("contestaward.error.notFound"));
        var decision = store.latest(contestId).filter(d -> d.outcome() == Outcome.DECIDED)
                .orElseThrow(() -> UserFacingException.notFound("contestaward.error.notFound"));
        return new PublishedResult(contest, view(contest, decision));
    }

    /** A published contest and its decision. */
    public record PublishedResult(ContestFacts contest, DecisionView decision) {}

    /** The current decided awards with their awardees, for incentives and certificates (no permission check). */
    Optional<DecisionView> decided(ContestFacts contest) {
        return store.latest(contest.id()).filter(d -> d.outcome() == Outcome.DECIDED).map(row -> view(contest, row));
    }

    ContestFacts contestOrNotFound(long contestId) {
        return store.contest(contestId).orElseThrow(() -> UserFacingException.notFound("contestaward.error.notFound"));
    }

    private DecisionView view(ContestFacts contest, AwardStore.DecisionRow row) {
        List<AwardView> awards = new ArrayList<>();
        for (AwardStore.AwardRow award : store.awards(row.id())) {
            var entry = store.entry(award.entryId());
            Tier tier = contest.tier(award.tierRank());
            awards.add(new AwardView(entry.id(), entry.title(), entry.departmentKo(), entry.departmentEn(), entry.summary(),
                    tier.rank(), tier.nameKo(), tier.nameEn(), award.proposedTierRank(), awardees(contest, entry.id())));
        }
        return new DecisionView(row.id(), row.contestId(), row.version(), row.meetingDate(), row.outcome(),
                row.quorumRule(), row.membersTotal(), row.membersPresent(), row.quorumMet(), row.proposalUsed(),
                row.deviationReason(), row.overCountReason(), row.correctionReason(), row.note(), row.recordedBy(),
                row.recordedAt(), store.attendees(row.id()), awards);
    }

    /** A best-practice case's people (with shares); for a selection of outstanding officials, the nominee only. */
    private List<Awardee> awardees(ContestFacts contest, long entryId) {
        List<Awardee> people = store.people(entryId);
        if (contest.kind().equals("OUTSTANDING_OFFICIAL") && people.size() > 1) {
            return people.subList(0, 1);
        }
        return people;
    }
}
