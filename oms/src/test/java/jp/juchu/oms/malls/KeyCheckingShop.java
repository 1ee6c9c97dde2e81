package jp.juchu.oms.malls;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * A shop for the key checks: its management API ({@code /m}) takes only the manager keys, its item API ({@code /i})
 * any of the open and manager keys; anything else is 401. {@link #rateLimited} makes the management API answer 429.
 */
public final class KeyCheckingShop implements AutoCloseable {

    private final HttpServer server;
    private final String shopId;
    private final Set<String> managerKeys;
    private final Set<String> itemKeys;
    public volatile boolean rateLimited;

    public KeyCheckingShop(String shopId, List<String> openKeys, List<String> managerKeys) {
        this.shopId = shopId;
        this.managerKeys = Set.copyOf(managerKeys);
        this.itemKeys = java.util.stream.Stream.concat(openKeys.stream(), managerKeys.stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(
                "/m/v2/",
                exchange -> answer(
                        exchange,
                        rateLimited ? 429 : authorised(exchange, this.managerKeys) ? 200 : 401,
                        "{\"total_count\":0,\"orders\":[]}"));
        server.createContext(
                "/i/v2/",
                exchange -> answer(
                        exchange, authorised(exchange, itemKeys) ? 200 : 401, "{\"period_days\":30,\"ranking\":[]}"));
        server.start();
    }

    /** The base URL of the management API; the item API is at {@link #itemUrl()}. */
    public String managementUrl() {
        return base() + "/m";
    }

    public String itemUrl() {
        return base() + "/i";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private boolean authorised(HttpExchange exchange, Set<String> keys) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return keys.stream()
                .anyMatch(key -> ("Basic "
                                + Base64.getEncoder()
                                        .encodeToString((shopId + ":" + key).getBytes(StandardCharsets.UTF_8)))
                        .equals(header));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        try (exchange) {
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "42");
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
