package org.pyeongga.voting;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pyeongga.account.IdentityVerifier;
import org.pyeongga.account.VerifiedPerson;
import org.pyeongga.account.VoterKeys;
import org.pyeongga.core.Actor;
import org.pyeongga.core.Digests;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Ballot.Kind;
import org.pyeongga.voting.Ballot.Question;
import org.pyeongga.voting.Choice.Answer;
import org.pyeongga.voting.VotingEvents.VotingPaperVoteEntered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Casting a vote: a short path. Check the ballot (from memory), the time (received-at, to the second), eligibility and
 * the choice; then insert participation and ballot box in one transaction, shared with other votes arriving at the
 * same moment (group commit, {@link VoteWriter}); acknowledge with a receipt only after the commit. The database's
 * primary key makes a second vote by the same key impossible, whatever the channel. Nothing is published per vote.
 */
@Service
public class VoteCasting {

    private static final char[] RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RECEIPT_LENGTH = 16;

    private final Ballots ballots;
    private final VoteWriter writer;
    private final VoteStore store;
    private final VotingSecrets secrets;
    private final JsonMapper json;
    private final VotingPermissions permissions;
    private final List<IdentityVerifier> verifiers;
    private final VoterKeys voterKeys;
    private final ApplicationEventPublisher events;

    VoteCasting(Ballots ballots, VoteWriter writer, VoteStore store, VotingSecrets secrets, JsonMapper json,
            VotingPermissions permissions, List<IdentityVerifier> verifiers, VoterKeys voterKeys,
            ApplicationEventPublisher events) {
        this.ballots = ballots;
        this.writer = writer;
        this.store = store;
        this.secrets = secrets;
        this.json = json;
        this.permissions = permissions;
        this.verifiers = verifiers;
        this.voterKeys = voterKeys;
        this.events = events;
    }

    /**
     * A staff member of the owner institution enters a paper or in-person vote for a person they verified with the
     * identity check ({@code identity}: the provider's parameters; {@code provider} picks one if several): channel
     * STAFF with the staff member's account, the same one-vote-per-key rule as the web, and an audit event naming the
     * staff member and the ballot — never the person or the choice.
     */
    public Receipt enterPaperVote(long ballotId, Map<String, String> identity, Choice choice, CastContext context) {
        Actor actor = permissions.current();
        Ballot ballot = ballots.forVoting(ballotId).orElseThrow(() -> UserFacingException.notFound("voting.ballot.notFound"));
        if (actor.kind() != Actor.Kind.USER || !actor.id().startsWith("user:")
                || !permissions.canEnterPaperVotes(actor, ballot.ownerInstitutionId())) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        long staffUserId = Long.parseLong(actor.id().substring("user:".length()));
        VerifiedPerson person = verifier(identity.get("provider")).complete(identity);
        Voter voter = voterFor(person);
        Receipt receipt = cast(ballotId, voter, choice, Channel.staff(staffUserId), context);
        events.publishEvent(new VotingPaperVoteEntered(ballotId, ballot.ownerInstitutionId(), staffUserId));
        return receipt;
    }

    /** The identity verifier named {@code provider}, or the only one (404 {@code voting.identity.unavailable} if none). */
    public IdentityVerifier verifier(@org.jspecify.annotations.Nullable String provider) {
        return verifiers.stream().filter(v -> provider == null || provider.isBlank() || v.provider().equals(provider))
                .findFirst().orElseThrow(() -> UserFacingException.notFound("voting.identity.unavailable"));
    }

    /** The voter a completed identity check stands for (a citizen: no staff institutions). */
    public Voter voterFor(VerifiedPerson person) {
        return new Voter(voterKeys.keyFor(person), person.residenceCode(), Set.of());
    }

