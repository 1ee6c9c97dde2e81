package jp.juchu.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the applications started the way {@code start.sh} starts it: its runnable jar in its own JVM,
 * with its own data directory (and so its own embedded PostgreSQL). Output goes to a log file beside
 * the data, which a failing test names.
 */
final class AppProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * The apps' JVM options as start.sh passes them: the repository's {@code jvm.options} (the build names it; a test
     * run from the module's directory without the build finds it one level up).
     */
    private static final String JVM_OPTIONS = System.getProperty("juchu.jvmOptions", "../jvm.options");

    /** The options of {@code jvm.options} without its comments, as a benchmark's report names them. */
    static String jvmOptions() {
        try {
            return Files.readAllLines(Path.of(JVM_OPTIONS)).stream()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .map(option -> "`" + option + "`")
                    .collect(java.util.stream.Collectors.joining(" "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AppProcess start(String name, Path jar, Path dataDir, Map<String, String> properties) {
        // -Djuchu.startMinutes=N on a busy machine, where an app can take longer than 3 minutes to start
        return start(name, jar, dataDir, properties, Duration.ofMinutes(Long.getLong("juchu.startMinutes", 3)));
    }

    /** Starts the application and waits until it reports healthy, which a large demo shop makes slow. */
    static AppProcess start(
            String name, Path jar, Path dataDir, Map<String, String> properties, Duration startTimeout) {
        int port = freePort();
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "@" + JVM_OPTIONS,
                    "-Xmx512m",
                    "-Duser.timezone=Asia/Tokyo",
                    "-jar",
                    jar.toString(),
                    "--server.port=" + port));
            if (Boolean.getBoolean("juchu.jfr")) {
                // -Djuchu.jfr=true: a flight recording of each app (where the time goes), written when it stops
                // (the profile settings sample every 10 ms; deep stacks keep the request's own frames)
                command.add(4, "-XX:FlightRecorderOptions:stackdepth=256");
                command.add(
                        5,
                        "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                                + dataDir.resolve(name + ".jfr"));
            }
            properties.forEach((key, value) -> command.add("--" + key + "=" + value));
            if (name.startsWith("shop-server")) {
                // the shop server's own FTP and SMTP servers on free ports, so runs side by side never collide
                if (!properties.containsKey("shop.files.ftp.port")) {
                    command.add("--shop.files.ftp.port=0");
                }
                if (!properties.containsKey("shop.mailboxes.smtp.port")) {
                    command.add("--shop.mailboxes.smtp.port=0");
                }
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("JUCHU_DATA_DIR", dataDir.toString());
            AppProcess app = new AppProcess(name, builder.start(), port, log);
            app.awaitHealthy(startTimeout);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** The JVM's process id, which the OMS puts in the name of the node on the leases it takes. */
    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see " + log);
    }

    /** Kills the application at once (SIGKILL), as a crash or the OOM killer would; nothing of it runs on. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Stops the application as Ctrl-C would (SIGTERM) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
