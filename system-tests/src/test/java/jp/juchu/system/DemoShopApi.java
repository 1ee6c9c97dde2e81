package jp.juchu.system;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo shop as a benchmark sees it: its hand-off file (shop ID, keys, API hosts) and calls to its
 * management API with the manager key.
 */
final class DemoShopApi {

    private static final Pattern TOTAL = Pattern.compile("\"total_count\":(\\d+)");

    private final Properties demo;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String authorization;

    private DemoShopApi(Properties demo) {
        this.demo = demo;
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString((demo.getProperty("shop-id") + ":" + demo.getProperty("manager-key"))
                                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Waits for the shop server's hand-off file, written when the demo shop opens, and then until the API
     * counts at least {@code orders} orders of the last 31 days.
     */
    static DemoShopApi await(Path handoff, int orders) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(40));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(handoff)) {
                Properties demo = new Properties();
                try (Reader reader = Files.newBufferedReader(handoff)) {
                    demo.load(reader);
                }
                DemoShopApi api = new DemoShopApi(demo);
                HttpResponse<String> page = api.post(
                        "/v2/orders/_retrieve/basic",
                        "{\"since\":\"" + OffsetDateTime.now().minusDays(31) + "\",\"size\":1}");
                Matcher total = TOTAL.matcher(page.body());
                if (total.find() && Long.parseLong(total.group(1)) >= orders) {
                    return api;
                }
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("the demo shop's orders were not ready in time");
    }

    /**
     * Another demo shop of the hand-off, waiting until the shop server has opened it and written its keys (the demo's
     * shops open one after another).
     */
    static DemoShopApi awaitShop(Path handoff, String shopId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            try {
                return await(handoff, 1).shop(shopId);
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(2000);
            }
        }
    }

    /** Another demo shop of the same hand-off (its keys are listed under its shop ID). */
    DemoShopApi shop(String shopId) {
        Properties other = new Properties();
        String prefix = shopId + ".";
        for (String name : demo.stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                other.setProperty(name.substring(prefix.length()), demo.getProperty(name));
            }
        }
        if (!shopId.equals(other.getProperty("shop-id"))) {
            throw new AssertionError("the demo hand-off lists no shop " + shopId);
        }
        return new DemoShopApi(other);
    }

    String property(String name) {
        return demo.getProperty(name);
    }

    /** POSTs JSON to the management API, e.g. {@code /v2/orders/_retrieve/all}. */
    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    /** Sends JSON to the management API with any method. */
    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(demo.getProperty("management-url") + path))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Appends a section to {@code docs/benchmarks.md}. */
    static void report(String section) throws IOException {
        Path file = Path.of(System.getProperty("juchu.workDir"))
                .resolve("../../../docs/benchmarks.md")
                .normalize();
        if (!Files.exists(file)) {
            Files.writeString(
                    file, "# Benchmarks\n\nFigures measured by the harnesses in this repository, newest last.\n");
        }
        Files.writeString(file, section, java.nio.file.StandardOpenOption.APPEND);
    }
}
