package org.pyeongga.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.evaluation.Evaluations;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.pyeongga.support.IntegrationTest;

/**
 * A mail server that cannot be reached (the same context as InvitationMailFailureTests): the reminder is not lost. It
 * is recorded as failed with the server's answer, and the administrator is told whom it did not reach.
 */
@IntegrationTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=9", "spring.mail.properties.mail.smtp.connectiontimeout=2000"})
class JudgingReminderMailFailureTests {

    @Autowired
    Judging judging;

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Accounts accounts;

    @Test
    void aReminderThatCannotBeMailedIsRecordedAsFailedAndReported() {
        long cycle = JudgingFixture.cycle(evaluations, groups, "TEST-JUDGING-MAILFAIL",
                List.of(JudgingFixture.institution(registry, "충청남도 논산시"), JudgingFixture.institution(registry, "서울특별시 종로구")), 1);
        long round = evaluations.openJudgingRound(cycle, PanelKind.CITIZEN, "국민평가단", 1);
        long panel = judging.panels(round).getFirst().id();
        long citizen = JudgingFixture.evaluator(accounts, "citizen@judging.test.pyeongga.kr", "국민 평가위원", null);
        judging.addMember(panel, "citizen@judging.test.pyeongga.kr", 0);
        judging.assignAutomatically(panel);

        var report = judging.remind(round, "http://localhost");

        assertThat(report.sent()).isZero();
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.failedEvaluators()).containsExactly("국민 평가위원");
        assertThat(judging.reminders(round)).singleElement().satisfies(r -> {
            assertThat(r.userId()).isEqualTo(citizen);
            assertThat(r.status()).isEqualTo("FAILED");
            assertThat(r.unsubmitted()).isEqualTo(2);
            assertThat(r.error()).isNotBlank();
        });
    }
}
