package org.pyeongga.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.ResultPage;
import org.pyeongga.core.UserFacingException;
import org.springframework.stereotype.Service;

/**
 * Imports of the official 행정표준코드 기관코드 file. An upload is analysed into a preview (new, changed, ended
 * institutions and errors by row number) without touching the registry; only a confirmation applies it, all or
 * nothing, and a file with any error cannot be confirmed. Analysis and application run in the background and report
 * progress.
 */
@Service
public class RegistryImports {

    /** The largest file accepted (the full national code list is far smaller). */
    public static final int MAX_BYTES = 50 * 1024 * 1024;

    private final ImportStore store;
    private final ImportWorker worker;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final RegistryPermissions permissions;

    RegistryImports(ImportStore store, ImportWorker worker, org.springframework.context.ApplicationEventPublisher events,
            RegistryPermissions permissions) {
        this.permissions = permissions;
        this.store = store;
        this.worker = worker;
        this.events = events;
    }

    /** Stores the file and starts its analysis; returns the import's id at once. */
    public UUID upload(@Nullable String fileName, byte @Nullable [] content, @Nullable LocalDate effectiveOn) {
        permissions.requireManage();
        if (content == null || content.length == 0) {
            throw UserFacingException.badInput("import.upload.empty");
        }
        if (content.length > MAX_BYTES) {
            throw UserFacingException.badInput("import.upload.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        if (effectiveOn == null) {
            throw UserFacingException.badInput("import.upload.effectiveOnRequired");
        }
        String name = fileName == null || fileName.isBlank() ? "upload" : cleanName(fileName);
        UUID id = UUID.randomUUID();
        String sha = org.pyeongga.core.Digests.sha256Hex(content);
        store.create(id, name, sha, content, effectiveOn);
        events.publishEvent(new RegistryImportUploaded(id, name, sha, effectiveOn));
        worker.analyze(id);
        return id;
    }

    public ImportStatus status(UUID id) {
        return store.find(id).orElseThrow(() -> UserFacingException.notFound("import.notFound"));
    }

    public List<ImportStatus> recent() {
        return store.recent(20);
    }

    public ResultPage<ImportLine> lines(UUID id, @Nullable ImportOutcome outcome, int page, int size) {
        status(id);
        int offset = ResultPage.offset(page, size, 1000);
        return new ResultPage<>(store.lines(id, outcome, offset, size), page, size, store.countLines(id, outcome));
    }

    /** Applies a preview that has no errors. Refused for a preview with errors, or one already applied. */
    public void confirm(UUID id) {
        permissions.requireManage();
        ImportStatus status = status(id);
        if (status.state() == ImportStatus.State.PREVIEW && status.errors() > 0) {
            throw UserFacingException.conflict("import.confirm.hasErrors", status.errors());
        }
        if (!store.startApplying(id)) {
            throw UserFacingException.conflict("import.confirm.notPreview");
        }
        events.publishEvent(new RegistryImportConfirmed(id));
        worker.apply(id);
    }

    private static String cleanName(String fileName) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
        return base.length() > 200 ? base.substring(0, 200) : base;
    }
}
