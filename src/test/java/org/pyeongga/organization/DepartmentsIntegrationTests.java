package org.pyeongga.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.account.StaffCards;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/** Departments of an institution and a staff member's department (contests use both for conflicts of interest). */
@IntegrationTest
class DepartmentsIntegrationTests {

    @Autowired
    Departments departments;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    StaffCards staff;

    @Autowired
    org.pyeongga.audit.AuditTrail trail;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    long institution(String name) {
        return registry.search(new InstitutionQuery(LocalDate.parse("2024-12-31"), null, null, null, name, false), 0, 50)
                .items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void aDepartmentBelongsToOneInstitutionAndItsStaffCanBeAssignedToIt() {
        long seocheon = institution("서천군");
        long buyeo = institution("부여군");
        Department tax = departments.add(seocheon, "재무과(시험)", "Finance Division (test)", null);
        departments.add(buyeo, "재무과(시험)", "Finance Division (test)", "4500000");
        assertThat(departments.of(seocheon, LocalDate.of(2026, 1, 1))).extracting(Department::nameKo).contains("재무과(시험)");
        assertThat(departments.byName(seocheon, " 재무과(시험) ")).contains(tax);
        assertThat(trail.aboutInstitution(seocheon, 10)).extracting(org.pyeongga.audit.AuditEntry::action).contains("DepartmentAdded");

        assertThatThrownBy(() -> departments.add(seocheon, "재무과(시험)", "Again", null))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("organization.department.exists");
        assertThatThrownBy(() -> departments.add(seocheon, "코드 틀림", "Bad code", "12ab"))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("organization.department.code");

        long clerk = accounts.idOf("dept-clerk@seocheon.test").orElseGet(() -> accounts.create("dept-clerk@seocheon.test",
                "서천군 주무관", TestUsers.PASSWORD, Set.of(new Membership(seocheon, Role.INDICATOR_OWNER))));
        accounts.assignDepartment(clerk, tax.id());
        assertThat(staff.departmentOf(clerk)).contains(tax.id());

        // a department of an institution the person has no role in is refused, and nothing changes
        long buyeoTax = departments.byName(buyeo, "재무과(시험)").orElseThrow().id();
        assertThatThrownBy(() -> accounts.assignDepartment(clerk, buyeoTax))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("account.department.notMember");
        assertThat(staff.departmentOf(clerk)).contains(tax.id());

        // only registry managers add departments: the clerk, signed in, is refused and nothing is added
        assertThatThrownBy(() -> org.pyeongga.support.SignedIn.as(users, "dept-clerk@seocheon.test",
                () -> departments.add(seocheon, "감사실(시험)", "Audit Office (test)", null)))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("error.forbidden");
        assertThat(departments.byName(seocheon, "감사실(시험)")).isEmpty();
        // nor may a clerk move themselves to another department
        assertThatThrownBy(() -> org.pyeongga.support.SignedIn.as(users, "dept-clerk@seocheon.test",
                () -> accounts.assignDepartment(clerk, null)))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("error.forbidden");
        assertThat(staff.departmentOf(clerk)).contains(tax.id());

        accounts.assignDepartment(clerk, null);
        assertThat(staff.departmentOf(clerk)).isEmpty();
    }
}
