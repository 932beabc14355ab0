package org.pyeongga.account;

import java.util.Optional;
import java.util.Set;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who someone is, for other modules that keep their own lists of people (judging's panels): id, e-mail, name and
 * memberships. It checks no permission: the calling module's own policy decides who may see the answer.
 */
@Component
public class StaffCards {

    /** One staff member as other modules see them. */
    public record StaffCard(long id, String email, String name, boolean enabled, Set<Membership> memberships) {
        public StaffCard {
            memberships = Set.copyOf(memberships);
        }

        public boolean holds(Role role) {
            return memberships.stream().anyMatch(m -> m.role() == role);
        }
    }

    private final AccountStore store;

    StaffCards(AccountStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public Optional<StaffCard> byEmail(String email) {
        return store.byEmail(email).map(this::card);
    }

    @Transactional(readOnly = true)
    public Optional<StaffCard> byId(long id) {
        return store.byId(id).map(this::card);
    }

    /** The department a staff member belongs to (organization's department id), if one was set. */
    @Transactional(readOnly = true)
    public Optional<Long> departmentOf(long userId) {
        return store.departmentId(userId);
    }

    private StaffCard card(AccountStore.Row row) {
        return new StaffCard(row.id(), row.email(), row.name(), row.enabled(), store.memberships(row.id()));
    }
}
