package org.pyeongga.support;

import java.util.Set;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;

/** Named staff personas for tests, created on first use in the shared test database. */
public final class TestUsers {

    public static final String PASSWORD = "test-password-2026";
    public static final String ADMIN = "admin@test.pyeongga.kr";

    private TestUsers() {}

    /** The e-mail of a user holding {@code role} (no institution), created if missing. */
    public static String withRole(Accounts accounts, Role role) {
        String email = role.name().toLowerCase().replace('_', '.') + "@test.pyeongga.kr";
        if (!accounts.exists(email)) {
            try {
                accounts.create(email, "시험 " + role.name(), PASSWORD, Set.of(new Membership(null, role)));
            } catch (RuntimeException raced) {
                // another test created it meanwhile
            }
        }
        return email;
    }

    public static String admin(Accounts accounts) {
        return withRole(accounts, Role.SYSTEM_ADMIN);
    }
}
