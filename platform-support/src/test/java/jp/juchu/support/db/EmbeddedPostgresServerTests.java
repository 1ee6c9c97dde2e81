package jp.juchu.support.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class EmbeddedPostgresServerTests {

    @Test
    void aPersistentServerRunsWithTheSizesOfAnImportNotPostgresDefaults(@TempDir Path dir) {
        try (EmbeddedPostgresServer server =
                EmbeddedPostgresServer.start(new EmbeddedDatabaseSettings(dir.resolve("db"), false, 0))) {
            JdbcClient sql = JdbcClient.create(new DriverManagerDataSource(server.jdbcUrl(), "postgres", ""));

            assertThat(sql.sql("show shared_buffers").query(String.class).single())
                    .isEqualTo("512MB");
            assertThat(sql.sql("show max_wal_size").query(String.class).single())
                    .isEqualTo("4GB");
            assertThat(sql.sql("show timezone").query(String.class).single()).isEqualTo("Asia/Tokyo");
        }
    }
}
