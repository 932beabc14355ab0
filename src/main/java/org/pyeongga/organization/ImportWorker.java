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

    private final ImportApplier applier;
    private final ImportStore store;

    ImportWorker(ImportApplier applier, ImportStore store) {
        this.applier = applier;
        this.store = store;
    }

    @Async
    public void analyze(UUID id) {
        try {
            applier.analyze(id);
        } catch (RuntimeException e) {
            log.error("Import {} could not be analysed", id, e);
            store.fail(id, "import.failed.analysis");
        }
    }

    @Async
    public void apply(UUID id) {
        try {
            applier.apply(id);
        } catch (RuntimeException e) {
            log.error("Import {} could not be applied; nothing was changed", id, e);
            store.fail(id, "import.failed.apply");
        }
    }
}
