package org.pyeongga.contest;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.ContestSetupEvents.ContestCreated;
import org.pyeongga.contest.ContestSetupEvents.ContestPhaseChanged;
import org.pyeongga.contest.ContestSetupEvents.ContestWindowSet;
import org.pyeongga.core.Actor;
import org.pyeongga.core.CoreConfiguration;
import org.pyeongga.core.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contests as data: setup by hand or from a {@link ContestTemplate}, the entry window, and the phase, which moves only
 * forward one step at a time. Reads are scoped: a draft is seen only by those who manage it (to anyone else it does not
 * exist: 404); from OPEN on the contest (not its entries) is public.
 */
@Service
@Transactional(readOnly = true)
public class Contests {

    private static final String CODE = "[A-Z0-9_]{1,40}";

    private final JdbcClient jdbc;
    private final ContestPermissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Contests(JdbcClient jdbc, ContestPermissions permissions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
    }

    /** Sets up a contest in DRAFT (managers of the owner institution). */
    @Transactional
    public long create(NewContest spec) {
        return insert(spec, null);
    }

    /**
     * Sets up a contest from a template: its kind, period, channels, fields and tiers (the stages and formula it
     * intends are read from {@link ContestTemplates} by the stage setup). A template without a year takes the current
     * year and half.
     */
    @Transactional
    public long createFromTemplate(String template, long ownerInstitutionId) {
        ContestTemplate t = ContestTemplates.byCode(template == null ? "" : template)
                .orElseThrow(() -> UserFacingException.badInput("contest.error.template"));
        LocalDate today = CoreConfiguration.today(clock);
        int year = t.year() != null ? t.year() : today.getYear();
        Integer half = t.half() != null ? t.half() : t.halfYearly() ? (today.getMonthValue() <= 6 ? 1 : 2) : null;
        String periodKo = !t.periodKo().isEmpty() ? t.periodKo() : year + "년" + (half == null ? "" : half == 1 ? " 상반기" : " 하반기");
        String periodEn = !t.periodEn().isEmpty() ? t.periodEn() : year + (half == null ? "" : " H" + half);
        String titleKo = t.year() != null ? t.titleKo() : periodKo + " " + t.titleKo();
        String titleEn = t.year() != null ? t.titleEn() : periodEn + " " + t.titleEn().substring(0, 1).toLowerCase()
                + t.titleEn().substring(1);
        return insert(new NewContest(ownerInstitutionId, t.kind(), titleKo, titleEn, year, half, periodKo, periodEn,
                t.eligible(), t.channels(), null, null, t.descriptionKo(), t.descriptionEn(), t.fields(), t.tiers()), t.code());
    }

    private long insert(NewContest spec, @Nullable String template) {
        Actor actor = permissions.current();
        if (!permissions.canManage(actor, spec.ownerInstitutionId())) {
            throw ContestPermissions.forbidden();
        }
        validate(spec);
        long id = jdbc.sql("""
                insert into contest (owner_institution_id, kind, template, title_ko, title_en, year, half, period_ko, period_en,
                    eligible, channels, entries_open_at, entries_close_at, description_ko, description_en, created_by)
                values (:owner, :kind, :template, :titleKo, :titleEn, :year, :half, :periodKo, :periodEn, :eligible,
                    cast(:channels as text[]), :opens, :closes, :descKo, :descEn, :by) returning id""")
                .param("owner", spec.ownerInstitutionId()).param("kind", spec.kind().name()).param("template", template)
                .param("titleKo", spec.titleKo().strip()).param("titleEn", spec.titleEn().strip()).param("year", spec.year())
                .param("half", spec.half()).param("periodKo", spec.periodKo().strip()).param("periodEn", spec.periodEn().strip())
                .param("eligible", spec.eligible().name())
                .param("channels", "{" + String.join(",", spec.channels().stream().map(Enum::name).sorted().toList()) + "}")
                .param("opens", ts(spec.entriesOpenAt())).param("closes", ts(spec.entriesCloseAt()))
                .param("descKo", spec.descriptionKo().strip()).param("descEn", spec.descriptionEn().strip())
                .param("by", actor.id()).query(Long.class).single();
        int position = 1;
        for (ContestField f : spec.fields()) {
            jdbc.sql("insert into contest_field (contest_id, code, position, name_ko, name_en) values (:c, :code, :p, :ko, :en)")
                    .param("c", id).param("code", f.code()).param("p", position++).param("ko", f.nameKo().strip())
                    .param("en", f.nameEn().strip()).update();
        }
        for (ContestTier t : spec.tiers()) {
            jdbc.sql("""
                    insert into contest_tier (contest_id, rank, code, name_ko, name_en, award_count)
                    values (:c, :rank, :code, :ko, :en, :n)""").param("c", id).param("rank", t.rank()).param("code", t.code())
                    .param("ko", t.nameKo().strip()).param("en", t.nameEn().strip()).param("n", t.awardCount()).update();
        }
        events.publishEvent(new ContestCreated(id, spec.ownerInstitutionId(), template, spec.titleKo().strip()));
        return id;
    }

