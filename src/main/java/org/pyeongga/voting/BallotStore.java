package org.pyeongga.voting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pyeongga.voting.Ballot.Option;
import org.pyeongga.voting.Ballot.Question;
import org.pyeongga.voting.BallotSpec.OptionSpec;
import org.pyeongga.voting.BallotSpec.QuestionSpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for ballots, their options and survey questions (never for votes: see {@link VoteStore}). */
@Repository
class BallotStore {

    private final JdbcClient jdbc;

    BallotStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(BallotSpec spec, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into voting_ballot (owner_institution_id, kind, counting_rule, max_choices, title_ko, title_en,
                    description_ko, description_en, opens_at, closes_at, eligibility, region_prefix, staff_institution_id,
                    visibility, created_by)
                values (:owner, :kind, :rule, :max, :tko, :ten, :dko, :den, :opens, :closes, :elig, :region, :staff, :vis, :by)
                """).params(params(spec, "by", by)).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        insertChildren(id, spec);
        return id;
    }

    void update(long id, BallotSpec spec) {
        jdbc.sql("""
                update voting_ballot set kind = :kind, counting_rule = :rule, max_choices = :max, title_ko = :tko,
                    title_en = :ten, description_ko = :dko, description_en = :den, opens_at = :opens, closes_at = :closes,
                    eligibility = :elig, region_prefix = :region, staff_institution_id = :staff, visibility = :vis
                where id = :id and phase = 'DRAFT'
                """).params(params(spec, "id", id)).update();
        jdbc.sql("delete from voting_option where ballot_id = :id").param("id", id).update();
        jdbc.sql("delete from voting_question where ballot_id = :id").param("id", id).update();
        insertChildren(id, spec);
    }

    private static Map<String, Object> params(BallotSpec spec, String name, Object value) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(name, value);
        p.put("owner", spec.ownerInstitutionId());
        p.put("kind", spec.kind().name());
        p.put("rule", spec.countingRule() == null ? null : spec.countingRule().name());
        p.put("max", spec.maxChoices());
        p.put("tko", spec.titleKo().strip());
        p.put("ten", spec.titleEn().strip());
        p.put("dko", spec.descriptionKo() == null ? "" : spec.descriptionKo().strip());
        p.put("den", spec.descriptionEn() == null ? "" : spec.descriptionEn().strip());
        p.put("opens", Timestamp.from(spec.opensAt()));
        p.put("closes", Timestamp.from(spec.closesAt()));
        p.put("elig", spec.eligibility().name());
        p.put("region", spec.regionPrefix());
        p.put("staff", spec.staffInstitutionId());
        p.put("vis", (spec.visibility() == null ? Ballot.Visibility.HIDDEN_UNTIL_PUBLISHED : spec.visibility()).name());
        return p;
    }

    private void insertChildren(long id, BallotSpec spec) {
        int position = 0;
        for (OptionSpec option : spec.options()) {
            jdbc.sql("insert into voting_option (ballot_id, position, label_ko, label_en) values (:b, :p, :ko, :en)")
                    .param("b", id).param("p", ++position).param("ko", option.labelKo().strip())
                    .param("en", option.labelEn().strip()).update();
        }
        int questionPosition = 0;
        for (QuestionSpec question : spec.questions()) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into voting_question (ballot_id, position, kind, label_ko, label_en, required, max_choices, max_length)
                    values (:b, :p, :k, :ko, :en, :req, :max, :len)
                    """).param("b", id).param("p", ++questionPosition).param("k", question.kind().name())
                    .param("ko", question.labelKo().strip()).param("en", question.labelEn().strip())
                    .param("req", question.required()).param("max", Math.max(1, question.maxChoices()))
                    .param("len", question.maxLength()).update(keys, "id");
            long questionId = keys.getKeyAs(Long.class);
            int optionPosition = 0;
            for (OptionSpec option : question.options()) {
                jdbc.sql("""
                        insert into voting_question_option (question_id, position, label_ko, label_en)
                        values (:q, :p, :ko, :en)""").param("q", questionId).param("p", ++optionPosition)
                        .param("ko", option.labelKo().strip()).param("en", option.labelEn().strip()).update();
            }
        }
    }

    boolean setPhase(long id, Ballot.Phase from, Ballot.Phase to, @Nullable Instant publishedAt) {
        return jdbc.sql("update voting_ballot set phase = :to, published_at = coalesce(:at, published_at) where id = :id and phase = :from")
                .param("to", to.name()).param("from", from.name()).param("id", id)
                .param("at", publishedAt == null ? null : Timestamp.from(publishedAt)).update() == 1;
    }

    Optional<Ballot> find(long id) {
        return jdbc.sql("select * from voting_ballot where id = :id").param("id", id).query(BallotStore::row).optional()
                .map(this::withChildren);
    }

    /** Ballots not in draft, newest closing first. */
    List<Ballot> announced() {
        return jdbc.sql("select * from voting_ballot where phase <> 'DRAFT' order by closes_at desc, id desc")
                .query(BallotStore::row).list().stream().map(this::withChildren).toList();
    }

    List<Ballot> all() {
        return jdbc.sql("select * from voting_ballot order by id desc").query(BallotStore::row).list().stream()
                .map(this::withChildren).toList();
    }

    private Ballot withChildren(Ballot b) {
        List<Option> options = jdbc.sql("select id, label_ko, label_en from voting_option where ballot_id = :b order by position")
                .param("b", b.id()).query((rs, i) -> new Option(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        Map<Long, List<Option>> questionOptions = new LinkedHashMap<>();
        jdbc.sql("""
                select o.question_id, o.id, o.label_ko, o.label_en from voting_question_option o
                join voting_question q on q.id = o.question_id where q.ballot_id = :b order by o.question_id, o.position
                """).param("b", b.id()).query(rs -> {
                    questionOptions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Option(rs.getLong(2), rs.getString(3), rs.getString(4)));
                });
        List<Question> questions = jdbc.sql("select * from voting_question where ballot_id = :b order by position")
                .param("b", b.id()).query((rs, i) -> new Question(rs.getLong("id"),
                        Ballot.QuestionKind.valueOf(rs.getString("kind")), rs.getString("label_ko"), rs.getString("label_en"),
                        rs.getBoolean("required"), rs.getInt("max_choices"), rs.getInt("max_length"),
                        questionOptions.getOrDefault(rs.getLong("id"), List.of()))).list();
        return new Ballot(b.id(), b.ownerInstitutionId(), b.kind(), b.countingRule(), b.maxChoices(), b.titleKo(),
                b.titleEn(), b.descriptionKo(), b.descriptionEn(), b.opensAt(), b.closesAt(), b.eligibility(),
                b.regionPrefix(), b.staffInstitutionId(), b.visibility(), b.phase(), b.publishedAt(), options, questions);
    }

    private static Ballot row(ResultSet rs, int i) throws SQLException {
        String rule = rs.getString("counting_rule");
        Long staff = rs.getObject("staff_institution_id", Long.class);
        Timestamp published = rs.getTimestamp("published_at");
        return new Ballot(rs.getLong("id"), rs.getLong("owner_institution_id"), Ballot.Kind.valueOf(rs.getString("kind")),
                rule == null ? null : Ballot.CountingRule.valueOf(rule), rs.getInt("max_choices"), rs.getString("title_ko"),
                rs.getString("title_en"), rs.getString("description_ko"), rs.getString("description_en"),
                rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
                Ballot.Eligibility.valueOf(rs.getString("eligibility")), rs.getString("region_prefix"),
                staff, Ballot.Visibility.valueOf(rs.getString("visibility")),
                Ballot.Phase.valueOf(rs.getString("phase")), published == null ? null : published.toInstant(), List.of(), List.of());
    }
}
