package org.pyeongga.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Digests;
import org.pyeongga.core.Membership;
import org.pyeongga.core.ResultPage;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.organization.InstitutionSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: invitations by e-mail, passwords chosen by their owners, memberships (user × institution × role),
 * enabling and disabling, ending every session, the second factor, and counting failed sign-ins (five in a row lock
 * the account for fifteen minutes). Every change is checked against {@link AccountPermissions} and published as an
 * event (the audit trail records it).
 */
@Service
public class Accounts {

    static final int LOCK_AFTER = 5;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;
    static final int MAX_PAGE_SIZE = 200;

    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CurrentActor actors;
    private final AccountPermissions permissions;
    private final AccountMail mail;
    private final AccountProperties properties;
    private final InstitutionRegistry registry;
    private final SecureRandom random = new SecureRandom();

    Accounts(AccountStore store, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock,
            CurrentActor actors, AccountPermissions permissions, AccountMail mail, AccountProperties properties,
            InstitutionRegistry registry) {
        this.store = store;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.actors = actors;
        this.permissions = permissions;
        this.mail = mail;
        this.properties = properties;
        this.registry = registry;
    }

    // ---------------------------------------------------------------- creating accounts

    /** Creates a staff account with a password (demo data, tests, the first administrator): no permission check. */
    @Transactional
    public long create(String email, String name, String password, Set<Membership> memberships) {
        String address = checkEmail(email);
        checkPassword(password, address);
        checkName(name);
        if (store.byEmail(address).isPresent()) {
            throw UserFacingException.conflict("account.email.taken", address);
        }
        long id = store.insert(address, name, passwords.encode(password));
        memberships.forEach(m -> store.addMembership(id, m));
        events.publishEvent(new StaffAccountCreated(id, memberships.stream().map(Membership::role).toList(),
                memberships.stream().map(Membership::institutionId).filter(Objects::nonNull).distinct().toList()));
        return id;
    }

    public boolean exists(String email) {
        return store.byEmail(email).isPresent();
    }

    /** The account id behind an e-mail address, if any (no permission check: for start-up data and tests). */
    public Optional<Long> idOf(String email) {
        return store.byEmail(email).map(AccountStore.Row::id);
    }

    /** What an invitation did: whom, whether the account is new, and the link when no mail server could send it. */
    public record Invitation(long userId, boolean newAccount, boolean mailed, @Nullable String link) {}

