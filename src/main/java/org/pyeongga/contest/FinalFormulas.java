package org.pyeongga.contest;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.FormulaVersion.Component;
import org.pyeongga.contest.FormulaVersion.NewFormula;
import org.pyeongga.contest.StageEvents.ContestFormulaPublished;
import org.pyeongga.contest.StageEvents.ContestFormulaSaved;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.scoring.FinalFormula;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versioned final formula of a contest. The owner saves versions and publishes one to entrants (the public
 * contest page shows {@link #published}); once any citizen vote of the contest has opened, the formula is locked: no
 * new version and no other publication (409), so nobody changes the rules after seeing how people vote.
 */
@Service
public class FinalFormulas {

    /** The declared tie rule: heavier component first (its scaled value), then the earlier entry. */
    public static final String TIE_RULE = "HEAVIER_COMPONENT_FIRST_THEN_EARLIER_ENTRY";

    private static final TypeReference<List<Component>> COMPONENTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final StageStore stages;
    private final StagePermissions permissions;
    private final ApplicationEventPublisher events;

    FinalFormulas(JdbcClient jdbc, JsonMapper json, StageStore stages, StagePermissions permissions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.stages = stages;
        this.permissions = permissions;
        this.events = events;
    }

    /** Saves a new version (not yet published); refused once a citizen vote of the contest has opened. */
    @Transactional
    public FormulaVersion save(long contestId, NewFormula formula) {
        var contest = permissions.requireContest(contestId);
        requireUnlocked(contestId);
        validate(contestId, formula);
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from contest_formula where contest_id = :c").param("c", contestId)
                .query(Integer.class).single();
        jdbc.sql("""
                        insert into contest_formula (contest_id, version, label, components, tie_rule, created_by)
                        values (:c, :v, :l, cast(:x as jsonb), :t, :b)
                        """)
                .param("c", contestId).param("v", version).param("l", formula.label().strip())
                .param("x", json.writeValueAsString(formula.components())).param("t", TIE_RULE)
                .param("b", permissions.current().id()).update();
        events.publishEvent(new ContestFormulaSaved(contestId, contest.ownerInstitutionId(), version, formula.label().strip()));
        return versions(contestId).stream().filter(v -> v.version() == version).findFirst().orElseThrow();
    }

    /** Publishes a version to entrants (it becomes the formula in force); refused once a vote has opened. */
    @Transactional
    public void publish(long contestId, int version) {
        var contest = permissions.requireContest(contestId);
        requireUnlocked(contestId);
        var found = versions(contestId).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("contestjudging.formula.notFound"));
        jdbc.sql("update contest_formula set published_at = now(), published_by = :b where id = :id")
                .param("b", permissions.current().id()).param("id", found.id()).update();
        events.publishEvent(new ContestFormulaPublished(contestId, contest.ownerInstitutionId(), version, found.label()));
    }

    /** Every version, newest first (the contest's managers). */
    public List<FormulaVersion> versions(long contestId) {
        permissions.requireContest(contestId);
        return rows(contestId, false);
    }

    /**
     * The formula in force: the version published last, for anyone (entrants and the public contest page); empty
     * before the first publication.
     */
    public Optional<FormulaVersion> published(long contestId) {
        return rows(contestId, true).stream().findFirst();
    }

    /** When the formula locked: the opening of the contest's first citizen vote; null while none has opened. */
    public @Nullable Instant lockedAt(long contestId) {
        return jdbc.sql("select min(opened_at) from contest_stage where contest_id = :c and ballot_id is not null")
                .param("c", contestId).query((rs, n) -> {
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? null : t.toInstant();
                }).optional().orElse(null);
    }

    private void requireUnlocked(long contestId) {
        if (lockedAt(contestId) != null) {
            throw UserFacingException.conflict("contestjudging.formula.locked");
        }
    }

    private List<FormulaVersion> rows(long contestId, boolean publishedOnly) {
        Instant locked = lockedAt(contestId);
        return jdbc.sql("select * from contest_formula where contest_id = :c"
                        + (publishedOnly ? " and published_at is not null order by published_at desc, version desc" : " order by version desc"))
                .param("c", contestId)
                .query((rs, n) -> new FormulaVersion(rs.getLong("id"), rs.getLong("contest_id"), rs.getInt("version"),
                        rs.getString("label"), json.readValue(rs.getString("components"), COMPONENTS), rs.getString("tie_rule"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(), locked))
                .list();
    }

    private void validate(long contestId, NewFormula formula) {
        if (formula.label() == null || formula.label().isBlank() || formula.label().strip().length() > 100) {
            throw UserFacingException.badInput("contestjudging.formula.label");
        }
        if (formula.components().isEmpty()) {
            throw UserFacingException.badInput("contestjudging.formula.noComponents");
        }
        var stageList = stages.stages(contestId);
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> codes = new HashSet<>();
        for (Component c : formula.components()) {
            if (c.code() == null || !c.code().matches("[A-Z0-9_]{1,40}") || !codes.add(c.code()) || c.nameKo() == null
                    || c.nameKo().isBlank() || c.nameEn() == null || c.nameEn().isBlank() || c.measure() == null
                    || c.scaling() == null || c.weight() == null || c.weight().signum() <= 0) {
                throw UserFacingException.badInput("contestjudging.formula.component", c.code());
            }
            var stage = stageList.stream().filter(s -> s.position() == c.stage()).findFirst()
                    .orElseThrow(() -> UserFacingException.badInput("contestjudging.formula.stage", c.code(), c.stage()));
            boolean fits = switch (c.measure()) {
                case VOTES -> stage.hasVote() && c.scaling() != FinalFormula.Scaling.SCORE_0_100;
                case PANEL_SCORE -> stage.hasPanel() && c.scaling() != FinalFormula.Scaling.VOTE_SHARE;
                case STAGE_SCORE -> c.scaling() != FinalFormula.Scaling.VOTE_SHARE;
            };
            if (!fits) {
                throw UserFacingException.badInput("contestjudging.formula.measure", c.code());
            }
            sum = sum.add(c.weight());
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw UserFacingException.badInput("contestjudging.formula.sum", sum.stripTrailingZeros().toPlainString());
        }
    }

    static FinalFormula.Component engineComponent(Component c) {
        return new FinalFormula.Component(c.code(), c.nameKo(), c.weight(), c.scaling());
    }
}
