package jp.juchu.oms.imports;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A shop platform for import tests: serves {@code POST /v2/orders/_retrieve/{blocks}} from orders held in
 * memory, paging by an immutable sequence with {@code updated_at >= since} as the contract says, and
 * answers faults queued by the test (401, 429, 5xx, slow, reset, malformed) one request at a time.
 */
public final class FakeShop implements AutoCloseable {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, StoredOrder> orders = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger failingReports = new AtomicInteger();
    private final AtomicInteger basicRequests = new AtomicInteger();
    private final AtomicInteger fullRequests = new AtomicInteger();
    private final String shopId;
    private volatile String managerKey = "manager-key-1";
    private volatile String openKey = "open-key-1";
    private volatile Consumer<Integer> beforePage = page -> {};
    private volatile boolean offerCursor;

    record StoredOrder(long sequence, String serialCode, OffsetDateTime updatedAt, ObjectNode body) {}

    enum Fault {
        UNAUTHORIZED,
        RATE_LIMITED,
        SERVER_ERROR,
        SLOW,
        RESET,
    }

    public FakeShop(String shopId) throws IOException {
        this.shopId = shopId;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/management/v2/orders/_retrieve/", this::retrieve);
        server.createContext("/item/v2/ranking/set-by-shop", this::ranking);
        server.createContext("/management/v2/orders/", this::status);
        // a request the client gave up on (a SLOW fault) does not hold up its retry, as on a real server
        server.setExecutor(executor);
        server.start();
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/management";
    }

