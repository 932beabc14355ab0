package org.pyeongga.core.db;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. With no {@code url} Pyeongga starts its own embedded PostgreSQL whose files live under
 * {@code dataDir}; with a {@code url} (env {@code PYEONGGA_DB_URL}) it uses that external PostgreSQL 15+ instead.
 */
@ConfigurationProperties("pyeongga.db")
public record DatabaseProperties(
        @Nullable String url,
        @Nullable String username,
        @Nullable String password,
        Embedded embedded) {

    public DatabaseProperties {
        if (embedded == null) {
            embedded = new Embedded(Path.of("data", "postgres"), 0, false, true);
        }
    }

    boolean external() {
        return url != null && !url.isBlank();
    }

    /**
     * The embedded server: its data folder (kept across restarts), port (0 = any free port), whether to wipe the
     * folder at start (tests), and whether writes are durable (fsync; off only in tests).
     */
    public record Embedded(Path dataDir, int port, boolean clean, boolean durable) {}
}
