package org.pyeongga.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pyeongga.organization.importing.StandardCodeFile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analyses a stored import into a preview and, on confirmation, re-plans it against the registry as it is now (under a
 * lock) and applies the plan in one transaction, but only if the plan is exactly what the preview showed (same
 * fingerprint). If the registry changed since the preview, nothing is applied and the import goes back to a fresh
 * preview that says why.
 */
@Component
class ImportApplier {

    private final ImportStore imports;
    private final InstitutionStore institutions;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    ImportApplier(ImportStore imports, InstitutionStore institutions, JdbcClient jdbc,
            PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.imports = imports;
        this.institutions = institutions;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
    }

    void analyze(UUID id) {
        ImportStatus status = imports.find(id).orElseThrow();
        StandardCodeFile file = StandardCodeFile.parse(status.fileName(), imports.content(id));
        ImportPlanner.Plan plan = planner(status.effectiveOn())
                .plan(file, done -> imports.progress(id, file.totalDataRows(), done));
        tx.executeWithoutResult(t -> imports.saveResult(id, ImportStatus.State.PREVIEW, file.detectedFormat(), plan,
                file.totalDataRows(), null));
        imports.rememberPreview(id, plan.fingerprint());
    }

    void apply(UUID id) {
        ImportStatus status = imports.find(id).orElseThrow();
        StandardCodeFile file = StandardCodeFile.parse(status.fileName(), imports.content(id));
        tx.executeWithoutResult(t -> {
            // Lock the registry against a concurrent import or reorganisation while we re-plan and write.
            institutions.lockForChange();
            ImportPlanner.Plan plan = planner(status.effectiveOn()).plan(file, done -> { });
            if (plan.hasErrors() || !plan.fingerprint().equals(imports.previewFingerprint(id))) {
                imports.saveResult(id, ImportStatus.State.PREVIEW, file.detectedFormat(), plan, file.totalDataRows(),
                        "import.apply.changedSincePreview");
                imports.rememberPreview(id, plan.fingerprint());
                return;
            }
            // No progress updates here: they would be invisible until this transaction commits.
            for (ImportPlanner.Action action : plan.actions()) {
                execute(action, status.effectiveOn());
            }
            imports.saveResult(id, ImportStatus.State.APPLIED, file.detectedFormat(), plan, file.totalDataRows(), null);
            events.publishEvent(new RegistryImportApplied(id, status.fileName(), status.fileSha256(),
                    (int) plan.count(ImportOutcome.NEW), (int) plan.count(ImportOutcome.CHANGED),
                    (int) plan.count(ImportOutcome.ENDED)));
        });
    }

    private void execute(ImportPlanner.Action action, LocalDate effectiveOn) {
        switch (action) {
            case ImportPlanner.End end -> institutions.end(end.institutionId(), end.lastDay());
            case ImportPlanner.AssignCode assign ->
                    institutions.assignOrgCode(assign.institutionId(), assign.orgCode(), assign.fullName());
            case ImportPlanner.Rename rename -> {
                InstitutionSummary old = institutions.find(rename.institutionId(), effectiveOn).orElseThrow();
                institutions.end(old.id(), rename.effectiveOn().minusDays(1));
                long successor = institutions.insert(
                        new NewInstitution(rename.newName(), old.nameEn(), old.kind(), old.orgCode(), old.regionCode(),
                                institutions.parentOf(old.id()), rename.effectiveOn(), null),
                        "IMPORT", old.sgisCode());
                institutions.assignOrgCode(successor, old.orgCode(), rename.fullName());
                institutions.link(old.id(), successor, ChangeType.RENAMED, rename.effectiveOn(), null);
                if (rename.alsoLinkFrom() != null) {
                    institutions.link(rename.alsoLinkFrom(), successor, ChangeType.RENAMED, rename.effectiveOn(), null);
                }
            }
            case ImportPlanner.Add add -> {
                long created = institutions.insert(add.institution(), "IMPORT", null);
                if (add.predecessorId() != null) {
                    institutions.link(add.predecessorId(), created, ChangeType.RENAMED, effectiveOn, null);
                }
            }
            case ImportPlanner.Link link ->
                    institutions.link(link.predecessorId(), link.successorId(), ChangeType.RENAMED, link.effectiveOn(), null);
        }
    }

    private ImportPlanner planner(LocalDate effectiveOn) {
        List<InstitutionSummary> everything = institutions.everything(effectiveOn);
        Map<Long, List<Long>> successors = new HashMap<>();
        jdbc.sql("select predecessor_id, successor_id from organization_succession")
                .query((java.sql.ResultSet rs) -> {
                    successors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return new ImportPlanner(everything, successors, effectiveOn);
    }
}