    /**
     * Casts {@code choice} for {@code voter}. Answers a receipt once stored and committed; otherwise throws
     * (nothing stored): 404 unknown ballot, 409 {@code voting.notOpen} / {@code voting.closed} by the received-at
     * time, 403 {@code voting.ineligible}, 400 for a choice the ballot does not allow, 409 {@code voting.duplicate},
     * {@link Overloaded} when the queue is full.
     */
    public Receipt cast(long ballotId, Voter voter, Choice choice, Channel channel, CastContext context) {
        Ballot ballot = ballots.forVoting(ballotId).orElseThrow(() -> UserFacingException.notFound("voting.ballot.notFound"));
        if (!ballot.accepting(context.receivedAt()) || ballot.phase() != Ballot.Phase.OPENED) {
            throw UserFacingException.conflict(context.receivedAt().isBefore(ballot.opensAt()) ? "voting.notOpen" : "voting.closed");
        }
        if (!eligible(ballot, voter)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "voting.ineligible");
        }
        String choiceJson = json.writeValueAsString(canonical(ballot, choice));
        // one draw from the shared (synchronized) generator per vote: the receipt code
        String code = new String(randomCharacters(RECEIPT_LENGTH));
        PendingVote vote = new PendingVote(ballot.id(), voter.key().value(), channel, context.receivedAt(),
                context.deviceHash(), context.networkHash(), voter.residenceCode(), context.country(), choiceJson,
                Digests.sha256Hex(code), secrets.linkTag(ballot.id(), voter.key().value()));
        if (!writer.write(vote)) {
            throw UserFacingException.conflict("voting.duplicate");
        }
        return new Receipt(formatted(code), ballot.id());
    }

    /** Whether {@code voter} may vote on {@code ballot} (staff keys only on staff ballots, citizens' never there). */
    public static boolean eligible(Ballot ballot, Voter voter) {
        return switch (ballot.eligibility()) {
            case VERIFIED -> voter.citizen();
            case REGION -> voter.citizen() && voter.residenceCode() != null && ballot.regionPrefix() != null
                    && voter.residenceCode().startsWith(ballot.regionPrefix());
            case STAFF -> !voter.citizen() && ballot.staffInstitutionId() != null
                    && voter.staffInstitutionIds().contains(ballot.staffInstitutionId());
        };
    }

    /** What a receipt code says: the ballot, counted or voided; empty for an unknown code. */
    public Optional<ReceiptCheck> check(String code) {
        String normalized = normalize(code);
        if (normalized.length() != 16) {
            return Optional.empty();
        }
        return store.receipt(Digests.sha256Hex(normalized)).flatMap(row -> ballots.find((Long) row[0]).map(b ->
                new ReceiptCheck(b.id(), b.titleKo(), b.titleEn(),
                        (Boolean) row[1] ? ReceiptCheck.Status.VOIDED : ReceiptCheck.Status.COUNTED)));
    }

    /** The stored form of a choice, checked against the ballot (400 with the reason otherwise). */
    static Map<String, Object> canonical(Ballot ballot, Choice choice) {
        Map<String, Object> stored = new LinkedHashMap<>();
        if (ballot.kind() == Kind.SURVEY) {
            if (!choice.options().isEmpty()) {
                throw UserFacingException.badInput("voting.choice.surveyAnswers");
            }
            for (Long questionId : choice.answers().keySet()) {
                if (ballot.question(questionId).isEmpty()) {
                    throw UserFacingException.badInput("voting.choice.unknownQuestion", questionId);
                }
            }
            Map<String, Object> answers = new LinkedHashMap<>();
            for (Question question : ballot.questions()) {
                Answer answer = choice.answers().get(question.id());
                if (answer == null || answer.blank()) {
                    if (question.required()) {
                        throw UserFacingException.badInput("voting.choice.required", question.labelKo(), question.labelEn());
                    }
                    continue;
                }
                answers.put(String.valueOf(question.id()), answer(question, answer));
            }
            stored.put("a", answers);
            return stored;
        }
        if (!choice.answers().isEmpty()) {
            throw UserFacingException.badInput("voting.choice.options");
        }
        List<Long> options = choice.options();
        checkOptions(options, ballot.options().stream().map(Ballot.Option::id).toList());
        int max = switch (ballot.kind()) {
            case SINGLE -> 1;
            case MULTIPLE -> ballot.maxChoices();
            default -> ballot.options().size();
        };
        if (options.isEmpty() || options.size() > max) {
            throw UserFacingException.badInput("voting.choice.count", max);
        }
        stored.put("o", options);
        return stored;
    }

    private static Map<String, Object> answer(Question question, Answer answer) {
        return switch (question.kind()) {
            case SINGLE, MULTIPLE -> {
                int max = question.kind() == Ballot.QuestionKind.SINGLE ? 1 : question.maxChoices();
                checkOptions(answer.options(), question.options().stream().map(Ballot.Option::id).toList());
                if (answer.options().size() > max || answer.scale() != null || answer.text() != null) {
                    throw UserFacingException.badInput("voting.choice.questionCount", question.labelKo(), max);
                }
                yield Map.of("o", answer.options());
            }
            case SCALE -> {
                if (answer.scale() == null || answer.scale() < Ballot.SCALE_MIN || answer.scale() > Ballot.SCALE_MAX
                        || !answer.options().isEmpty()) {
                    throw UserFacingException.badInput("voting.choice.scale", question.labelKo(), Ballot.SCALE_MIN, Ballot.SCALE_MAX);
                }
                yield Map.of("s", answer.scale());
            }
            case TEXT -> {
                String text = answer.text() == null ? "" : answer.text().strip();
                if (text.length() > question.maxLength() || !answer.options().isEmpty()) {
                    throw UserFacingException.badInput("voting.choice.textLength", question.labelKo(), question.maxLength());
                }
                yield Map.of("t", text);
            }
        };
    }

    private static void checkOptions(List<Long> chosen, List<Long> allowed) {
        Set<Long> seen = new HashSet<>();
        for (Long id : chosen) {
            if (id == null || !allowed.contains(id)) {
                throw UserFacingException.badInput("voting.choice.unknownOption", String.valueOf(id));
            }
            if (!seen.add(id)) {
                throw UserFacingException.badInput("voting.choice.twice", id);
            }
        }
    }

    /** A receipt code as shown: 16 characters (80 bits) in groups of four joined by '-'. */
    private static String formatted(String code) {
        StringBuilder shown = new StringBuilder(code.length() + code.length() / 4);
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                shown.append('-');
            }
            shown.append(code.charAt(i));
        }
        return shown.toString();
    }

    /** One draw from the shared generator per value (it is synchronized: fewer calls, less waiting at the peak). */
    private static char[] randomCharacters(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        char[] characters = new char[length];
        for (int i = 0; i < length; i++) {
            characters[i] = RECEIPT_ALPHABET[(bytes[i] & 0xff) % RECEIPT_ALPHABET.length]; // 256 is a multiple of 32
        }
        return characters;
    }

    static String normalize(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

}
