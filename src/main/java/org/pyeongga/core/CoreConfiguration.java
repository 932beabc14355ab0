package org.pyeongga.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The clock (Korean time: every deadline and "as of today" is in Asia/Seoul) and shared JDBC access. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    /** Korea Standard Time; all dates users see are in it. */
    public static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    @Bean
    Clock clock() {
        return Clock.system(KOREA);
    }

    @Bean
    JdbcClient jdbcClient(javax.sql.DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    /** Today in Korea. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(KOREA));
    }
}
