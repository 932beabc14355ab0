package org.pyeongga.organization;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/** Runs an import's analysis and application off the request thread, so pages can show progress. */
@Component
class ImportWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    /** A small, bounded pool: imports are heavy and rare, and a flood of uploads must queue, not run at once. */
    static final String EXECUTOR = "registryImportExecutor";

    private final ImportApplier applier;
    private final ImportStore store;

    @org.springframework.context.annotation.Bean(EXECUTOR)
    static org.springframework.core.task.TaskExecutor registryImportExecutor() {
        var executor = new org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(50);
        executor.setThreadNamePrefix("registry-import-");
        executor.initialize();
        return executor;
    }

    ImportWorker(ImportApplier applier, ImportStore store) {
        this.applier = applier;
        this.store = store;
    }

    /** At start-up no import can still be working: any left so by a stop or crash is marked failed. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void recover() {
        int stale = store.failInterrupted();
        if (stale > 0) {
            log.warn("{} import(s) were interrupted by a stop and are marked failed", stale);
        }
    }

    // Errors too (e.g. OutOfMemoryError on a hostile spreadsheet): the import must end FAILED, never stay "working".
    @Async(ImportWorker.EXECUTOR)
    public void analyze(UUID id) {
        try {
            applier.analyze(id);
        } catch (RuntimeException | Error e) {
            log.error("Import {} could not be analysed", id, e);
            store.fail(id, "import.failed.analysis");
        }
    }

    @Async(ImportWorker.EXECUTOR)
    public void apply(UUID id) {
        try {
            applier.apply(id);
        } catch (RuntimeException | Error e) {
            log.error("Import {} could not be applied; nothing was changed", id, e);
            store.fail(id, "import.failed.apply");
        }
    }
}
