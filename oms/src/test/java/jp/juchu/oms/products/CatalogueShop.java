package jp.juchu.oms.products;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shop platform answering the item API as the shop server's {@code ItemApiController} does: {@code POST
 * /v2/items/_search} (from / size, {@code total_count}, {@code contents[]} of {@code basic} and {@code stock} with
 * per-variation quantities) and {@code GET /v2/items/{code}/variation}; plus the two calls the key check makes.
 */
final class CatalogueShop implements AutoCloseable {

    static final String MANAGER_KEY = "manager-key-1";
    static final String OPEN_KEY = "open-key-1";

    /** An item: code, name, price, unlimited, quantity, axes (title → choices), stock per variation key. */
    record Item(
            String code,
            String name,
            long price,
            boolean unlimited,
            int quantity,
            Map<String, List<String>> axes,
            Map<String, Integer> stock) {}

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String shopId;
    final List<Item> items = new ArrayList<>();
    final AtomicInteger rateLimitedAnswers = new AtomicInteger();
    final AtomicInteger searches = new AtomicInteger();

    CatalogueShop(String shopId) throws IOException {
        this.shopId = shopId;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/management/v2/orders/_retrieve/",
                e -> answer(e, MANAGER_KEY, 200, Map.of("orders", List.of(), "total_count", 0)));
        server.createContext(
                "/item/v2/ranking/set-by-shop", e -> answer(e, OPEN_KEY, 200, Map.of("ranking", List.of())));
        server.createContext("/management/v2/items/", this::items);
        server.start();
    }

    String managementUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/management";
    }

    String itemUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/item";
    }

    String shopId() {
        return shopId;
    }

    private void items(HttpExchange e) throws IOException {
        String path = e.getRequestURI().getPath();
        if (path.endsWith("/_search") && "POST".equals(e.getRequestMethod())) {
            searches.incrementAndGet();
            if (rateLimitedAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                e.getResponseHeaders().add("Retry-After", "0");
                answer(e, MANAGER_KEY, 429, Map.of("title", "Too Many Requests"));
                return;
            }
            JsonNode body = json.readTree(e.getRequestBody().readAllBytes());
            int from = body.path("from").asInt(0);
            int size = body.path("size").asInt(100);
            List<Object> contents = new ArrayList<>();
            for (Item item : items.subList(Math.min(from, items.size()), Math.min(from + size, items.size()))) {
                contents.add(Map.of("basic", basic(item), "stock", stock(item)));
            }
            answer(
                    e,
                    MANAGER_KEY,
                    200,
                    Map.of("total_count", items.size(), "from", from, "size", size, "contents", contents));
            return;
        }
        if (path.endsWith("/variation") && "GET".equals(e.getRequestMethod())) {
            String code = java.net.URLDecoder.decode(
                    path.substring("/management/v2/items/".length(), path.length() - "/variation".length()),
                    StandardCharsets.UTF_8);
            Item item = items.stream()
                    .filter(i -> i.code().equals(code))
                    .findFirst()
                    .orElse(null);
            if (item == null) {
                answer(e, MANAGER_KEY, 404, Map.of("title", "Not Found"));
                return;
            }
            Map<String, Object> v = new LinkedHashMap<>();
            int n = 1;
            for (var axis : item.axes().entrySet()) {
                v.put("title" + n, axis.getKey());
                v.put("choices" + n, axis.getValue());
                n++;
            }
            answer(e, MANAGER_KEY, 200, v);
            return;
        }
        answer(e, MANAGER_KEY, 404, Map.of("title", "Not Found"));
    }

    private static Map<String, Object> basic(Item item) {
        Map<String, Object> basic = new LinkedHashMap<>();
        basic.put("item_code", item.code());
        basic.put("item_name", item.name());
        basic.put("item_price", item.price());
        basic.put("consumption_tax_setting", "Reduced");
        basic.put("is_open", "Yes");
        return basic;
    }

    /** As the shop server: per-variation stock only when the item has variations and counts its stock. */
    private static Map<String, Object> stock(Item item) {
        Map<String, Object> stock = new LinkedHashMap<>();
        stock.put("unlimited", item.unlimited() ? "Yes" : "No");
        stock.put("quantity", item.quantity());
        stock.put("alert_threshold", 0);
        stock.put("stock_status", item.unlimited() ? "NoControl" : item.quantity() > 0 ? "EnoughInStock" : "SoldOut");
        if (!item.axes().isEmpty() && !item.unlimited()) {
            List<Object> variations = new ArrayList<>();
            item.stock().forEach((key, quantity) -> {
                String[] c = key.split("/");
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("choice1", c[0]);
                v.put("choice2", c.length > 1 ? c[1] : null);
                v.put("choice3", c.length > 2 ? c[2] : null);
                v.put("quantity", quantity);
                variations.add(v);
            });
            stock.put("variations", variations);
        }
        return stock;
    }

    private void answer(HttpExchange e, String key, int status, Object body) throws IOException {
        String expected =
                "Basic " + Base64.getEncoder().encodeToString((shopId + ":" + key).getBytes(StandardCharsets.UTF_8));
        byte[] bytes;
        if (!expected.equals(e.getRequestHeaders().getFirst("Authorization"))) {
            status = 401;
            bytes = "{\"title\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = json.writeValueAsBytes(body);
        }
        e.getResponseHeaders().add("Content-Type", "application/json");
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