    private static void validate(NewContest spec) {
        if (blank(spec.titleKo(), 200) || blank(spec.titleEn(), 300)) {
            throw UserFacingException.badInput("contest.error.title");
        }
        if (spec.year() < 2000 || spec.year() > 2100 || spec.half() != null && spec.half() != 1 && spec.half() != 2) {
            throw UserFacingException.badInput("contest.error.period");
        }
        if (spec.channels().isEmpty()) {
            throw UserFacingException.badInput("contest.error.channels");
        }
        checkWindow(spec.entriesOpenAt(), spec.entriesCloseAt(), spec.entriesOpenAt() == null && spec.entriesCloseAt() == null);
        Set<String> codes = new HashSet<>();
        for (ContestField f : spec.fields()) {
            if (!f.code().matches(CODE) || !codes.add(f.code()) || blank(f.nameKo(), 100) || blank(f.nameEn(), 200)) {
                throw UserFacingException.badInput("contest.error.field", f.nameKo());
            }
        }
        if (spec.tiers().isEmpty()) {
            throw UserFacingException.badInput("contest.error.tiers");
        }
        Set<Integer> ranks = new HashSet<>();
        codes.clear();
        for (ContestTier t : spec.tiers()) {
            if (!t.code().matches(CODE) || !codes.add(t.code()) || !ranks.add(t.rank()) || t.rank() < 1 || t.rank() > 20
                    || t.awardCount() < 1 || t.awardCount() > 1000 || blank(t.nameKo(), 100) || blank(t.nameEn(), 200)) {
                throw UserFacingException.badInput("contest.error.tier", t.nameKo());
            }
        }
    }

    private static void checkWindow(@Nullable Instant opens, @Nullable Instant closes, boolean bothMissingAllowed) {
        if (opens == null && closes == null && bothMissingAllowed) {
            return;
        }
        if (opens == null || closes == null || !closes.isAfter(opens)) {
            throw UserFacingException.badInput("contest.error.window");
        }
    }

    private static boolean blank(@Nullable String s, int max) {
        return s == null || s.isBlank() || s.strip().length() > max;
    }

    /** Sets the entry window (while the contest is a draft or open). */
    @Transactional
    public void setWindow(long id, Instant opensAt, Instant closesAt) {
        ContestView contest = contest(id);
        permissions.requireManage(contest);
        if (contest.phase() != Phase.DRAFT && contest.phase() != Phase.OPEN) {
            throw UserFacingException.conflict("contest.error.phase");
        }
        checkWindow(opensAt, closesAt, false);
        jdbc.sql("update contest set entries_open_at = :o, entries_close_at = :c where id = :id").param("o", ts(opensAt))
                .param("c", ts(closesAt)).param("id", id).update();
        events.publishEvent(new ContestWindowSet(id, contest.ownerInstitutionId(), opensAt, closesAt));
    }

    /** Opens a draft for entries (its window must be set). */
    @Transactional
    public void open(long id) {
        ContestView contest = contest(id);
        if (contest.entriesOpenAt() == null || contest.entriesCloseAt() == null) {
            permissions.requireManage(contest);
            throw UserFacingException.conflict("contest.error.noWindow");
        }
        advance(id, Phase.OPEN);
    }

    /** Closes entries and starts the stages. */
    @Transactional
    public void startJudging(long id) {
        advance(id, Phase.JUDGING);
    }

    /** Moves the contest to {@code to}, which must be the next phase (409 otherwise). */
    @Transactional
    public void advance(long id, Phase to) {
        ContestView contest = contest(id);
        permissions.requireManage(contest);
        if (!contest.phase().next().contains(to)) {
            throw UserFacingException.conflict("contest.error.transition", contest.phase().name(), to.name());
        }
        int changed = jdbc.sql("update contest set phase = :to where id = :id and phase = :from").param("to", to.name())
                .param("id", id).param("from", contest.phase().name()).update();
        if (changed != 1) {
            throw UserFacingException.conflict("contest.error.transition", contest.phase().name(), to.name());
        }
        events.publishEvent(new ContestPhaseChanged(id, contest.ownerInstitutionId(), contest.phase(), to));
    }

