package jp.juchu.oms.system;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * db-scheduler's starter orders itself after Spring Boot 3's {@code DataSourceAutoConfiguration}, a class
 * that moved in Boot 4, so on its own it may be evaluated before any {@code DataSource} exists and quietly
 * create no scheduler. It is excluded from auto-configuration ({@code spring.autoconfigure.exclude}) and
 * imported here, after the data sources (Boot's and the embedded PostgreSQL).
 */
@AutoConfiguration(
        after = DataSourceAutoConfiguration.class,
        afterName = "jp.juchu.support.db.EmbeddedPostgresAutoConfiguration")
@Import(DbSchedulerAutoConfiguration.class)
public class SchedulerConfiguration {}
