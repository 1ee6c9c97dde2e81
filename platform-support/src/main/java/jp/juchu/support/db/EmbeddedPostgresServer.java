package jp.juchu.support.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run from the zonky binaries. A persistent server keeps its data directory
 * and is stopped with the application; an ephemeral one lives in a temporary directory and is shared
 * by every application context in the JVM, so a test suite starts it once, and stops when the last
 * context using it closes.
 *
 * <p>The server is stopped by the application context (after the pools and the event registry that
 * use it have closed), never by a JVM shutdown hook of its own: a hook racing the context's shutdown
 * would pull the database away from beans that still need it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /**
     * The memory and log sizes of every embedded server (and of the PostgreSQL the system tests run for the OMS, so
     * that their benchmarks measure what the product runs on). PostgreSQL's defaults are made to start on any machine.
     * With them (128 MB of shared buffers, 1 GB of write-ahead log between checkpoints) a first import of 100,000
     * orders, which writes 1.1 GB of log, forced two checkpoints; every page changed after one was logged whole again
     * (about 20,000 full-page images), and the backends wrote 42,000-47,000 table pages out themselves to free a
     * buffer. With these sizes: no checkpoint, about 3,600 full-page images, 6,000-7,400 pages written by the backends
     * (docs/benchmarks.md, "the database's sizes", 2026-12-06, fifth). A server of one's own
     * ({@code SPRING_DATASOURCE_URL}) is sized by its administrator.
     */
    public static final Map<String, String> SIZES = Map.of("shared_buffers", "512MB", "max_wal_size", "4GB");

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration LAST_CONTEXT_GRACE = Duration.ofSeconds(20);
    private static EmbeddedPostgresServer shared;
    private static int sharedUsers;

    private final EmbeddedPostgres postgres;
    private final boolean closeWithContext;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, boolean closeWithContext) {
        this.postgres = postgres;
        this.closeWithContext = closeWithContext;
    }

    static EmbeddedPostgresServer start(EmbeddedDatabaseSettings settings) {
        if (settings.ephemeral()) {
            return shared();
        }
        try {
            Path dir = settings.dataDir().toAbsolutePath().normalize();
            Files.createDirectories(dir);
            log.info("Starting embedded PostgreSQL with its data in {}", dir);
            EmbeddedPostgres postgres = builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(settings.port())
                    .start();
            return new EmbeddedPostgresServer(postgres, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            try {
                EmbeddedPostgres postgres = builder().start();
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, false);
                shared = server;
                // Only a fallback for a JVM that exits without closing its contexts.
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> server.stopWhenUnused(), "embedded-postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
        sharedUsers++;
        return shared;
    }

    private static synchronized boolean releaseShared(EmbeddedPostgresServer server) {
        if (shared != server) {
            return false;
        }
        sharedUsers--;
        if (sharedUsers > 0) {
            return false;
        }
        shared = null;
        EmbeddedPostgresServer.class.notifyAll();
        return true;
    }

    private void stopWhenUnused() {
        long deadline = System.nanoTime() + LAST_CONTEXT_GRACE.toNanos();
        synchronized (EmbeddedPostgresServer.class) {
            while (shared == this && System.nanoTime() < deadline) {
                try {
                    EmbeddedPostgresServer.class.wait(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        stop();
    }

    private static EmbeddedPostgres.Builder builder() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        SIZES.forEach(builder::setServerConfig);
        return builder.setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("timezone", "Asia/Tokyo")
                .setServerConfig("fsync", "on")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF-8");
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        if (closeWithContext || releaseShared(this)) {
            stop();
        }
    }

    private void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