    /** One contest (404 when it does not exist, or is a draft the caller does not manage). */
    public ContestView contest(long id) {
        ContestView contest = find(id);
        if (contest == null || !permissions.canSee(permissions.current(), contest)) {
            throw UserFacingException.notFound("contest.error.notFound");
        }
        return contest;
    }

    /** The contests the caller may see, newest first: every announced contest, plus drafts they manage. */
    public List<ContestSummary> contests() {
        return list(null, false);
    }

    /** The contests of one institution the caller may see. */
    public List<ContestSummary> contestsOf(long institutionId) {
        return list(institutionId, false);
    }

    /** The contests the caller manages (every phase), newest first: the owners' list. */
    public List<ContestSummary> managed() {
        return list(null, true);
    }

    private List<ContestSummary> list(@Nullable Long institutionId, boolean managedOnly) {
        Actor actor = permissions.current();
        List<ContestSummary> all = jdbc.sql("""
                select c.id, c.owner_institution_id, i.name as owner_name, c.kind, c.title_ko, c.title_en, c.year, c.half,
                       c.phase, c.entries_open_at, c.entries_close_at,
                       (select count(*) from contest_entry e where e.contest_id = c.id and e.status <> 'WITHDRAWN') as entries
                from contest c join organization_institution i on i.id = c.owner_institution_id
                where (cast(:inst as bigint) is null or c.owner_institution_id = :inst)
                order by c.year desc, c.half desc nulls last, c.id desc""")
                .param("inst", institutionId)
                .query((rs, n) -> new ContestSummary(rs.getLong("id"), rs.getLong("owner_institution_id"),
                        rs.getString("owner_name"), ContestKind.valueOf(rs.getString("kind")), rs.getString("title_ko"),
                        rs.getString("title_en"), rs.getInt("year"), half(rs),
                        Phase.valueOf(rs.getString("phase")), instant(rs, "entries_open_at"), instant(rs, "entries_close_at"),
                        rs.getInt("entries"))).list();
        return all.stream().filter(c -> managedOnly ? permissions.canManage(actor, c.ownerInstitutionId())
                : c.phase().announced() || permissions.canManage(actor, c.ownerInstitutionId())).toList();
    }

    /** The contest without a permission check (for this module's services, which check their own). */
    @Nullable ContestView find(long id) {
        List<ContestField> fields = jdbc.sql("select code, name_ko, name_en from contest_field where contest_id = :id order by position")
                .param("id", id).query((rs, n) -> new ContestField(rs.getString("code"), rs.getString("name_ko"),
                        rs.getString("name_en"))).list();
        List<ContestTier> tiers = jdbc.sql("select rank, code, name_ko, name_en, award_count from contest_tier where contest_id = :id order by rank")
                .param("id", id).query((rs, n) -> new ContestTier(rs.getInt("rank"), rs.getString("code"), rs.getString("name_ko"),
                        rs.getString("name_en"), rs.getInt("award_count"))).list();
        return jdbc.sql("""
                select c.*, i.name as owner_name from contest c join organization_institution i on i.id = c.owner_institution_id
                where c.id = :id""").param("id", id).query((rs, n) -> view(rs, fields, tiers)).optional().orElse(null);
    }

    private static ContestView view(ResultSet rs, List<ContestField> fields, List<ContestTier> tiers) throws SQLException {
        Set<EntryChannel> channels = new LinkedHashSet<>();
        Array array = rs.getArray("channels");
        for (Object o : (Object[]) array.getArray()) {
            channels.add(EntryChannel.valueOf((String) o));
        }
        return new ContestView(rs.getLong("id"), rs.getLong("owner_institution_id"), rs.getString("owner_name"),
                ContestKind.valueOf(rs.getString("kind")), rs.getString("template"), rs.getString("title_ko"),
                rs.getString("title_en"), rs.getInt("year"), half(rs),
                rs.getString("period_ko"), rs.getString("period_en"), Eligibility.valueOf(rs.getString("eligible")), channels,
                instant(rs, "entries_open_at"), instant(rs, "entries_close_at"), Phase.valueOf(rs.getString("phase")),
                rs.getString("description_ko"), rs.getString("description_en"), new ArrayList<>(fields), tiers,
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static @Nullable Integer half(ResultSet rs) throws SQLException {
        Object half = rs.getObject("half");
        return half == null ? null : ((Number) half).intValue();
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
