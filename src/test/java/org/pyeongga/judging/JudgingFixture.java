package org.pyeongga.judging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.evaluation.Evaluations;
import org.pyeongga.evaluation.GradeRuleSpec;
import org.pyeongga.evaluation.IndicatorSpec;
import org.pyeongga.evaluation.NewCycle;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.TestUsers;

/** Cycles with qualitative indicators and evaluator accounts for the judging tests (each test names its own). */
final class JudgingFixture {

    private JudgingFixture() {}

    /** The id of a local government by its unambiguous name, e.g. "충청남도 논산시" or "충청남도". */
    static long institution(InstitutionRegistry registry, String displayName) {
        String name = displayName.contains(" ") ? displayName.substring(displayName.lastIndexOf(' ') + 1) : displayName;
        return registry.search(new InstitutionQuery(LocalDate.parse("2024-12-31"), null, null, null, name, false), 0, 50).items()
                .stream().filter(i -> i.displayName().equals(displayName)).findFirst().orElseThrow(() ->
                        new IllegalArgumentException(displayName)).id();
    }

    /**
     * A published cycle over the given institutions (one group "시") with two qualitative indicators Q1, Q2 (0–100)
     * and one quantitative Q0 whose values are entered, so results can be computed.
     */
    static long cycle(Evaluations evaluations, EvaluationGroups groups, String code, List<Long> institutions, int qualitative) {
        long group = groups.define(code, code, null, null, LocalDate.parse("2024-12-31"), institutions);
        long program = evaluations.createProgram(code, "심사 시험 " + code, null, "YEARLY");
        var rule = GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("우수", new BigDecimal("0.3")),
                new GradeRuleSpec.Band("보통", BigDecimal.ONE)), java.math.RoundingMode.FLOOR, true, false);
        long cycle = evaluations.createCycle(program, new NewCycle("2024년", 2024, 2023, null, LocalDate.parse("2023-01-01"),
                LocalDate.parse("2023-12-31"), rule, List.of(new NewCycle.TargetGroup("시", group))));
        List<IndicatorSpec> framework = new ArrayList<>();
        framework.add(new IndicatorSpec("Q0", "정량", "실적", "정량 실적", "QUANTITATIVE", BigDecimal.TEN, "HIGHER_IS_BETTER",
                "MIN_MAX", null, null));
        for (int k = 1; k <= qualitative; k++) {
            framework.add(new IndicatorSpec("Q" + k, "정성", "우수사례", "우수사례 " + k, "QUALITATIVE", BigDecimal.TEN,
                    "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)));
        }
        evaluations.defineFramework(cycle, framework);
        evaluations.publishFramework(cycle);
        int v = 0;
        for (var target : evaluations.targets(cycle)) {
            evaluations.enterValue(cycle, target.institutionId(), "Q0", BigDecimal.valueOf(10 + (v++ * 7) % 50));
        }
        return cycle;
    }

    /** An evaluator account (password TestUsers.PASSWORD), external or belonging to an institution. */
    static long evaluator(Accounts accounts, String email, String name, @Nullable Long institution) {
        return accounts.idOf(email).orElseGet(() -> accounts.create(email, name, TestUsers.PASSWORD,
                Set.of(new Membership(institution, Role.EVALUATOR))));
    }
}
