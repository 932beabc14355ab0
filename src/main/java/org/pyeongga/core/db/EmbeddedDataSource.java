package org.pyeongga.core.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** A connection pool over the embedded PostgreSQL that also stops the server when the app stops. */
final class EmbeddedDataSource extends HikariDataSource {

    private final transient EmbeddedPostgres server;

    EmbeddedDataSource(EmbeddedPostgres server) {
        this.server = server;
        setJdbcUrl(server.getJdbcUrl("postgres", DatabaseConfiguration.DATABASE));
        setUsername("postgres");
        setPoolName("pyeongga-embedded");
        setMaximumPoolSize(20);
    }

    @Override
    public void close() {
        super.close();
        try {
            server.close();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
