package org.pyeongga.evaluation;

import java.util.Optional;
import org.pyeongga.judging.SubjectMaterial;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an evaluator reads in a judging round opened from an evaluation cycle: the institution's 성과요약서 for the
 * indicator (evaluation_case_summary), or nothing if the institution wrote none.
 */
@Component
class CaseSummaryMaterial implements SubjectMaterial {

    static final String SOURCE = "evaluation";

    private final JdbcClient jdbc;

    CaseSummaryMaterial(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean serves(String source) {
        return SOURCE.equals(source);
    }

    @Override
    public Optional<Material> material(String sourceRef, String subjectRef, String criterion) {
        return jdbc.sql("""
                        select s.title, s.body from evaluation_case_summary s
                          join evaluation_indicator i on i.id = s.indicator_id
                         where s.cycle_id = :c and s.institution_id = :i and i.code = :code
                        """)
                .param("c", Long.parseLong(sourceRef)).param("i", Long.parseLong(subjectRef)).param("code", criterion)
                .query((rs, n) -> new Material(rs.getString(1), rs.getString(2))).optional();
    }
}
