package org.pyeongga.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.judging.Judging;
import org.pyeongga.judging.PanelKind;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default start: the demo cycle's judging round (its qualitative indicator, 2 evaluators per
 * institution) with a panel of evaluator@ and three more outside experts (evaluator2–4@pyeongga.kr, the demo password),
 * one former employer and one declared conflict, assigned automatically. Sign in as evaluator@ and open 내 심사.
 */
@Component
@ConditionalOnProperty(name = "pyeongga.demo.enabled", havingValue = "true")
class JudgingDemoData {

    private static final Logger log = LoggerFactory.getLogger(JudgingDemoData.class);
    private static final String PASSWORD = "pyeongga-demo-2026";

    private final Evaluations evaluations;
    private final Judging judging;
    private final Accounts accounts;
    private final InstitutionRegistry registry;

    JudgingDemoData(Evaluations evaluations, Judging judging, Accounts accounts, InstitutionRegistry registry) {
        this.evaluations = evaluations;
        this.judging = judging;
        this.accounts = accounts;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(45)
    void load() {
        var cycle = evaluations.cycles().stream()
                .filter(c -> c.programName().startsWith("지방자치단체 적극행정 종합평가 (데모") && c.label().equals("2024년(2023년 실적)"))
                .findFirst().orElse(null);
        if (cycle == null || judging.roundFor("evaluation", String.valueOf(cycle.id())).isPresent()
                || !accounts.exists("evaluator@pyeongga.kr")) {
            return;
        }
        long round = evaluations.openJudgingRound(cycle.id(), PanelKind.EXPERT, "민간전문가 평가단", 2);
        long panel = judging.panels(round).getFirst().id();
        List<String[]> experts = List.of(new String[] {"evaluator@pyeongga.kr", "광역,시"},
                new String[] {"evaluator2@pyeongga.kr", "군"}, new String[] {"evaluator3@pyeongga.kr", "구"},
                new String[] {"evaluator4@pyeongga.kr", "시,군"});
        for (int i = 0; i < experts.size(); i++) {
            String email = experts.get(i)[0];
            if (!accounts.exists(email)) {
                accounts.create(email, "민간 평가위원 " + (i + 1), PASSWORD, Set.of(new Membership(null, Role.EVALUATOR)));
            }
            long id = judging.addMember(panel, email, 0);
            judging.setExpertise(id, Set.of(experts.get(i)[1].split(",")));
            if (i == 1) {
                judging.recordFormerEmployer(id, find("논산시"), LocalDate.of(2024, 6, 30));
            } else if (i == 2) {
                judging.declareConflict(round, id, find("보령시"), "배우자가 보령시청 근무");
            }
        }
        var run = judging.assignAutomatically(panel);
        log.info("Demo data: judging round {} with {} assignments for 4 evaluators", round, run.added());
    }

    private long find(String name) {
        return registry.search(new InstitutionQuery(registry.today(), null, null, null, name, false), 0, 5).items().stream()
                .filter(i -> i.name().equals(name)).map(i -> i.id()).findFirst().orElseThrow();
    }
}
