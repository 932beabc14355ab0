package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.pyeongga.organization.EvaluationGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default start: a 2024 민원서비스 종합평가 cycle with the 307 institutions in six types, the framework
 * of {@link CivilServiceFramework}, SYNTHETIC values and one result run, so an administrator sees every institution's
 * item grades and total grade (보령시's as its notice shows them). The program's name says the numbers are synthetic.
 */
@Component
@ConditionalOnProperty(name = "pyeongga.demo.enabled", havingValue = "true")
class CivilServiceDemoData {

    static final String CODE = "DEMO-CIVIL";
    static final String GROUPS = "MOIS-CIVIL-2024";
    static final String PROGRAM = "민원서비스 종합평가 (데모: 합성 자료)";
    static final String LABEL = "2024년 민원서비스 종합평가";
    private static final Logger log = LoggerFactory.getLogger(CivilServiceDemoData.class);

    private final Evaluations evaluations;
    private final EvaluationGroups groups;

    CivilServiceDemoData(Evaluations evaluations, EvaluationGroups groups) {
        this.evaluations = evaluations;
        this.groups = groups;
    }

    /** After the registry's (10) and the 적극행정 demo (20); once. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(25)
    void load() {
        if (groups.all().stream().anyMatch(g -> g.code().equals(GROUPS + "-CENTRAL"))) {
            return;
        }
        LocalDate asOf = LocalDate.of(2024, 8, 31);
        List<Long> ids = groups.defineCivilService(GROUPS, asOf);
        long program = evaluations.createProgram(CODE, PROGRAM, "Civil service evaluation (demo: synthetic data)", "YEARLY");
        long cycle = evaluations.createCycle(program, new NewCycle(LABEL, 2024, 2024, null, LocalDate.of(2023, 9, 1), asOf,
                CivilServiceFramework.gradeRule(), CivilServiceFramework.targets(ids)));
        List<IndicatorSpec> framework = CivilServiceFramework.indicators();
        evaluations.defineFramework(cycle, framework);
        evaluations.publishFramework(cycle);
        var random = new SplittableRandom(2024_0831);
        var targets = evaluations.targets(cycle);
        for (CycleTarget target : targets) {
            // 보령시 was graded 가 in 2024 (its notice): its synthetic strength is high, its item grades still vary
            double strength = target.name().endsWith(" 보령시") ? 1.0 : random.nextDouble();
            Map<String, BigDecimal> values = new HashMap<>();
            for (IndicatorSpec indicator : framework) {
                double v = Math.max(0, Math.min(100, 45 + 45 * strength + 30 * (random.nextDouble() - 0.5)));
                values.put(indicator.code(), BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP));
            }
            evaluations.enterValues(cycle, target.institutionId(), values);
        }
        evaluations.computeResults(cycle, "데모 산출");
        log.info("Demo data: 민원서비스 종합평가 cycle {} with {} institutions and one result run", cycle, targets.size());
    }

    /** The demo cycle, if it was loaded. */
    @Nullable Long cycle() {
        return evaluations.cycles().stream().filter(c -> c.programName().equals(PROGRAM) && c.label().equals(LABEL))
                .map(Evaluations.CycleSummary::id).findFirst().orElse(null);
    }
}
