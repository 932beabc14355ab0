package org.pyeongga.core.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One data source for the whole app. Spring's own {@code spring.datasource.url} wins, then {@code PYEONGGA_DB_URL};
 * with neither, an embedded PostgreSQL 17 starts on this machine. The same Flyway migrations run on all three.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    static final String DATABASE = "pyeongga";

    @Bean(destroyMethod = "close")
    DataSource dataSource(DataSourceProperties spring, DatabaseProperties pyeongga) {
        HikariDataSource pool;
        if (spring.getUrl() != null && !spring.getUrl().isBlank()) {
            pool = spring.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        } else if (pyeongga.external()) {
            pool = new HikariDataSource();
            pool.setJdbcUrl(pyeongga.url());
            pool.setUsername(pyeongga.username());
            pool.setPassword(pyeongga.password());
        } else {
            return new EmbeddedDataSource(start(pyeongga.embedded()));
        }
        pool.setPoolName("pyeongga");
        return pool;
    }

    private static EmbeddedPostgres start(DatabaseProperties.Embedded settings) {
        Path dir = settings.dataDir().toAbsolutePath();
        try {
            if (settings.clean()) {
                deleteRecursively(dir);
            }
            Files.createDirectories(dir);
            log.info("Starting embedded PostgreSQL with data in {}", dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // Spring closes the pool and then the server (EmbeddedDataSource.close); zonky's own hook would stop
                    // the server first and leave Spring waiting 30 s on connections during shutdown.
                    .setRegisterShutdownHook(false)
                    .setPort(settings.port())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("max_connections", "100");
            // zonky's builder defaults to synchronous_commit=off: a commit could be acknowledged and then lost in a
            // crash. Durable (the default) states all three settings as production has them.
            String durability = settings.durable() ? "on" : "off";
            builder.setServerConfig("fsync", durability)
                    .setServerConfig("synchronous_commit", durability)
                    .setServerConfig("full_page_writes", durability);
            EmbeddedPostgres server = builder.start();
            createDatabaseIfMissing(server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres server) {
        try (var connection = server.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database '" + DATABASE + "'", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
