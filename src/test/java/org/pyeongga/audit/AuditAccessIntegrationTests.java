package org.pyeongga.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.organization.InstitutionKind;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.organization.NewInstitution;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** Who may read the audit trail, and how much of it: scoped to the audit officer's institution. */
@IntegrationTest
class AuditAccessIntegrationTests {

    @Autowired
    Accounts accounts;

    @Autowired
    InstitutionRegistry registry;

    @LocalServerPort
    int port;

    long boryeong;
    String boryeongAuditor = "auditor.boryeong@test.pyeongga.kr";

    @BeforeEach
    void data() {
        boryeong = registry.search(new InstitutionQuery(LocalDate.of(2026, 11, 23), null, null, "34", "보령시", false), 0, 1)
                .items().getFirst().id();
        if (!accounts.exists(boryeongAuditor)) {
            accounts.create(boryeongAuditor, "보령시 감사 담당", TestUsers.PASSWORD,
                    Set.of(new Membership(boryeong, Role.AUDIT_OFFICER)));
        }
        // Something about another institution, so the scope has something to leave out.
        registry.add(new NewInstitution("감사 범위 밖 기관 " + System.nanoTime(), null, InstitutionKind.OTHER, null, null,
                null, null, null));
    }

    @Test
    void anInstitutionsAuditOfficerSeesOnlyRecordsAboutTheirInstitution() {
        var mine = Http.api(port, boryeongAuditor).getJson("/api/v1/audit?size=1000");
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        var items = (List<Map<String, Object>>) mine.getBody().get("items");
        assertThat(items).allSatisfy(e -> assertThat((List<?>) e.get("institutionIds"))
                .anySatisfy(id -> assertThat(((Number) id).longValue()).isEqualTo(boryeong)));
        assertThat(items).isNotEmpty(); // the 보령 audit officer's own account was created about 보령시

        var all = Http.api(port, TestUsers.admin(accounts)).getJson("/api/v1/audit?size=1");
        assertThat(((Number) all.getBody().get("total")).longValue())
                .isGreaterThan(((Number) mine.getBody().get("total")).longValue());
    }

    @Test
    void nobodyElseReadsTheTrail() {
        assertThat(new Http(port).getJson("/api/v1/audit").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var evaluator = Http.api(port, TestUsers.withRole(accounts, Role.EVALUATOR)).getJson("/api/v1/audit");
        assertThat(evaluator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) evaluator.getBody().get("detail")).contains("권한이 없습니다");
        var page = Http.signedIn(port, TestUsers.withRole(accounts, Role.INSTITUTION_COORDINATOR)).getPage("/audit");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new Http(port).getPage("/audit").getStatusCode()).isEqualTo(HttpStatus.FOUND);
    }

    @Test
    void verifiesTheChainAndExportsCsvForAuditors() {
        var verification = Http.api(port, TestUsers.withRole(accounts, Role.AUDIT_OFFICER))
                .getJson("/api/v1/audit/verification");
        assertThat(verification.getBody()).containsEntry("firstBrokenSeq", null);
        assertThat(((Number) verification.getBody().get("checked")).longValue()).isPositive();

        var session = Http.signedIn(port, boryeongAuditor);
        var page = session.getPage("/audit");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("감사 기록", "account · StaffAccountCreated");
        var csv = session.getPage("/audit/export.csv");
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("\uFEFF일련번호,일시(KST)").contains("StaffAccountCreated");
        var verified = session.postForm("/audit/verification", "");
        assertThat(verified.getBody()).contains("해시 체인이 온전합니다");
    }
}
