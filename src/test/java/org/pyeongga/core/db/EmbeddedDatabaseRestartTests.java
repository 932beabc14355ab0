package org.pyeongga.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pyeongga.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The default start: an embedded PostgreSQL whose data folder survives a restart, migrated and seeded once. */
class EmbeddedDatabaseRestartTests {

    // Also covers the external database: a second PostgreSQL started here stands in for the production server.

    @TempDir
    Path data;

    @Test
    void aSecondStartReusesTheDataOfTheFirst() {
        long migrations;
        try (var first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select version()").query(String.class).single()).contains("PostgreSQL 17");
            assertThat(seedRows(jdbc)).isEqualTo(315);
            assertThat(count(jdbc, "organization_group")).isEqualTo(4 + 6); // the demo's 광역·시·군·구 groups, the 민원 demo's six types
            assertThat(count(jdbc, "account_user")).isEqualTo(10 + 3); // one demo account per role (and the 보령시 coordinator for voting), three more evaluators (judging)
            // 보령시 2024 상반기, an open 보령시 selection, 남해군 2025, a published 보령시 2023 하반기 selection (awards demo)
            assertThat(count(jdbc, "contest")).isEqualTo(4);
            assertThat(count(jdbc, "contest_entry")).isEqualTo(10 + 5);
            assertThat(count(jdbc, "contest_awardee_incentive")).isEqualTo(5);
            jdbc.sql("insert into organization_group (code, name) values ('KEEP', '재시작 확인')").update();
            migrations = count(jdbc, "flyway_schema_history");
        }
        try (var second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select name from organization_group where code = 'KEEP'").query(String.class).single())
                    .isEqualTo("재시작 확인");
            assertThat(seedRows(jdbc)).isEqualTo(315); // the seed ran once
            assertThat(count(jdbc, "account_user")).isEqualTo(10 + 3);
            assertThat(count(jdbc, "flyway_schema_history")).isEqualTo(migrations); // nothing ran twice
            assertThat(count(jdbc, "organization_group")).isEqualTo(4 + 6 + 1); // demo data is not loaded twice
            assertThat(count(jdbc, "contest")).isEqualTo(4);
        }
    }

    @Test
    void usesAnExternalPostgresqlWhenAUrlIsGiven() throws Exception {
        try (var external = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setDataDirectory(data.resolve("external"))
                        .setCleanDataDirectory(true)
                        .start();
                var app = new SpringApplicationBuilder(Application.class).run(
                        "--server.port=0",
                        "--pyeongga.db.url=" + external.getJdbcUrl("postgres", "postgres"),
                        "--pyeongga.db.username=postgres",
                        "--pyeongga.db.embedded.data-dir=" + data.resolve("must-not-exist"),
                        "--pyeongga.demo.enabled=false")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("show port").query(Integer.class).single()).isEqualTo(external.getPort());
            assertThat(count(jdbc, "organization_institution")).isEqualTo(315); // same migrations, same seed
            assertThat(data.resolve("must-not-exist")).doesNotExist();
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, not builder properties: those are defaults that application.properties overrides.
        return new SpringApplicationBuilder(Application.class).run(
                "--server.port=0",
                "--pyeongga.db.url=",
                "--pyeongga.db.embedded.data-dir=" + data.resolve("postgres"),
                "--pyeongga.db.embedded.clean=false",
                "--pyeongga.db.embedded.durable=true",
                "--pyeongga.demo.enabled=true");
    }

    @Test
    void startsInTheFolderItWasGiven() {
        try (var app = start()) {
            assertThat(data.resolve("postgres").resolve("PG_VERSION")).exists();
            assertThat(app.getBean(JdbcClient.class).sql("show data_directory").query(String.class).single())
                    .isEqualTo(data.resolve("postgres").toAbsolutePath().toString());
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                assertThat(jdbc.sql("show " + setting).query(String.class).single()).as(setting).isEqualTo("on");
            }
        }
    }

    private static long seedRows(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from organization_institution where source = 'SEED'").query(Long.class).single();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