    public String itemUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/item";
    }

    public String shopId() {
        return shopId;
    }

    public String managerKey() {
        return managerKey;
    }

    public String openKey() {
        return openKey;
    }

    void reissueManagerKey(String key) {
        managerKey = key;
    }

    void fault(Fault... next) {
        faults.addAll(List.of(next));
    }

    /** Answers with {@code next_search_after} and accepts {@code search_after}, as this repository's shop server does. */
    void offerCursor() {
        offerCursor = true;
    }

    int requests() {
        return requests.get();
    }

    /** Pages answered with the {@code basic} block only. */
    int basicPages() {
        return basicRequests.get();
    }

    /** Pages answered with whole orders. */
    int fullPages() {
        return fullRequests.get();
    }

    /** What the basic block keeps of an order: its serial code, number, dates and states. */
    private static ObjectNode basic(ObjectNode body) {
        ObjectNode basic = body.objectNode();
        for (String field : List.of(
                "serial_code",
                "order_number",
                "order_date",
                "updated_at",
                "order_status",
                "payment_status",
                "shipping_status")) {
            if (body.has(field)) {
                basic.set(field, body.get(field));
            }
        }
        return basic;
    }

    /** Runs before each page is answered, with the page's {@code from}: lets a test change orders mid-run. */
    void beforePage(Consumer<Integer> hook) {
        beforePage = hook;
    }

    /** A new order: written at the shop now (its {@code updated_at}), dated {@code orderedAt}. */
    String place(String serialCode, OffsetDateTime orderedAt, int deliveries) {
        return place(serialCode, orderedAt, now(), deliveries);
    }

    /** An order of the past, untouched since it was placed. */
    String placeHistoric(String serialCode, OffsetDateTime orderedAt) {
        return place(serialCode, orderedAt, orderedAt, 1);
    }

    private String place(String serialCode, OffsetDateTime orderedAt, OffsetDateTime updatedAt, int deliveries) {
        ObjectNode order = json.createObjectNode();
        order.put("serial_code", serialCode);
        order.put("order_number", orderedAt.toLocalDate().toString().replace("-", "") + "-" + serialCode);
        order.put("order_date", orderedAt.toString());
        order.put("order_status", "New");
        order.put("payment_status", "Unpaid");
        order.put("shipping_status", "NotShipped");
        ObjectNode buyer = order.putObject("buyer");
        buyer.put("name", "山田 太郎");
        buyer.put("name_kana", "ヤマダ タロウ");
        buyer.put("mail_address", "taro" + serialCode + "@example.jp");
        buyer.put("phone", "03-1234-5678");
        buyer.put("postal_code", "150-0001");
        buyer.put("prefecture", "東京都");
        buyer.put("address1", "渋谷区神宮前1-2-3");
        buyer.put("address2", "");
        buyer.putNull("member");
        order.putObject("payment").put("method", "CashOnDelivery");
        var list = order.putArray("deliveries");
        long itemsTotal = 0;
        for (int d = 1; d <= deliveries; d++) {
            ObjectNode delivery = list.addObject();
            delivery.put("delivery_id", d);
            delivery.put("name", "届け先 " + d);
            delivery.put("phone", "06-1234-567" + d);
            delivery.put("postal_code", "530-0001");
            delivery.put("prefecture", "大阪府");
            delivery.put("address1", "大阪市北区梅田1-1-" + d);
            delivery.put("address2", "");
            delivery.putNull("delivery_date");
            delivery.put("time_slot", "From14To16");
            delivery.put("gift_wrapping", "No");
            delivery.putNull("noshi");
            delivery.put("shipping_fee", 0);
            ObjectNode item = delivery.putArray("items").addObject();
            item.put("item_code", "tea-001");
            item.put("variation", "100g");
            item.put("item_name", "静岡煎茶");
            item.put("unit_price", 1080);
            item.put("quantity", 2);
            item.put("tax_rate", 8);
            itemsTotal += 2160;
            delivery.putNull("shipping");
        }
        ObjectNode amounts = order.putObject("amounts");
        amounts.put("items_total", itemsTotal);
        amounts.put("shipping_fee", 800);
        amounts.put("cod_fee", 330);
        amounts.put("gift_wrapping_fee", 0);
        amounts.put("coupon_discount", 0);
        amounts.put("points_used", 0);
        amounts.put("total", itemsTotal + 1130);
        amounts.putArray("tax");
        order.put("remarks", "");
        order.put("created_at", orderedAt.toString());
        store(serialCode, updatedAt, order, sequence.incrementAndGet());
        return serialCode;
    }

    /** The order's JSON as the shop keeps it (and sends it), in the shop's own key order. */
    String orderJson(String serialCode) {
        return orders.get(serialCode).body().toString();
    }

    /** Changes an order at the shop now: its {@code updated_at} moves, its place in the paging does not. */
    void change(String serialCode, Consumer<ObjectNode> change) {
        StoredOrder stored = orders.get(serialCode);
        ObjectNode body = stored.body().deepCopy();
        change.accept(body);
        store(serialCode, now(), body, stored.sequence());
    }

    private void store(String serialCode, OffsetDateTime updatedAt, ObjectNode body, long seq) {
        body.put("updated_at", updatedAt.toString());
        orders.put(serialCode, new StoredOrder(seq, serialCode, updatedAt, body));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(TOKYO);
    }

    private void retrieve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            Fault fault = faults.poll();
            if (fault == Fault.RESET) {
                exchange.sendResponseHeaders(200, 100_000);
                exchange.getResponseBody().write("{\"total_count\": 5, \"orders\": [".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                return;
            }
            if (fault == Fault.SLOW) {
                sleep(3_000);
            }
            if (fault == Fault.SERVER_ERROR) {
                send(exchange, 503, "{\"status\":503}");
                return;
            }
            if (fault == Fault.RATE_LIMITED) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 429, "{\"status\":429}");
                return;
            }
            if (fault == Fault.UNAUTHORIZED || !authorised(exchange, managerKey)) {
                send(exchange, 401, "{\"status\":401,\"title\":\"Unauthorized\"}");
                return;
            }
            JsonNode request = json.readTree(exchange.getRequestBody());
            OffsetDateTime since = OffsetDateTime.parse(request.get("since").asString());
            int from = request.has("from") ? request.get("from").asInt() : 0;
            int size = request.has("size") ? request.get("size").asInt() : 100;
            long after = request.has("search_after")
                    ? Long.parseLong(request.get("search_after").asString())
                    : 0;
            List<StoredOrder> all = orders.values().stream()
                    .filter(o -> !o.updatedAt().isBefore(since))
                    .sorted(Comparator.comparingLong(StoredOrder::sequence))
                    .toList();
            beforePage.accept(
                    after == 0
                            ? from
                            : (int) all.stream()
                                    .filter(o -> o.sequence() <= after)
                                    .count());
            OffsetDateTime searchedAt = now();
            List<StoredOrder> window = new ArrayList<>(orders.values().stream()
                    .filter(o -> !o.updatedAt().isBefore(since))
                    .sorted(Comparator.comparingLong(StoredOrder::sequence))
                    .toList());
            ObjectNode response = json.createObjectNode();
            if (after == 0) {
                response.put("total_count", window.size());
            }
            response.put("from", from);
            response.put("size", size);
            response.put("searched_at", searchedAt.toString());
            var array = response.putArray("orders");
            List<StoredOrder> page = after == 0
                    ? window.stream().skip(from).limit(size).toList()
                    : window.stream()
                            .filter(o -> o.sequence() > after)
                            .limit(size)
                            .toList();
            boolean basic = exchange.getRequestURI().getPath().endsWith("/basic");
            page.forEach(o -> array.add(basic ? basic(o.body()) : o.body()));
            (basic ? basicRequests : fullRequests).incrementAndGet();
            if (offerCursor && page.size() == size) {
                response.put(
                        "next_search_after",
                        String.valueOf(page.get(page.size() - 1).sequence()));
            }
            send(exchange, 200, json.writeValueAsString(response));
        }
    }

    /** The shipment reports ({@code PUT /v2/orders/{serial}/status}) the shop accepted, as path and body. */
    public List<String> shipmentReports() {
        return List.copyOf(reports);
    }

    /** The next {@code count} shipment reports are answered 503. */
    public void failReports(int count) {
        failingReports.set(count);
    }

    private void status(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"PUT".equals(exchange.getRequestMethod())
                    || !exchange.getRequestURI().getPath().endsWith("/status")) {
                send(exchange, 404, "{\"status\":404}");
                return;
            }
            if (!authorised(exchange, managerKey)) {
                send(exchange, 401, "{\"status\":401}");
                return;
            }
            if (failingReports.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, 503, "{\"status\":503}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            reports.add(exchange.getRequestURI().getPath() + " " + body);
            send(exchange, 200, "{}");
        }
    }

    /** Breaks the order at the shop so the OMS cannot read it (its amounts block becomes a string). */
    void corrupt(String serialCode) {
        change(serialCode, body -> body.put("amounts", "broken"));
    }

    private void ranking(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange, openKey) && !authorised(exchange, managerKey)) {
                send(exchange, 401, "{\"status\":401}");
                return;
            }
            send(exchange, 200, "{\"period_days\":30,\"ranking\":[]}");
        }
    }

    private boolean authorised(HttpExchange exchange, String key) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected =
                "Basic " + Base64.getEncoder().encodeToString((shopId + ":" + key).getBytes(StandardCharsets.UTF_8));
        return expected.equals(header);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The secret this shop gives a notification endpoint registered with {@link #offerNotifications()}. */
    public String notificationSecret() {
        return "whsec_fake-" + shopId;
    }

    /** The endpoint URLs registered at this shop for change notifications. */
    public final List<String> notificationEndpoints = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Offers change notifications: {@code POST /v2/notifications/endpoints} registers a URL (else 404, like Shop Serve). */
    public FakeShop offerNotifications() {
        server.createContext("/management/v2/notifications/endpoints", exchange -> {
            try (exchange) {
                if (!authorised(exchange, managerKey)) {
                    send(exchange, 401, "{\"status\":401}");
                    return;
                }
                JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
                notificationEndpoints.add(body.get("url").asString());
                send(
                        exchange,
                        201,
                        "{\"endpoint\":{\"id\":" + notificationEndpoints.size() + "},\"secret\":\""
                                + notificationSecret() + "\"}");
            }
        });
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
