package org.pyeongga.voting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pyeongga.core.Actor;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Ballot.Kind;
import org.pyeongga.voting.Ballot.Phase;
import org.pyeongga.voting.Ballot.QuestionKind;
import org.pyeongga.voting.Ballot.State;
import org.pyeongga.voting.BallotSpec.OptionSpec;
import org.pyeongga.voting.BallotSpec.QuestionSpec;
import org.pyeongga.voting.VotingEvents.VotingBallotChanged;
import org.pyeongga.voting.VotingEvents.VotingBallotCreated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ballots and surveys: owners create and edit them while in draft, open them (then they run by time), and publish
 * results after the close. Voters read announced ballots (a draft is unknown to everyone but its managers). Opened
 * ballots are cached in memory: after opening nothing a vote depends on changes.
 */
@Service
public class Ballots {

    static final int MAX_OPTIONS = 100;
    static final int MAX_QUESTIONS = 50;
    static final int MAX_TEXT = 2000;

    private final BallotStore store;
    private final VotingPermissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<Long, Ballot> opened = new ConcurrentHashMap<>();

    Ballots(BallotStore store, VotingPermissions permissions, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a draft ballot for the owner institution (managers of it only). */
    @Transactional
    public long create(BallotSpec spec) {
        permissions.requireManage(spec.ownerInstitutionId());
        validate(spec);
        long id = store.insert(spec, actorName());
        events.publishEvent(new VotingBallotCreated(id, spec.ownerInstitutionId(), spec.kind().name(), spec.titleKo()));
        return id;
    }

    /** Replaces a draft's content (the owner institution stays); refused once opened. */
    @Transactional
    public void update(long id, BallotSpec spec) {
        Ballot ballot = managed(id);
        if (ballot.phase() != Phase.DRAFT) {
            throw UserFacingException.conflict("voting.ballot.notDraft");
        }
        if (spec.ownerInstitutionId() != ballot.ownerInstitutionId()) {
            throw UserFacingException.badInput("voting.ballot.owner");
        }
        validate(spec);
        store.update(id, spec);
        events.publishEvent(new VotingBallotChanged(id, ballot.ownerInstitutionId(), "UPDATED"));
    }

    /** Opens a draft: from now on it runs by its times and nothing in it can change. */
    @Transactional
    public void open(long id) {
        Ballot ballot = managed(id);
        if (ballot.phase() != Phase.DRAFT) {
            throw UserFacingException.conflict("voting.ballot.notDraft");
        }
        if (!ballot.closesAt().isAfter(clock.instant())) {
            throw UserFacingException.badInput("voting.ballot.closesPast");
        }
        store.setPhase(id, Phase.DRAFT, Phase.OPENED, null);
        events.publishEvent(new VotingBallotChanged(id, ballot.ownerInstitutionId(), "OPENED"));
    }

    /** An announced ballot (any state but draft), or a draft for its managers; otherwise 404. */
    public Ballot ballot(long id) {
        Ballot ballot = find(id).orElseThrow(() -> UserFacingException.notFound("voting.ballot.notFound"));
        if (ballot.phase() == Phase.DRAFT && !permissions.canManage(permissions.current(), ballot.ownerInstitutionId())) {
            throw UserFacingException.notFound("voting.ballot.notFound");
        }
        return ballot;
    }

    /** A ballot a manager of its owner may change; 404 for anyone else (as if it did not exist). */
    public Ballot managed(long id) {
        Ballot ballot = store.find(id).orElseThrow(() -> UserFacingException.notFound("voting.ballot.notFound"));
        if (!permissions.canManage(permissions.current(), ballot.ownerInstitutionId())) {
            throw UserFacingException.notFound("voting.ballot.notFound");
        }
        return ballot;
    }

    /** Ballots open for voting now. */
    public List<Ballot> openBallots() {
        Instant now = clock.instant();
        return store.announced().stream().filter(b -> b.state(now) == State.OPEN).toList();
    }

    /** Every ballot but drafts (scheduled, open, closed, published), newest closing first. */
    public List<Ballot> announcedBallots() {
        return store.announced();
    }

    /** The ballots the current staff member manages (all for system administrators). */
    public List<Ballot> managedBallots() {
        Actor actor = permissions.current();
        return store.all().stream().filter(b -> permissions.canManage(actor, b.ownerInstitutionId())).toList();
    }

    public State state(Ballot ballot) {
        return ballot.state(clock.instant());
    }

    /** An announced ballot (not a draft) for voters, from memory while it runs; 404 otherwise. */
    public Ballot announced(long id) {
        return forVoting(id).orElseThrow(() -> UserFacingException.notFound("voting.ballot.notFound"));
    }

    /** For casting: an opened or published ballot from memory, else the database. Drafts are not found. */
    Optional<Ballot> forVoting(long id) {
        Ballot cached = opened.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Ballot> ballot = store.find(id).filter(b -> b.phase() != Phase.DRAFT);
        ballot.filter(b -> b.phase() == Phase.OPENED).ifPresent(b -> opened.put(id, b));
        return ballot;
    }

    Optional<Ballot> find(long id) {
        return store.find(id);
    }

    void markPublished(long id, Instant at) {
        if (!store.setPhase(id, Phase.OPENED, Phase.PUBLISHED, at)) {
            throw UserFacingException.conflict("voting.publish.already");
        }
        opened.remove(id);
    }

    private String actorName() {
        Actor actor = permissions.current();
        return actor.id();
    }

    static void validate(BallotSpec spec) {
        text(spec.titleKo(), 200, "voting.ballot.title");
        text(spec.titleEn(), 200, "voting.ballot.title");
        if (spec.descriptionKo() != null && spec.descriptionKo().length() > 4000
                || spec.descriptionEn() != null && spec.descriptionEn().length() > 4000) {
            throw UserFacingException.badInput("voting.ballot.description", 4000);
        }
        Instant opens = spec.opensAt();
        Instant closes = spec.closesAt();
        if (opens == null || closes == null || !closes.isAfter(opens)
                || !opens.truncatedTo(ChronoUnit.SECONDS).equals(opens) || !closes.truncatedTo(ChronoUnit.SECONDS).equals(closes)) {
            throw UserFacingException.badInput("voting.ballot.times");
        }
        switch (spec.eligibility()) {
            case REGION -> {
                if (spec.regionPrefix() == null || !spec.regionPrefix().matches("[0-9]{2,10}")) {
                    throw UserFacingException.badInput("voting.ballot.region");
                }
            }
            case STAFF -> {
                if (spec.staffInstitutionId() == null) {
                    throw UserFacingException.badInput("voting.ballot.staffInstitution");
                }
            }
            case VERIFIED -> { }
        }
        if (spec.kind() == Kind.SURVEY) {
            if (!spec.options().isEmpty() || spec.questions().isEmpty() || spec.questions().size() > MAX_QUESTIONS) {
                throw UserFacingException.badInput("voting.ballot.questions", MAX_QUESTIONS);
            }
            for (QuestionSpec question : spec.questions()) {
                validate(question);
            }
            return;
        }
        if (!spec.questions().isEmpty()) {
            throw UserFacingException.badInput("voting.ballot.questionsOnlySurvey");
        }
        options(spec.options(), 2);
        if (spec.kind() == Kind.MULTIPLE && (spec.maxChoices() < 1 || spec.maxChoices() > spec.options().size())) {
            throw UserFacingException.badInput("voting.ballot.maxChoices", spec.options().size());
        }
        if (spec.kind() == Kind.RANKED && spec.countingRule() == null) {
            throw UserFacingException.badInput("voting.ballot.countingRule");
        }
        if (spec.kind() != Kind.RANKED && spec.countingRule() != null) {
            throw UserFacingException.badInput("voting.ballot.countingRuleOnlyRanked");
        }
    }

    private static void validate(QuestionSpec question) {
        text(question.labelKo(), 500, "voting.ballot.questionLabel");
        text(question.labelEn(), 500, "voting.ballot.questionLabel");
        switch (question.kind()) {
            case SINGLE, MULTIPLE -> {
                options(question.options(), 2);
                if (question.kind() == QuestionKind.MULTIPLE
                        && (question.maxChoices() < 1 || question.maxChoices() > question.options().size())) {
                    throw UserFacingException.badInput("voting.ballot.maxChoices", question.options().size());
                }
            }
            case SCALE, TEXT -> {
                if (!question.options().isEmpty()) {
                    throw UserFacingException.badInput("voting.ballot.questionNoOptions");
                }
                if (question.kind() == QuestionKind.TEXT && (question.maxLength() < 1 || question.maxLength() > MAX_TEXT)) {
                    throw UserFacingException.badInput("voting.ballot.maxLength", MAX_TEXT);
                }
            }
        }
    }

    private static void options(List<OptionSpec> options, int min) {
        if (options.size() < min || options.size() > MAX_OPTIONS) {
            throw UserFacingException.badInput("voting.ballot.options", min, MAX_OPTIONS);
        }
        Set<String> seen = new HashSet<>();
        for (OptionSpec option : options) {
            text(option.labelKo(), 300, "voting.ballot.optionLabel");
            text(option.labelEn(), 300, "voting.ballot.optionLabel");
            if (!seen.add(option.labelKo().strip())) {
                throw UserFacingException.badInput("voting.ballot.optionTwice", option.labelKo().strip());
            }
        }
    }

    private static void text(String value, int max, String key) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw UserFacingException.badInput(key, max);
        }
    }
}
