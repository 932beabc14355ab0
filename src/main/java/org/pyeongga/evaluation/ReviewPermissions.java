package org.pyeongga.evaluation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Actor;
import org.pyeongga.core.Role;
import org.springframework.stereotype.Component;

/**
 * Who sees and does what in cross-review (상호열람 → 이의신청 → 검토의견 → 판정 → 집합검증), per stage and party: the one
 * place the rules live (docs/decisions/0018-cross-review.md has them as a table). Pure: every answer depends only on
 * the actor, the party they are to the thing asked about, and where the cycle's stages stand now.
 */
@Component
public class ReviewPermissions {

    /** What the actor is to an objection (or to another institution's submission, with the group). */
    public enum Party {
        /** Program or system administrator (or the system itself). */
        ADMIN,
        /** A member of the institution that filed the objection. */
        OBJECTOR,
        /** A member of the institution the objection is against (or whose submission it is). */
        OBJECTED_TO,
        /** A member of another institution of the same evaluation group in the cycle. */
        SAME_GROUP,
        /** A member of an institution in another group, or of none in the cycle. */
        OTHER_GROUP,
        /** Not signed in. */
        ANONYMOUS
    }

    /** Where one stage stands now. */
    public enum Phase {
        UNSCHEDULED,
        BEFORE,
        OPEN,
        CLOSED;

        /** Has the stage opened (now open or already closed)? */
        public boolean reached() {
            return this == OPEN || this == CLOSED;
        }
    }

    /** Where each stage of one cycle stands at one instant. */
    public record Stages(Map<CycleStage, Phase> phases) {

        public Stages {
            phases = Map.copyOf(phases);
        }

        public static Stages at(Map<CycleStage, StageWindow> windows, Instant now) {
            Map<CycleStage, Phase> phases = new EnumMap<>(CycleStage.class);
            for (CycleStage stage : CycleStage.values()) {
                StageWindow w = windows.get(stage);
                phases.put(stage, w == null ? Phase.UNSCHEDULED
                        : now.isBefore(w.opensAt()) ? Phase.BEFORE : w.isOpenAt(now) ? Phase.OPEN : Phase.CLOSED);
            }
            return new Stages(phases);
        }

        public Phase of(CycleStage stage) {
            return phases.getOrDefault(stage, Phase.UNSCHEDULED);
        }

        public boolean open(CycleStage stage) {
            return of(stage) == Phase.OPEN;
        }
    }

    /** Roles that act for an institution in cross-review: its coordinator (기관 총괄) and indicator owners (지표 담당자). */
    static final Set<Role> INSTITUTION_ROLES = Set.of(Role.INSTITUTION_COORDINATOR, Role.INDICATOR_OWNER);

    public boolean isAdmin(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.SYSTEM_ADMIN) || actor.hasRole(Role.PROGRAM_ADMIN);
    }

    /** The institutions the actor acts for in cross-review. */
    public Set<Long> institutions(Actor actor) {
        return actor.memberships().stream().filter(m -> m.institutionId() != null && INSTITUTION_ROLES.contains(m.role()))
                .map(m -> m.institutionId()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The actor's party towards an institution's submission or an objection: {@code groups} maps the cycle's target
     * institutions to their group; {@code objector} is null when asking about a submission.
     */
    public Party party(Actor actor, long objectedTo, @Nullable Long objector, Map<Long, String> groups) {
        if (isAdmin(actor)) {
            return Party.ADMIN;
        }
        if (actor.kind() != Actor.Kind.USER) {
            return Party.ANONYMOUS;
        }
        Set<Long> mine = institutions(actor);
        if (objector != null && mine.contains(objector)) {
            return Party.OBJECTOR;
        }
        if (mine.contains(objectedTo)) {
            return Party.OBJECTED_TO;
        }
        String group = groups.get(objectedTo);
        boolean sameGroup = group != null && mine.stream().anyMatch(i -> group.equals(groups.get(i)));
        return sameGroup ? Party.SAME_GROUP : Party.OTHER_GROUP;
    }

    // --- 상호열람: another institution's qualitative submission (case summaries, evidence list and files) ---

    /** Others' submissions are open to their group while mutual viewing or objections are open; own ones always. */
    public boolean canViewSubmission(Party party, Stages stages) {
        return switch (party) {
            case ADMIN, OBJECTED_TO -> true;
            case SAME_GROUP -> stages.open(CycleStage.MUTUAL_VIEWING) || stages.open(CycleStage.OBJECTION);
            default -> false;
        };
    }

    // --- 이의신청 ---

    /** An institution objects to another of its group while the objection stage is open (administrators do not object). */
    public boolean canFile(Party partyToTarget, Stages stages) {
        return partyToTarget == Party.SAME_GROUP && stages.open(CycleStage.OBJECTION);
    }

    /** The objector sees its objection at once; the objected-to institution from the answer stage on; no one else. */
    public boolean canSeeObjection(Party party, Stages stages) {
        return switch (party) {
            case ADMIN, OBJECTOR -> true;
            case OBJECTED_TO -> stages.of(CycleStage.OBJECTION_ANSWER).reached();
            default -> false;
        };
    }

    /** Who filed it: hidden from the objected-to institution when the cycle says so; administrators always see it. */
    public boolean canSeeObjector(Party party, boolean objectorHidden) {
        return party == Party.ADMIN || party == Party.OBJECTOR || (party == Party.OBJECTED_TO && !objectorHidden);
    }

    // --- 검토의견 ---

    public boolean canAnswer(Party party, Stages stages) {
        return party == Party.OBJECTED_TO && stages.open(CycleStage.OBJECTION_ANSWER);
    }

    /** The objector reads the answer once the answer stage has closed or the objection is ruled (then it is final). */
    public boolean canSeeAnswer(Party party, Stages stages, boolean ruled) {
        return switch (party) {
            case ADMIN, OBJECTED_TO -> true;
            case OBJECTOR -> ruled || stages.of(CycleStage.OBJECTION_ANSWER) == Phase.CLOSED;
            default -> false;
        };
    }

    // --- 판정 ---

    public boolean canRule(Party party, Stages stages) {
        return party == Party.ADMIN && stages.open(CycleStage.RULING);
    }

    /** A ruling is final when given: both parties see it (and the value it changed) at once. */
    public boolean canSeeRuling(Party party) {
        return party == Party.ADMIN || party == Party.OBJECTOR || party == Party.OBJECTED_TO;
    }

    // --- 집합검증 ---

    /** Administrators mark evidence during the verification stage (verifiers are program administrators for now). */
    public boolean canVerify(Party party, Stages stages) {
        return party == Party.ADMIN && stages.open(CycleStage.VERIFICATION);
    }

    /** The institution sees its own evidence's marks; other institutions never do. */
    public boolean canSeeVerification(Party party) {
        return party == Party.ADMIN || party == Party.OBJECTED_TO;
    }

    /** Stages an institution's review page lists a cycle for. */
    static final List<CycleStage> REVIEW_STAGES = List.of(CycleStage.MUTUAL_VIEWING, CycleStage.OBJECTION,
            CycleStage.OBJECTION_ANSWER, CycleStage.RULING, CycleStage.VERIFICATION);
}
