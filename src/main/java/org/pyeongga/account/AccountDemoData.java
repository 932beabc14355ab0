package org.pyeongga.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.organization.InstitutionKind;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.organization.NewInstitution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Demo data for the default start: one account per role (listed in the README), created once. */
@Component
@ConditionalOnProperty(name = "pyeongga.demo.enabled", havingValue = "true")
class AccountDemoData {

    static final String PASSWORD = "pyeongga-demo-2026";
    /** The demo administrators' authenticator secret (README): add it to any authenticator app to sign in. */
    static final String TOTP_SECRET = "PYEONGGADEMOAUTHENTICATORKEYABCD";
    private static final Logger log = LoggerFactory.getLogger(AccountDemoData.class);

    private final Accounts accounts;
    private final InstitutionRegistry registry;
    private final java.time.Clock clock;

    AccountDemoData(Accounts accounts, InstitutionRegistry registry, java.time.Clock clock) {
        this.accounts = accounts;
        this.registry = registry;
        this.clock = clock;
    }

    /** Early: other demos (judging's panel) use these accounts. */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(5)
    void load() {
        if (accounts.exists("admin@pyeongga.kr")) {
            return;
        }
        long mois = find("행정안전부").orElseGet(() -> registry.add(new NewInstitution("행정안전부",
                "Ministry of the Interior and Safety", InstitutionKind.CENTRAL_AGENCY, "1741000", null, null, null, null)));
        long nonsan = find("논산시").orElseThrow();
        long gunsan = find("군산시").orElseThrow();
        long boryeong = find("보령시").orElseThrow();
        Map<String, Object[]> people = new LinkedHashMap<>();
        people.put("admin@pyeongga.kr", new Object[] {"시스템 관리자", mois, Role.SYSTEM_ADMIN});
        people.put("mois@pyeongga.kr", new Object[] {"행정안전부 평가 주관", mois, Role.PROGRAM_ADMIN});
        people.put("nonsan@pyeongga.kr", new Object[] {"논산시 기관 총괄", nonsan, Role.INSTITUTION_COORDINATOR});
        people.put("nonsan.indicator@pyeongga.kr", new Object[] {"논산시 지표 담당자", nonsan, Role.INDICATOR_OWNER});
        people.put("gunsan@pyeongga.kr", new Object[] {"군산시 기관 총괄", gunsan, Role.INSTITUTION_COORDINATOR});
        people.put("evaluator@pyeongga.kr", new Object[] {"민간 평가위원", null, Role.EVALUATOR});
        people.put("committee@pyeongga.kr", new Object[] {"보령시 적극행정위원회 위원", boryeong, Role.COMMITTEE_MEMBER});
        people.put("hr@pyeongga.kr", new Object[] {"보령시 인사 담당", boryeong, Role.HR_OFFICER});
        people.put("audit@pyeongga.kr", new Object[] {"보령시 감사 담당", boryeong, Role.AUDIT_OFFICER});
        people.put("boryeong@pyeongga.kr", new Object[] {"보령시 기관 총괄", boryeong, Role.INSTITUTION_COORDINATOR});
        people.forEach((email, p) -> {
            long id = accounts.create(email, (String) p[0], PASSWORD, Set.of(new Membership((@Nullable Long) p[1], (Role) p[2])));
            if (p[2] == Role.SYSTEM_ADMIN || p[2] == Role.PROGRAM_ADMIN) {
                accounts.enrollSecondFactor(id, TOTP_SECRET, Totp.code(TOTP_SECRET, Totp.step(clock.instant()) - 1));
            }
        });
        log.info("Demo data: {} staff accounts (password in the README)", people.size());
    }

    private java.util.Optional<Long> find(String name) {
        return registry.search(new InstitutionQuery(registry.today(), null, null, null, name, false), 0, 5).items().stream()
                .filter(i -> i.name().equals(name)).map(i -> i.id()).findFirst();
    }
}
