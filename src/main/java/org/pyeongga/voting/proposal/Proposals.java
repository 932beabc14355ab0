package org.pyeongga.voting.proposal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Actor;
import org.pyeongga.core.Digests;
import org.pyeongga.core.ResultPage;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.organization.InstitutionSummary;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.proposal.ProposalEvents.ProposalAnswerRevised;
import org.pyeongga.voting.proposal.ProposalEvents.ProposalAnswered;
import org.pyeongga.voting.proposal.ProposalEvents.ProposalBoardOpened;
import org.pyeongga.voting.proposal.ProposalEvents.ProposalBoardStateChanged;
import org.pyeongga.voting.proposal.ProposalEvents.ProposalHidden;
import org.pyeongga.voting.proposal.ProposalEvents.ProposalRestored;
import org.pyeongga.voting.proposal.ProposalEvents.ProposalSubmitted;
import org.pyeongga.voting.proposal.ProposalEvents.ProposalThresholdReached;
import org.pyeongga.voting.proposal.ProposalModel.AnswerKind;
import org.pyeongga.voting.proposal.ProposalModel.AnswerVersion;
import org.pyeongga.voting.proposal.ProposalModel.Board;
import org.pyeongga.voting.proposal.ProposalModel.Eligibility;
import org.pyeongga.voting.proposal.ProposalModel.NewBoard;
import org.pyeongga.voting.proposal.ProposalModel.NewProposal;
import org.pyeongga.voting.proposal.ProposalModel.Proposal;
import org.pyeongga.voting.proposal.ProposalModel.Query;
import org.pyeongga.voting.proposal.ProposalModel.Status;
import org.pyeongga.voting.proposal.ProposalModel.StatusCounts;
import org.pyeongga.voting.proposal.ProposalModel.SupportState;
import org.pyeongga.voting.proposal.ProposalModel.Viewing;
import org.pyeongga.voting.proposal.ProposalStore.BoardRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 정책장터 (policy proposals): an institution's boards, proposals by verified citizens, supports (one per voter key
 * per proposal, by the database), the threshold after which the institution owes an official answer by a deadline,
 * moderation and answers by the institution's staff. Support counts are public; who supported is never shown.
 */
@Service
public class Proposals {

    static final int MAX_TITLE = 100;
    static final int MAX_BODY = 4000;
    static final int MAX_REASON = 500;
    static final int MAX_PAGE_SIZE = 50;
    /** A citizen may submit this many proposals per board in 24 hours (spam brake; supports are not limited). */
    static final int MAX_PROPOSALS_PER_DAY = 5;

    private final ProposalStore store;
    private final ProposalPermissions permissions;
    private final InstitutionRegistry registry;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Proposals(ProposalStore store, ProposalPermissions permissions, InstitutionRegistry registry,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.permissions = permissions;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    // ---- boards

    /** Opens a board for an institution the current staff member manages. */
    @Transactional
    public long openBoard(NewBoard board) {
        Actor actor = permissions.requireManager();
        if (!ProposalPermissions.canManage(actor, board.institutionId())) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        registry.get(board.institutionId(), registry.today());
        String title = board.title() == null ? "" : board.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw UserFacingException.badInput("proposal.board.title", MAX_TITLE);
        }
        String description = board.description() == null ? "" : board.description().strip();
        if (description.length() > 2000) {
            throw UserFacingException.badInput("proposal.board.description", 2000);
        }
        if (board.supportThreshold() < 1 || board.supportThreshold() > 1_000_000) {
            throw UserFacingException.badInput("proposal.board.threshold");
        }
        if (board.answerDays() < 1 || board.answerDays() > 365) {
            throw UserFacingException.badInput("proposal.board.answerDays");
        }
        if (board.eligibility() == null) {
            throw UserFacingException.badInput("proposal.board.eligibility");
        }
        String prefix = board.regionPrefix() == null || board.regionPrefix().isBlank() ? null : board.regionPrefix().strip();
        if (board.eligibility() == Eligibility.REGION ? prefix == null || !prefix.matches("[0-9]{2,10}") : prefix != null) {
            throw UserFacingException.badInput("proposal.board.region");
        }
        long id = store.insertBoard(new NewBoard(board.institutionId(), title, description, board.supportThreshold(),
                board.answerDays(), board.eligibility(), prefix), title, description, actor.id());
        events.publishEvent(new ProposalBoardOpened(id, board.institutionId(), title, board.supportThreshold(),
                board.answerDays(), board.eligibility().name(), prefix));
        return id;
    }

