package jp.juchu.oms.stocksync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shop's stock API for sync tests: {@code GET} and conditional {@code PUT /management/v2/items/{code}/stock} on
 * items without variations, held in memory, with faults (401, 429, 5xx) and sales between a read and a write queued by
 * the test.
 */
final class StockShop implements AutoCloseable {

    enum Fault {
        NONE,
        UNAUTHORIZED,
        RATE_LIMITED,
        SERVER_ERROR,
        /** a unit sold at the shop just before this request is answered */
        SALE_BEFORE
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    final Map<String, Integer> stock = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    final AtomicInteger puts = new AtomicInteger();
    final AtomicInteger conflicts = new AtomicInteger();

    StockShop() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/management/v2/items/", this::items);
        server.start();
    }

    String managementUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/management";
    }

    String itemUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/item";
    }

    private void items(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String code = URLDecoder.decode(
                    path.substring("/management/v2/items/".length(), path.length() - "/stock".length()),
                    StandardCharsets.UTF_8);
            Fault fault = faults.poll();
            if (fault == Fault.UNAUTHORIZED) {
                send(exchange, 401, "{\"status\":401}");
                return;
            }
            if (fault == Fault.RATE_LIMITED) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 429, "{\"status\":429}");
                return;
            }
            if (fault == Fault.SERVER_ERROR) {
                send(exchange, 503, "{\"status\":503}");
                return;
            }
            if (fault == Fault.SALE_BEFORE) {
                stock.computeIfPresent(code, (k, v) -> Math.max(0, v - 1));
            }
            Integer quantity = stock.get(code);
            if (quantity == null) {
                send(exchange, 404, "{\"status\":404}");
                return;
            }
            if ("PUT".equals(exchange.getRequestMethod())) {
                JsonNode body = json.readTree(exchange.getRequestBody());
                int expected = body.get("expected_quantity").asInt();
                int wanted = body.get("quantity").asInt();
                synchronized (stock) {
                    int now = stock.get(code);
                    if (now != expected) {
                        conflicts.incrementAndGet();
                        send(exchange, 409, "{\"status\":409,\"current_quantity\":" + now + "}");
                        return;
                    }
                    stock.put(code, wanted);
                }
                puts.incrementAndGet();
                quantity = wanted;
            }
            send(exchange, 200, "{\"unlimited\":\"No\",\"quantity\":" + quantity + "}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
