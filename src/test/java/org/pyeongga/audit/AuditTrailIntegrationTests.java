package org.pyeongga.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.pyeongga.core.Actor;
import org.pyeongga.organization.ChangeType;
import org.pyeongga.organization.InstitutionKind;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.organization.NewInstitution;
import org.pyeongga.organization.Reorganization;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** Every state change is recorded by listening to events, chained by hashes, and tampering is found. */
@IntegrationTest
@DirtiesContext
class AuditTrailIntegrationTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsEveryChangeWithWhoWhatAndWhichInstitutions() {
        long id = registry.add(new NewInstitution("감사원", "Board of Audit and Inspection", InstitutionKind.CENTRAL_AGENCY,
                "1210000", null, null, null, null));
        long gangneung = registry.search(new InstitutionQuery(LocalDate.of(2027, 1, 1), null, null, "32", "강릉시", false),
                0, 1).items().getFirst().id();
        List<Long> successors = registry.reorganize(new Reorganization(ChangeType.RENAMED, LocalDate.of(2028, 1, 1),
                List.of(gangneung), List.of(new NewInstitution("강릉특례시", null, InstitutionKind.CITY, null, "32", null,
                        null, null)), List.of(), false, "시험"));

        List<AuditEntry> recent = trail.recent(2);
        assertThat(recent).extracting(AuditEntry::action).containsExactly("InstitutionsReorganized", "InstitutionAdded");
        AuditEntry reorganized = recent.getFirst();
        assertThat(reorganized.module()).isEqualTo("organization");
        assertThat(reorganized.actor()).isEqualTo(Actor.system()); // no request, no accounts yet
        assertThat(reorganized.institutionIds()).containsExactly(gangneung, successors.getFirst());
        assertThat(reorganized.payload()).contains("\"type\":\"RENAMED\"", "\"effectiveOn\":\"2028-01-01\"");
        assertThat(reorganized.prevHash()).isEqualTo(recent.get(1).hash());
        assertThat(trail.aboutInstitution(id, 10)).extracting(AuditEntry::action).containsExactly("InstitutionAdded");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aRefusedChangeLeavesNoRecord() {
        long before = count();
        try {
            registry.add(new NewInstitution(" ", null, InstitutionKind.CENTRAL_AGENCY, null, null, null, null, null));
        } catch (RuntimeException expected) {
            // refused with a Korean message; nothing changed, so nothing is audited
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theTrailIsAppendOnly() {
        addSome(1);
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor_name = 'x' where seq = 1").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update()).hasMessageContaining("append-only");
    }

    @Test
    void verificationReportsExactlyTheTamperedRow() {
        addSome(3);
        long target = jdbc.sql("select max(seq) - 1 from audit_entry").query(Long.class).single();
        assertThat(trail.verify().intact()).isTrue();

        // Someone with full database rights edits one record behind the application's back.
        String original = jdbc.sql("select payload from audit_entry where seq = :s").param("s", target)
                .query(String.class).single();
        setPayload(target, original.replace("기관", "가짜"));
        ChainVerification result = trail.verify();
        setPayload(target, original); // leave an intact chain for the other tests
        assertThat(trail.verify().intact()).isTrue();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(target);
        assertThat(result.reason()).isEqualTo("content does not match its hash");
        assertThat(result.checked()).isEqualTo(target);
    }

    @Test
    void concurrentChangesKeepOneUnbrokenChain() throws Exception {
        long start = jdbc.sql("select coalesce(max(seq), 0) from audit_entry").query(Long.class).single();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                Callable<Long> add = () -> registry.add(new NewInstitution("동시 기관 " + n, null,
                        InstitutionKind.PUBLIC_INSTITUTION, null, null, null, null, null));
                done.add(pool.submit(add));
            }
            for (Future<Long> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Long> seqs = jdbc.sql("select seq from audit_entry where seq > :s order by seq").param("s", start)
                .query(Long.class).list();
        assertThat(seqs).hasSize(24);
        assertThat(seqs.getLast() - seqs.getFirst()).isEqualTo(23);
        Long broken = jdbc.sql("""
                        select count(*) from audit_entry a join audit_entry b on b.seq = a.seq + 1
                         where a.seq >= :s and b.prev_hash <> a.hash
                        """).param("s", Math.max(start, 1)).query(Long.class).single();
        assertThat(broken).isZero();
    }

    private void setPayload(long seq, String payload) {
        jdbc.sql("alter table audit_entry disable trigger audit_entry_no_update").update();
        try {
            jdbc.sql("update audit_entry set payload = :p where seq = :s").param("p", payload).param("s", seq).update();
        } finally {
            jdbc.sql("alter table audit_entry enable trigger audit_entry_no_update").update();
        }
    }

    private void addSome(int n) {
        for (int i = 0; i < n; i++) {
            registry.add(new NewInstitution("시험 기관 " + System.nanoTime(), null, InstitutionKind.OTHER, null, null,
                    null, null, null));
        }
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }
}