    /** Opens or closes a board: a closed one takes no proposals, supports or withdrawals (answers still can be given). */
    @Transactional
    public void setBoardOpen(long boardId, boolean open) {
        BoardRow board = boardRow(boardId);
        permissions.requireManage(board.institutionId(), "proposal.board.notFound", boardId);
        if (board.open() != open) {
            store.setOpen(boardId, open);
            events.publishEvent(new ProposalBoardStateChanged(boardId, board.institutionId(), open));
        }
    }

    /** Every board, open ones first (public). */
    public List<Board> boards() {
        return withNames(store.boards());
    }

    public Board board(long boardId) {
        return withNames(List.of(boardRow(boardId))).getFirst();
    }

    /** The boards the current staff member manages. */
    public List<Board> managedBoards() {
        Actor actor = permissions.requireManager();
        Set<Long> institutions = ProposalPermissions.managedInstitutions(actor);
        return withNames(institutions == null ? store.boards() : store.boardsOf(institutions));
    }

    /** A board the current staff member manages (404 for another institution's). */
    public Board managedBoard(long boardId) {
        BoardRow board = boardRow(boardId);
        permissions.requireManage(board.institutionId(), "proposal.board.notFound", boardId);
        return withNames(List.of(board)).getFirst();
    }

    /** Institutions the current staff member may open a board for (administrators: empty, they type the id). */
    public List<InstitutionSummary> managedInstitutions() {
        Set<Long> ids = ProposalPermissions.managedInstitutions(permissions.requireManager());
        return ids == null ? List.of() : registry.getAll(ids, registry.today());
    }

    private BoardRow boardRow(long boardId) {
        return store.board(boardId).orElseThrow(() -> UserFacingException.notFound("proposal.board.notFound", boardId));
    }

    private List<Board> withNames(List<BoardRow> rows) {
        Map<Long, String> names = registry.getAll(rows.stream().map(BoardRow::institutionId).toList(), registry.today())
                .stream().collect(Collectors.toMap(InstitutionSummary::id, InstitutionSummary::name, (a, b) -> a));
        return rows.stream().map(b -> new Board(b.id(), b.institutionId(), names.getOrDefault(b.institutionId(), ""), b.title(),
                b.description(), b.supportThreshold(), b.answerDays(), b.eligibility(), b.regionPrefix(), b.open(), b.proposals()))
                .toList();
    }

    // ---- citizens

    /** Whether the citizen may propose and support on this board. */
    public boolean eligible(Board board, Voter citizen) {
        return ProposalPermissions.eligible(board.eligibility(), board.regionPrefix(), citizen);
    }

