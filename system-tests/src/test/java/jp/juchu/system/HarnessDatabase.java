package jp.juchu.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import jp.juchu.support.db.EmbeddedPostgresServer;

/**
 * A PostgreSQL 17 the harness runs for the OMS (as production's nodes share one server), on a fixed port and data
 * directory: the fault soak restarts it under the running nodes, the import benchmark reads it to compare with COPY.
 */
final class HarnessDatabase implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    HarnessDatabase(Path dataDir) {
        this.dataDir = dataDir;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    private void start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            // sized as the product's embedded servers are
            EmbeddedPostgresServer.SIZES.forEach(builder::setServerConfig);
            if (Boolean.getBoolean("juchu.pgStatements")) {
                // -Djuchu.pgStatements=true: every statement counted (a measure that load does not change)
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                // the statements triggers and functions run too, each counted on its own
                builder.setServerConfig("pg_stat_statements.track", "all");
            }
            for (String setting : extraSettings().split(",")) {
                if (setting.isBlank()) {
                    continue;
                }
                int equals = setting.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("-Djuchu.pgSettings: name=value expected, not " + setting);
                }
                builder.setServerConfig(
                        setting.substring(0, equals).strip(),
                        setting.substring(equals + 1).strip());
            }
            postgres = builder.setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "Asia/Tokyo")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF-8")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * With {@code -Djuchu.pgSettings=name=value,...}: server settings for this run over the product's (a benchmark
     * trying a setting before it is made the product's, or PostgreSQL's default to compare with).
     */
    static String extraSettings() {
        return System.getProperty("juchu.pgSettings", "");
    }

    /** Stops the server (connections are cut) and starts it again on the same data and port. */
    void restart() {
        close();
        start();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