    /**
     * Invites {@code email} for a role: a new account without a password and a one-time link by e-mail, or, if the
     * person already has an account, the new role (and a mail telling them). The caller must be allowed to grant the
     * membership. {@code baseUrl} is the request's address, used only when {@code pyeongga.account.public-url} is unset.
     */
    @Transactional
    public Invitation invite(String email, String name, Membership membership, String baseUrl) {
        Actor actor = actors.current();
        permissions.requireAdminister();
        if (!permissions.mayGrant(actor, membership)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "account.grant.forbidden");
        }
        String address = checkEmail(email);
        checkName(name);
        checkMembershipShape(membership);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.invitationValidity());
        var existing = store.byEmail(address);
        if (existing.isPresent()) {
            long id = existing.get().id();
            boolean added = store.membershipRows(id).stream().noneMatch(m -> m.membership().equals(membership));
            if (added) {
                store.addMembership(id, membership);
                events.publishEvent(new StaffMembershipGranted(id, membership.institutionId(), membership.role()));
            }
            String link = existing.get().passwordHash() == null ? newInvitationLink(id, actor, expires, baseUrl) : link(baseUrl, "/login");
            events.publishEvent(new StaffInvited(id, membership.institutionId(), membership.role(), false, expires));
            boolean mailed = mail.sendInvitation(address, existing.get().name(), actor.name(), link, expires,
                    existing.get().passwordHash() == null);
            return new Invitation(id, false, mailed, mailed ? null : link);
        }
        long id = store.insert(address, name, null);
        store.addMembership(id, membership);
        String link = newInvitationLink(id, actor, expires, baseUrl);
        events.publishEvent(new StaffInvited(id, membership.institutionId(), membership.role(), true, expires));
        boolean mailed = mail.sendInvitation(address, name.strip(), actor.name(), link, expires, true);
        return new Invitation(id, true, mailed, mailed ? null : link);
    }

    /** Sends a new link to someone who has not chosen a password yet (the old links stop working). */
    @Transactional
    public Invitation reinvite(long userId, String baseUrl) {
        Actor actor = actors.current();
        var row = changeable(actor, userId);
        if (row.passwordHash() != null) {
            throw UserFacingException.conflict("account.invitation.alreadyAccepted");
        }
        Instant expires = clock.instant().plus(properties.invitationValidity());
        String link = newInvitationLink(userId, actor, expires, baseUrl);
        var first = store.membershipRows(userId).stream().findFirst();
        events.publishEvent(new StaffInvited(userId, first.map(AccountStore.MembershipRow::institutionId).orElse(null),
                first.map(AccountStore.MembershipRow::role).orElse(Role.EVALUATOR), false, expires));
        boolean mailed = mail.sendInvitation(row.email(), row.name(), actor.name(), link, expires, true);
        return new Invitation(userId, false, mailed, mailed ? null : link);
    }

    private String newInvitationLink(long userId, Actor actor, Instant expires, String baseUrl) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        store.revokeInvitations(userId, clock.instant());
        store.insertInvitation(userId, Digests.sha256Hex(token), actor.id(), expires);
        return link(baseUrl, "/invitation/" + token);
    }

    private String link(String baseUrl, String path) {
        String base = properties.publicUrl() == null || properties.publicUrl().isBlank() ? baseUrl : properties.publicUrl();
        return base.replaceAll("/+$", "") + path;
    }

    /** What the invitation page shows before the password is chosen. */
    public record InvitationView(String email, String name) {}

    /** The open invitation behind a link, or a Korean explanation of why it cannot be used (404/410). */
    @Transactional(readOnly = true)
    public InvitationView invitation(String token) {
        var invitation = openInvitation(token);
        var user = store.byId(invitation.userId()).orElseThrow();
        return new InvitationView(user.email(), user.name());
    }

    /** Sets the password chosen from an invitation link; the link cannot be used again. */
    @Transactional
    public void acceptInvitation(String token, String password, String confirmation) {
        var invitation = openInvitation(token);
        var user = store.byId(invitation.userId()).orElseThrow();
        checkPassword(password, user.email());
        if (!password.equals(confirmation)) {
            throw UserFacingException.badInput("account.password.mismatch");
        }
        if (!store.useInvitation(invitation.id(), clock.instant())) {
            throw new UserFacingException(HttpStatus.GONE, "account.invitation.used");
        }
        store.setPassword(user.id(), passwords.encode(password), clock.instant());
        events.publishEvent(new StaffInvitationAccepted(user.id()));
    }

    private AccountStore.InvitationRow openInvitation(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw UserFacingException.notFound("account.invitation.unknown");
        }
        var invitation = store.invitation(Digests.sha256Hex(token))
                .orElseThrow(() -> UserFacingException.notFound("account.invitation.unknown"));
        if (invitation.usedAt() != null) {
            throw new UserFacingException(HttpStatus.GONE, "account.invitation.used");
        }
        if (invitation.revokedAt() != null) {
            throw new UserFacingException(HttpStatus.GONE, "account.invitation.revoked");
        }
        if (!invitation.expiresAt().isAfter(clock.instant())) {
            throw new UserFacingException(HttpStatus.GONE, "account.invitation.expired");
        }
        if (!store.byId(invitation.userId()).orElseThrow().enabled()) {
            throw new UserFacingException(HttpStatus.GONE, "account.invitation.revoked");
        }
        return invitation;
    }

    // ---------------------------------------------------------------- administration

    /** One person as the administration pages show them. */
    public record StaffView(long id, String email, String name, boolean enabled, boolean invited, boolean locked,
            boolean secondFactor, List<MembershipView> memberships, boolean changeable) {}

    public record MembershipView(long id, @Nullable Long institutionId, @Nullable String institutionName,
            @Nullable String orgCode, Role role, boolean revocable) {}

    /** The people the caller administers (everyone for a system administrator), searched by name or e-mail. */
    @Transactional(readOnly = true)
    public ResultPage<StaffView> search(@Nullable String text, int page, int size) {
        permissions.requireAdminister();
        Actor actor = actors.current();
        int offset = ResultPage.offset(page, size, MAX_PAGE_SIZE);
        var scope = new AccountStore.Scope(permissions.seesEveryone(actor), permissions.administeredInstitutions(actor),
                permissions.seesExternalEvaluators(actor));
        var rows = store.search(scope, text, offset, size);
        // one query for the page's memberships and one for their institutions, not two per person
        var memberships = store.membershipRows(rows.stream().map(AccountStore.Row::id).toList());
        var names = institutionsOf(memberships.values().stream().flatMap(List::stream).toList());
        return new ResultPage<>(rows.stream().map(r -> view(actor, r, memberships.getOrDefault(r.id(), List.of()), names))
                .toList(), page, size, store.count(scope, text));
    }

    /** One person, if the caller may see them (else 404: another institution's staff are not even confirmed to exist). */
    @Transactional(readOnly = true)
    public StaffView get(long userId) {
        permissions.requireAdminister();
        Actor actor = actors.current();
        return view(actor, visible(actor, userId));
    }

    /** The signed-in person's own account. */
    @Transactional(readOnly = true)
    public StaffView me() {
        long id = signedInId();
        return view(actors.current(), store.byId(id).orElseThrow());
    }

    @Transactional
    public void grant(long userId, Membership membership) {
        permissions.requireAdminister();
        Actor actor = actors.current();
        visible(actor, userId);
        if (!permissions.mayGrant(actor, membership)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "account.grant.forbidden");
        }
        checkMembershipShape(membership);
        if (store.membershipRows(userId).stream().anyMatch(m -> m.membership().equals(membership))) {
            throw UserFacingException.conflict("account.membership.exists");
        }
        store.addMembership(userId, membership);
        events.publishEvent(new StaffMembershipGranted(userId, membership.institutionId(), membership.role()));
    }

    @Transactional
    public void revoke(long userId, long membershipId) {
        permissions.requireAdminister();
        Actor actor = actors.current();
        visible(actor, userId);
        var row = store.membershipRows(userId).stream().filter(m -> m.id() == membershipId).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("account.membership.unknown"));
        if (!permissions.mayGrant(actor, row.membership())) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "account.grant.forbidden");
        }
        if (isSelf(actor, userId) && (row.role() == Role.SYSTEM_ADMIN)) {
            throw UserFacingException.conflict("account.self.lastAdmin");
        }
        store.removeMembership(userId, membershipId);
        events.publishEvent(new StaffMembershipRevoked(userId, row.institutionId(), row.role()));
    }

    /**
     * Sets the department of a staff member (contests use it: nobody judges their own department's entry, and a
     * department's staff submit its cases). The department must belong to an institution the person is a member of;
     * {@code departmentId} null clears it.
     */
    @Transactional
    public void assignDepartment(long userId, @Nullable Long departmentId) {
        Actor actor = actors.current();
        if (actor.kind() != Actor.Kind.SYSTEM) {
            permissions.requireAdminister();
            visible(actor, userId);
        }
        Long institution = departmentId == null ? store.departmentInstitution(userId).orElse(null)
                : store.institutionOfDepartment(departmentId)
                        .orElseThrow(() -> UserFacingException.notFound("account.department.unknown"));
        if (departmentId != null && store.membershipRows(userId).stream()
                .noneMatch(m -> institution.equals(m.institutionId()))) {
            throw UserFacingException.badInput("account.department.notMember");
        }
        store.setDepartment(userId, departmentId);
        if (institution != null) {
            events.publishEvent(new StaffDepartmentAssigned(userId, institution, departmentId));
        }
    }

    /** Disables an account: it cannot sign in, its sessions end and its open invitations stop working. */
    @Transactional
    public void disable(long userId) {
        Actor actor = actors.current();
        if (actor.kind() != Actor.Kind.SYSTEM) {
            changeable(actor, userId);
            if (isSelf(actor, userId)) {
                throw UserFacingException.conflict("account.self.disable");
            }
        }
        store.setEnabled(userId, false);
        store.bumpSessionEpoch(userId);
        store.revokeInvitations(userId, clock.instant());
        events.publishEvent(new StaffAccountDisabled(userId, institutionIds(userId)));
    }

    @Transactional
    public void enable(long userId) {
        changeable(actors.current(), userId);
        store.setEnabled(userId, true);
        events.publishEvent(new StaffAccountEnabled(userId, institutionIds(userId)));
    }

    /** Removes a person's authenticator (a lost phone); they register a new one at their next sign-in. */
    @Transactional
    public void resetSecondFactor(long userId) {
        Actor actor = actors.current();
        changeable(actor, userId);
        if (isSelf(actor, userId)) {
            throw UserFacingException.conflict("account.self.resetSecondFactor");
        }
        store.setTotpSecret(userId, null, 0);
        store.bumpSessionEpoch(userId);
        events.publishEvent(new StaffSecondFactorReset(userId));
    }

    /** Ends every session of the signed-in person, this one included ("log out everywhere"). */
    @Transactional
    public void endMySessions() {
        long id = signedInId();
        store.bumpSessionEpoch(id);
        events.publishEvent(new StaffSessionsEnded(id));
    }

    /** Ends every session of someone the caller may change (a stolen laptop). */
    @Transactional
    public void endSessions(long userId) {
        changeable(actors.current(), userId);
        store.bumpSessionEpoch(userId);
        events.publishEvent(new StaffSessionsEnded(userId));
    }

    @Transactional
    public void changeMyPassword(String current, String password, String confirmation) {
        long id = signedInId();
        var row = store.byId(id).orElseThrow();
        if (row.passwordHash() == null || current == null || !passwords.matches(current, row.passwordHash())) {
            throw UserFacingException.badInput("account.password.wrongCurrent");
        }
        checkPassword(password, row.email());
        if (!password.equals(confirmation)) {
            throw UserFacingException.badInput("account.password.mismatch");
        }
        store.setPassword(id, passwords.encode(password), clock.instant());
        events.publishEvent(new StaffPasswordChanged(id));
    }

    /**
     * An institution as a form names it: its 7-character code (행정기관코드), or its name (논산시), or, where names
     * repeat, the name with its 광역 (서울특별시 중구).
     */
    @Transactional(readOnly = true)
    public InstitutionSummary institutionNamed(String text) {
        String clean = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty() || clean.length() > 100) {
            throw UserFacingException.badInput("account.institution.required");
        }
        String code = clean.toUpperCase(java.util.Locale.ROOT);
        String last = clean.contains(" ") ? clean.substring(clean.lastIndexOf(' ') + 1) : clean;
        var candidates = registry.search(new InstitutionQuery(registry.today(), null, null, null,
                code.matches("[0-9A-Z]{7}") ? code : last, false), 0, 50).items();
        var byCode = candidates.stream().filter(i -> code.equals(i.orgCode())).toList();
        if (byCode.size() == 1) {
            return byCode.getFirst();
        }
        var byName = candidates.stream().filter(i -> clean.equals(i.displayName()) || clean.equals(i.name())).toList();
        if (byName.size() == 1) {
            return byName.getFirst();
        }
        if (byName.size() > 1) {
            throw UserFacingException.badInput("account.institution.ambiguous", clean,
                    String.join(", ", byName.stream().map(InstitutionSummary::displayName).toList()));
        }
        throw UserFacingException.badInput("account.institution.unknown", clean);
    }

    /** A membership as forms name it: an institution by code or name (empty for external evaluators) and a role. */
    public Membership membership(@Nullable String institution, @Nullable Role role) {
        if (role == null) {
            throw UserFacingException.badInput("account.role.required");
        }
        if (institution == null || institution.isBlank()) {
            return new Membership(null, role);
        }
        return new Membership(institutionNamed(institution).id(), role);
    }

    /** The institutions whose people the caller administers, for pickers. */
    @Transactional(readOnly = true)
    public List<InstitutionSummary> administeredInstitutions() {
        permissions.requireAdminister();
        return registry.getAll(permissions.administeredInstitutions(actors.current()), registry.today());
    }

    private StaffView view(Actor actor, AccountStore.Row row) {
        var memberships = store.membershipRows(row.id());
        return view(actor, row, memberships, institutionsOf(memberships));
    }

    private java.util.Map<Long, InstitutionSummary> institutionsOf(List<AccountStore.MembershipRow> memberships) {
        var names = new java.util.HashMap<Long, InstitutionSummary>();
        registry.getAll(memberships.stream().map(AccountStore.MembershipRow::institutionId).filter(Objects::nonNull)
                .distinct().toList(), registry.today()).forEach(i -> names.put(i.id(), i));
        return names;
    }

    private StaffView view(Actor actor, AccountStore.Row row, List<AccountStore.MembershipRow> memberships,
            java.util.Map<Long, InstitutionSummary> names) {
        var all = memberships.stream().map(AccountStore.MembershipRow::membership).toList();
        boolean changeable = permissions.mayChange(actor, all) && !isSelf(actor, row.id());
        var views = memberships.stream().map(m -> {
            var institution = m.institutionId() == null ? null : names.get(m.institutionId());
            return new MembershipView(m.id(), m.institutionId(), institution == null ? null : institution.displayName(),
                    institution == null ? null : institution.orgCode(), m.role(), permissions.mayGrant(actor, m.membership()));
        }).toList();
        boolean locked = row.lockedUntil() != null && row.lockedUntil().isAfter(clock.instant());
        return new StaffView(row.id(), row.email(), row.name(), row.enabled(), row.passwordHash() == null, locked,
                row.totpSecret() != null, views, changeable);
    }

    private AccountStore.Row visible(Actor actor, long userId) {
        var row = store.byId(userId).orElseThrow(() -> UserFacingException.notFound("account.unknown"));
        if (!permissions.maySee(actor, store.memberships(userId))) {
            throw UserFacingException.notFound("account.unknown");
        }
        return row;
    }

    private AccountStore.Row changeable(Actor actor, long userId) {
        permissions.requireAdminister();
        var row = visible(actor, userId);
        if (!permissions.mayChange(actor, store.memberships(userId))) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "account.change.forbidden");
        }
        return row;
    }

    private List<Long> institutionIds(long userId) {
        return store.memberships(userId).stream().map(Membership::institutionId).filter(Objects::nonNull).distinct().toList();
    }

    private static boolean isSelf(Actor actor, long userId) {
        return actor.id().equals("user:" + userId);
    }

    private long signedInId() {
        Actor actor = actors.current();
        if (actor.kind() != Actor.Kind.USER || !actor.id().startsWith("user:")) {
            throw new UserFacingException(HttpStatus.UNAUTHORIZED, "error.unauthorized");
        }
        return Long.parseLong(actor.id().substring("user:".length()));
    }

    private void checkMembershipShape(Membership m) {
        if (m.role() == null) {
            throw UserFacingException.badInput("account.role.required");
        }
        if (m.institutionId() == null && m.role() != Role.EVALUATOR && m.role() != Role.SYSTEM_ADMIN) {
            throw UserFacingException.badInput("account.institution.required");
        }
        if (m.institutionId() != null) {
            registry.get(m.institutionId(), registry.today());
        }
    }

    static String checkEmail(String email) {
        if (email == null || email.length() > 254 || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw UserFacingException.badInput("account.email.format");
        }
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw UserFacingException.badInput("account.name.required");
        }
    }

    private static void checkPassword(String password, String email) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw UserFacingException.badInput("account.password.tooShort", MIN_PASSWORD);
        }
        if (password.length() > MAX_PASSWORD) {
            throw UserFacingException.badInput("account.password.tooLong", MAX_PASSWORD);
        }
        if (password.strip().equalsIgnoreCase(email) || password.toLowerCase(java.util.Locale.ROOT).contains(email.split("@")[0])
                && email.split("@")[0].length() >= 4) {
            throw UserFacingException.badInput("account.password.likeEmail");
        }
        if (password.chars().distinct().count() < 5) {
            throw UserFacingException.badInput("account.password.weak");
        }
    }

    // ---------------------------------------------------------------- signing in

    /** Counts a wrong password (unknown e-mails change nothing and leave no trace of who was guessed). */
    @Transactional
    void loginFailed(String email) {
        store.recordFailure(email, LOCK_AFTER, clock.instant().plus(LOCK_FOR));
        store.byEmail(email).ifPresent(row -> events.publishEvent(new StaffSignInFailed(row.id(), row.failedAttempts(),
                row.failedAttempts() == LOCK_AFTER)));
    }

    /** The password was right: earlier failures are forgotten (the sign-in itself is recorded once it is complete). */
    @Transactional
    void passwordAccepted(String email) {
        store.recordSuccess(email);
    }

    @Transactional
    void signedIn(long userId, String method) {
        events.publishEvent(new StaffSignedIn(userId, method));
    }

    /** Administrators must use a second factor, and so must anyone who registered one. */
    boolean needsSecondFactor(StaffPrincipal staff) {
        return staff.secondFactorEnrolled() || staff.memberships().stream()
                .anyMatch(m -> m.role() == Role.SYSTEM_ADMIN || m.role() == Role.PROGRAM_ADMIN);
    }

    Optional<String> secondFactorSecret(long userId) {
        return store.byId(userId).map(AccountStore.Row::totpSecret);
    }

    /**
     * Checks a code against the registered authenticator; a code is good once (no replay). A wrong code counts as a
     * failed sign-in (the lockout covers both factors). Returns the lock state after a failure.
     */
    @Transactional(noRollbackFor = UserFacingException.class)
    void verifySecondFactor(long userId, String code) {
        var row = store.byId(userId).orElseThrow();
        if (row.totpSecret() == null) {
            throw UserFacingException.conflict("login.otp.notEnrolled");
        }
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(clock.instant())) {
            throw UserFacingException.badInput("login.error.locked");
        }
        var step = Totp.verify(row.totpSecret(), code == null ? "" : code.strip(), clock.instant(), row.totpLastStep());
        if (step.isEmpty() || !store.useTotpStep(userId, step.getAsLong())) {
            secondFactorFailed(row);
        }
        store.recordSuccess(row.email());
    }

    /**
     * The API's second factor: each request of a person who needs one carries the current code in
     * {@code X-Pyeongga-OTP}. Requests are independent, so a code stays good for its 30-second step (and the steps
     * either side); wrong codes count toward the lockout like wrong passwords.
     */
    @Transactional(noRollbackFor = UserFacingException.class)
    void verifyApiSecondFactor(long userId, @Nullable String code) {
        var row = store.byId(userId).orElseThrow();
        if (row.totpSecret() == null) {
            throw new UserFacingException(HttpStatus.UNAUTHORIZED, "login.otp.api.notEnrolled");
        }
        if (code == null || code.isBlank()) {
            throw new UserFacingException(HttpStatus.UNAUTHORIZED, "login.otp.api.missing");
        }
        if (Totp.verify(row.totpSecret(), code.strip(), clock.instant(), Long.MIN_VALUE).isEmpty()) {
            try {
                secondFactorFailed(row);
            } catch (UserFacingException e) {
                throw new UserFacingException(HttpStatus.UNAUTHORIZED, e.messageKey());
            }
        }
    }

    /** Registers an authenticator: the code proves the person's app holds {@code secret}. */
    @Transactional(noRollbackFor = UserFacingException.class)
    public void enrollSecondFactor(long userId, String secret, String code) {
        var row = store.byId(userId).orElseThrow(() -> UserFacingException.notFound("account.unknown"));
        if (row.totpSecret() != null) {
            throw UserFacingException.conflict("login.otp.alreadyEnrolled");
        }
        var step = Totp.verify(secret, code == null ? "" : code.strip(), clock.instant(), 0);
        if (step.isEmpty()) {
            secondFactorFailed(row);
        }
        store.setTotpSecret(userId, secret, step.getAsLong());
        store.recordSuccess(row.email());
        events.publishEvent(new StaffSecondFactorEnrolled(userId));
    }

    private void secondFactorFailed(AccountStore.Row row) {
        store.recordFailure(row.email(), LOCK_AFTER, clock.instant().plus(LOCK_FOR));
        int attempts = row.failedAttempts() + 1;
        events.publishEvent(new StaffSecondFactorFailed(row.id(), attempts, attempts == LOCK_AFTER));
        throw UserFacingException.badInput(attempts >= LOCK_AFTER ? "login.error.locked" : "login.otp.wrong");
    }

    /** Is the account's session still valid: enabled, and started in the current session epoch? */
    boolean sessionValid(long userId, int epoch) {
        return store.sessionState(userId).map(s -> s.enabled() && s.epoch() == epoch).orElse(false);
    }
}