    /** A verified citizen submits a proposal; it starts with the author's own support (counted once). */
    @Transactional
    public long submit(long boardId, Voter citizen, NewProposal proposal) {
        BoardRow board = boardRow(boardId);
        requireParticipation(board, citizen);
        String title = proposal.title() == null ? "" : proposal.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw UserFacingException.badInput("proposal.title.invalid", MAX_TITLE);
        }
        String body = proposal.body() == null ? "" : proposal.body().strip();
        if (body.isEmpty() || body.length() > MAX_BODY) {
            throw UserFacingException.badInput("proposal.body.invalid", MAX_BODY);
        }
        if (proposal.category() == null) {
            throw UserFacingException.badInput("proposal.category.invalid");
        }
        Instant now = clock.instant();
        String key = citizen.key().value();
        if (store.proposalsSince(boardId, key, now.minus(Duration.ofDays(1))) >= MAX_PROPOSALS_PER_DAY) {
            throw UserFacingException.conflict("proposal.tooMany", MAX_PROPOSALS_PER_DAY);
        }
        long id = store.insertProposal(boardId, key, nickname(boardId, key), title, body, proposal.category(), now);
        events.publishEvent(new ProposalSubmitted(id, boardId, board.institutionId(), proposal.category().name()));
        store.insertSupport(id, key);
        afterCountChange(id, board, store.addToCount(id, 1), now);
        return id;
    }

    /** A citizen supports a proposal: once per voter key (a second time answers 409, changing nothing). */
    @Transactional
    public SupportState support(long proposalId, Voter citizen) {
        Proposal proposal = visible(proposalId, citizen);
        BoardRow board = boardRow(proposal.boardId());
        requireParticipation(board, citizen);
        if (proposal.status() == Status.ANSWERED) {
            throw UserFacingException.conflict("proposal.answered");
        }
        String key = citizen.key().value();
        if (!store.insertSupport(proposalId, key)) {
            throw UserFacingException.conflict("proposal.support.duplicate");
        }
        Instant now = clock.instant();
        int count = store.addToCount(proposalId, 1);
        Status status = afterCountChange(proposalId, board, count, now);
        return new SupportState(proposalId, count, status, true);
    }

    /** A citizen withdraws their support while the board is open. */
    @Transactional
    public SupportState withdraw(long proposalId, Voter citizen) {
        Proposal proposal = visible(proposalId, citizen);
        BoardRow board = boardRow(proposal.boardId());
        if (!board.open()) {
            throw UserFacingException.conflict("proposal.board.closed");
        }
        if (!store.deleteSupport(proposalId, citizen.key().value())) {
            throw UserFacingException.conflict("proposal.support.none");
        }
        int count = store.addToCount(proposalId, -1);
        return new SupportState(proposalId, count, proposal.status(), false);
    }

    private void requireParticipation(BoardRow board, Voter citizen) {
        if (!board.open()) {
            throw UserFacingException.conflict("proposal.board.closed");
        }
        if (!ProposalPermissions.eligible(board.eligibility(), board.regionPrefix(), citizen)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "proposal.ineligible");
        }
    }

    /** Reaching the threshold (once) starts the answer deadline; a later withdrawal does not undo it. */
    private Status afterCountChange(long proposalId, BoardRow board, int count, Instant now) {
        Proposal proposal = store.proposal(proposalId).orElseThrow();
        if (proposal.status() == Status.OPEN && count >= board.supportThreshold()) {
            Instant due = now.plus(Duration.ofDays(board.answerDays()));
            if (store.markThresholdReached(proposalId, now, due)) {
                events.publishEvent(new ProposalThresholdReached(proposalId, board.id(), board.institutionId(), count,
                        due.toString()));
                return Status.AWAITING_ANSWER;
            }
        }
        return proposal.status();
    }

    /** A public list of a board's proposals (hidden ones never appear). */
    public ResultPage<Proposal> list(Query query) {
        boardRow(query.boardId());
        int offset = ResultPage.offset(query.page(), query.size(), MAX_PAGE_SIZE);
        return new ResultPage<>(store.list(query, offset).stream().map(Proposals::publicView).toList(), query.page(),
                query.size(), store.count(query));
    }

    public StatusCounts statusCounts(long boardId) {
        boardRow(boardId);
        return store.statusCounts(boardId);
    }

    /**
     * One proposal as a citizen (or nobody) sees it. A hidden proposal exists only for its author, who sees why it
     * was hidden; for everyone else it answers 404.
     */
    public Viewing view(long proposalId, @Nullable Voter viewer) {
        Proposal proposal = visible(proposalId, viewer);
        boolean mine = viewer != null && store.isAuthor(proposalId, viewer.key().value());
        boolean supported = viewer != null && store.supports(proposalId, viewer.key().value());
        return new Viewing(mine ? proposal : publicView(proposal), board(proposal.boardId()), mine, supported,
                publicAnswerVersions(proposalId));
    }

    /** Every version of a proposal's official answer, newest first, as anyone may see it: without who wrote it. */
    private List<AnswerVersion> publicAnswerVersions(long proposalId) {
        return store.answerVersions(proposalId).stream()
                .map(v -> new AnswerVersion(v.version(), v.kind(), v.text(), v.reason(), v.answeredAt(), null)).toList();
    }

    /** A citizen's own proposals on a board, hidden ones included (with the reason). */
    public List<Proposal> mine(long boardId, Voter citizen) {
        boardRow(boardId);
        return store.byAuthor(boardId, citizen.key().value());
    }

    private Proposal visible(long proposalId, @Nullable Voter viewer) {
        Proposal proposal = store.proposal(proposalId)
                .orElseThrow(() -> UserFacingException.notFound("proposal.notFound", proposalId));
        if (proposal.hidden() && (viewer == null || !store.isAuthor(proposalId, viewer.key().value()))) {
            throw UserFacingException.notFound("proposal.notFound", proposalId);
        }
        return proposal;
    }

    /** What anyone may see of a proposal: the moderation note is for the author and staff only. */
    private static Proposal publicView(Proposal p) {
        return p.hiddenReason() == null ? p : new Proposal(p.id(), p.boardId(), p.nickname(), p.title(), p.body(), p.category(),
                p.status(), p.supportCount(), p.supportThreshold(), p.submittedAt(), p.thresholdReachedAt(), p.answerDue(),
                p.hidden(), null, p.answerKind(), p.answerText(), p.answeredAt(), p.answerRevisions());
    }

    /** The nickname code of an author on a board (e.g. 7F3A): stable for them there, meaningless elsewhere. */
    static String nickname(long boardId, String key) {
        return Digests.sha256Hex("pyeongga-proposal-nickname|" + boardId + "|" + key).substring(0, 4)
                .toUpperCase(Locale.ROOT);
    }

    // ---- staff of the board's institution

    /** Every proposal of a managed board, hidden ones included, newest first. */
    public List<Proposal> moderation(long boardId, @Nullable Status status, boolean hiddenOnly) {
        managedBoard(boardId);
        return store.all(boardId, status, hiddenOnly);
    }

    /** One proposal of a managed board, hidden or not. */
    public Proposal managedProposal(long proposalId) {
        return managed(proposalId);
    }

    @Transactional
    public void hide(long proposalId, @Nullable String reason) {
        Proposal proposal = managed(proposalId);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > MAX_REASON) {
            throw UserFacingException.badInput("proposal.reason.invalid", MAX_REASON);
        }
        if (!store.hide(proposalId, text, permissions.current().id(), clock.instant())) {
            throw UserFacingException.conflict("proposal.hidden.already");
        }
        events.publishEvent(new ProposalHidden(proposalId, proposal.boardId(), institutionOf(proposal), text));
    }

    @Transactional
    public void restore(long proposalId) {
        Proposal proposal = managed(proposalId);
        if (!store.restore(proposalId)) {
            throw UserFacingException.conflict("proposal.hidden.not");
        }
        events.publishEvent(new ProposalRestored(proposalId, proposal.boardId(), institutionOf(proposal)));
    }

    /** Publishes the official answer (once); a hidden proposal cannot be answered. */
    @Transactional
    public void answer(long proposalId, @Nullable AnswerKind kind, @Nullable String text) {
        Proposal proposal = managed(proposalId);
        String body = answerText(kind, text);
        if (proposal.hidden()) {
            throw UserFacingException.conflict("proposal.answer.hidden");
        }
        Actor actor = permissions.current();
        Instant now = clock.instant();
        if (!store.answer(proposalId, kind, body, actor.id(), now)) {
            throw UserFacingException.conflict("proposal.answer.already");
        }
        store.insertAnswerVersion(proposalId, 1, kind, body, null, actor.id(), actor.name(), now);
        events.publishEvent(new ProposalAnswered(proposalId, proposal.boardId(), institutionOf(proposal), kind.name(), body));
    }

    /**
     * Revises the published answer: a new verdict and/or text with a required public reason, kept as the next version
     * (every earlier one stays visible). The deadline still counts from the first answer. A hidden proposal, an
     * unchanged answer or a missing reason are refused and change nothing. Returns the new version number.
     */
    @Transactional
    public int reviseAnswer(long proposalId, @Nullable AnswerKind kind, @Nullable String text, @Nullable String reason) {
        managed(proposalId);
        String body = answerText(kind, text);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw UserFacingException.badInput("proposal.revision.reason", MAX_REASON);
        }
        // Under the row lock the state read is the one the revision applies to (two staff revising at once queue).
        store.lock(proposalId);
        Proposal proposal = store.proposal(proposalId).orElseThrow();
        if (proposal.hidden()) {
            throw UserFacingException.conflict("proposal.revision.hidden");
        }
        if (proposal.status() != Status.ANSWERED || proposal.answerKind() == null) {
            throw UserFacingException.conflict("proposal.revision.notAnswered");
        }
        if (proposal.answerKind() == kind && body.equals(proposal.answerText())) {
            throw UserFacingException.badInput("proposal.revision.unchanged");
        }
        Actor actor = permissions.current();
        int version = store.lastAnswerVersion(proposalId) + 1;
        store.reviseAnswer(proposalId, kind, body);
        store.insertAnswerVersion(proposalId, version, kind, body, why, actor.id(), actor.name(), clock.instant());
        events.publishEvent(new ProposalAnswerRevised(proposalId, proposal.boardId(), institutionOf(proposal), version,
                proposal.answerKind().name(), kind.name(), body, why));
        return version;
    }

    /** An answer's text as published (stripped), once its verdict is given and the text is 1 to MAX_BODY characters. */
    private static String answerText(@Nullable AnswerKind kind, @Nullable String text) {
        if (kind == null) {
            throw UserFacingException.badInput("proposal.answer.kind");
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_BODY) {
            throw UserFacingException.badInput("proposal.answer.text", MAX_BODY);
        }
        return body;
    }

    /** Every version of the answer of a managed proposal, newest first, with who wrote each (staff only). */
    public List<AnswerVersion> answerVersions(long proposalId) {
        managed(proposalId);
        return store.answerVersions(proposalId);
    }

    private Proposal managed(long proposalId) {
        permissions.requireManager();
        Proposal proposal = store.proposal(proposalId)
                .orElseThrow(() -> UserFacingException.notFound("proposal.notFound", proposalId));
        permissions.requireManage(institutionOf(proposal), "proposal.notFound", proposalId);
        return proposal;
    }

    private long institutionOf(Proposal proposal) {
        return boardRow(proposal.boardId()).institutionId();
    }
}
