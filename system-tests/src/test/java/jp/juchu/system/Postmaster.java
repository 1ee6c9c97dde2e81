package jp.juchu.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A running PostgreSQL server as its data directory's {@code postmaster.pid} tells it: the postmaster's process id and
 * the port it listens on (the file's first and fourth lines).
 */
record Postmaster(long pid, int port) {

    /** The server of the first {@code postmaster.pid} under the directory (a data directory or one holding it). */
    static Optional<Postmaster> under(Path directory) {
        try (Stream<Path> files = Files.find(
                directory,
                4,
                (path, attributes) -> path.getFileName().toString().equals("postmaster.pid"))) {
            Path file = files.findFirst().orElse(null);
            if (file == null) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file);
            return Optional.of(new Postmaster(
                    Long.parseLong(lines.get(0).strip()),
                    Integer.parseInt(lines.get(3).strip())));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Vacuums and analyses the whole database {@code postgres} of a server on this host (an embedded one: user
     * {@code postgres}, trusted).
     */
    void vacuum() throws java.sql.SQLException {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
                java.sql.Statement sql = db.createStatement()) {
            sql.execute("vacuum (analyze)");
        }
    }
}
