package jp.juchu.support.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that starts when {@code spring.datasource.url} is not set.
 *
 * @param dataDir where the database keeps its files between starts
 * @param ephemeral a throw-away database in a temporary directory, shared by every application
 *     context of the JVM (tests)
 * @param port fixed port, or 0 for a free one
 */
@ConfigurationProperties("juchu.embedded-db")
public record EmbeddedDatabaseSettings(
        @DefaultValue("./data/app") Path dataDir,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("0") int port) {}
