package jp.juchu.oms.malls.shopserve;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.malls.BadShopResponse;
import jp.juchu.oms.malls.CataloguePage;
import jp.juchu.oms.malls.KeyRejected;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnector;
import jp.juchu.oms.malls.MallSettings;
import jp.juchu.oms.malls.NotificationSubscription;
import jp.juchu.oms.malls.OrderBlocks;
import jp.juchu.oms.malls.OrderPage;
import jp.juchu.oms.malls.OrderQuery;
import jp.juchu.oms.malls.RateLimited;
import jp.juchu.oms.malls.RawOrder;
import jp.juchu.oms.malls.Shipment;
import jp.juchu.oms.malls.ShopStock;
import jp.juchu.oms.malls.ShopUnavailable;
import jp.juchu.oms.malls.StockPush;
import jp.juchu.oms.malls.internal.ApiCall;
import jp.juchu.oms.malls.internal.ConnectionKeys;
import jp.juchu.oms.malls.internal.ConnectionKeys.Credentials;
import jp.juchu.oms.malls.internal.RequestBudget;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Shop Serve connector: the order API over HTTP (HTTP Basic, shop ID : key; JSON snake_case), pointed at the
 * connection's hosts — this repository's shop server or the real platform. It does not retry: it says
 * precisely what went wrong ({@link jp.juchu.oms.malls.ShopApiException}) and the caller decides.
 *
 * <p>Every call of a connection goes through its {@link RequestBudget} first, named by its kind ({@link ApiCall}),
 * so that the import, the stock sync and the write-back share the platform's requests per minute on every node
 * without the import ever being starved. Only the key checks before a connection is saved go without (one each).
 */
@Service
public class ShopServeConnector implements MallConnector {

    /** The most variations one item may have: more is an answer the OMS does not believe. */
    static final int MAX_VARIATIONS = 1000;

    private final ConnectionKeys keys;
    private final RequestBudget budget;
    private final MallSettings settings;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    ShopServeConnector(ConnectionKeys keys, RequestBudget budget, MallSettings settings) {
        this.keys = keys;
        this.budget = budget;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Mall mall() {
        return Mall.SHOP_SERVE;
    }

    /**
     * {@code POST /v2/orders/_retrieve/{blocks}}: by offset, or after the cursor of the previous page when the shop
     * gave one; {@code basic} or {@code all} blocks as the query asks.
     */
    @Override
    public OrderPage readOrders(MallConnection connection, OrderQuery query) {
        Credentials credentials = keys.credentials(connection.id());
        String searchAfter = query.searchAfter();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("since", query.since().toString());
        if (query.until() != null) {
            request.put("until", query.until().toString());
        }
        request.put("size", query.size());
        if (searchAfter == null) {
            request.put("from", query.from());
        } else {
            request.put("search_after", searchAfter);
        }
        JsonNode body = call(
                connection,
                ApiCall.IMPORT,
                "POST",
                credentials.managementUrl() + "/v2/orders/_retrieve/"
                        + (query.blocks() == OrderBlocks.ALL ? "all" : "basic"),
                credentials.shopId(),
                credentials.managerKey(),
                request);
        JsonNode orders = body.get("orders");
        if (orders == null || !orders.isArray() || (searchAfter == null && !body.has("total_count"))) {
            throw new BadShopResponse("the answer has no orders / total_count", null);
        }
        List<RawOrder> raw = new ArrayList<>();
        for (JsonNode order : orders) {
            JsonNode serial = order.get("serial_code");
            raw.add(new RawOrder(
                    serial != null && serial.isString() ? serial.asString() : null,
                    instant(order.get("updated_at")),
                    json.writeValueAsString(order),
                    order));
        }
        JsonNode searchedAt = body.get("searched_at");
        JsonNode total = body.get("total_count");
        JsonNode next = body.get("next_search_after");
        return new OrderPage(
                total == null || total.isNull() ? null : total.asLong(),
                searchedAt == null || searchedAt.isNull()
                        ? OffsetDateTime.now()
                        : OffsetDateTime.parse(searchedAt.asString()),
                List.copyOf(raw),
                next == null || next.isNull() ? null : next.asString());
    }

    /**
     * A date-time field rounded to the microsecond as PostgreSQL stores it, so that it compares equal to the
     * stored copy; null when absent or unreadable.
     */
    private static Instant instant(JsonNode value) {
        if (value == null || !value.isString()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asString())
                    .toInstant()
                    .plusNanos(500)
                    .truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Carrier, tracking number and ship date of one delivery: {@code PUT /v2/orders/{serial}/status}. */
    @Override
    public void reportShipment(MallConnection connection, Shipment shipment) {
        Credentials credentials = keys.credentials(connection.id());
        Map<String, Object> shipping = new LinkedHashMap<>();
        shipping.put("shipping_status", "Shipped");
        shipping.put("carrier", shipment.carrier());
        shipping.put("tracking_number", shipment.trackingNumber());
        shipping.put("shipped_date", shipment.shippedDate().toString());
        shipping.put("delivery_id", shipment.deliveryId());
        call(
                connection,
                ApiCall.WRITE_BACK,
                "PUT",
                credentials.managementUrl() + "/v2/orders/"
                        + URLEncoder.encode(shipment.serialCode(), StandardCharsets.UTF_8)
                        + "/status",
                credentials.shopId(),
                credentials.managerKey(),
                Map.of("shipping", shipping));
    }

    /**
     * {@code POST /v2/items/_search} by offset: each item's basic data and stock, per variation when the shop keeps
     * it so. An item whose stock is not counted (在庫無制限) shows no variations there: its variation axes are read
     * with {@code GET /v2/items/{code}/variation} and every combination of their choices is one variation.
     */
    @Override
    public CataloguePage readCatalogue(MallConnection connection, int from, int size) {
        Credentials credentials = keys.credentials(connection.id());
        JsonNode body = post(
                credentials.managementUrl() + "/v2/items/_search",
                credentials.shopId(),
                credentials.managerKey(),
                Map.of("from", from, "size", size));
        JsonNode contents = body.get("contents");
        JsonNode total = body.get("total_count");
        if (contents == null || !contents.isArray() || total == null || !total.isNumber()) {
            throw new BadShopResponse("the answer has no contents / total_count", null);
        }
        List<CataloguePage.Item> items = new ArrayList<>();
        for (JsonNode content : contents) {
            JsonNode basic = content.path("basic");
            String code = basic.path("item_code").asString("");
            if (code.isBlank()) {
                throw new BadShopResponse("an item without item_code", null);
            }
            JsonNode stock = content.path("stock");
            boolean unlimited = "Yes".equals(stock.path("unlimited").asString(""));
            List<CataloguePage.Variant> variants = new ArrayList<>();
            JsonNode variations = stock.get("variations");
            if (variations != null && variations.isArray() && !variations.isEmpty()) {
                for (JsonNode v : variations) {
                    variants.add(new CataloguePage.Variant(
                            choices(v.path("choice1"), v.path("choice2"), v.path("choice3")),
                            unlimited ? null : v.path("quantity").asInt(0)));
                }
            } else if (unlimited) {
                for (String variation : combinations(send(
                        "GET",
                        credentials.managementUrl() + "/v2/items/" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                                + "/variation",
                        credentials.shopId(),
                        credentials.managerKey(),
                        null))) {
                    variants.add(new CataloguePage.Variant(variation, null));
                }
            } else {
                variants.add(
                        new CataloguePage.Variant("", stock.path("quantity").asInt(0)));
            }
            JsonNode price = basic.get("item_price");
            items.add(new CataloguePage.Item(
                    code,
                    basic.path("item_name").asString(""),
                    price == null || !price.isNumber() ? null : price.asLong(),
                    variants));
        }
        return new CataloguePage(total.asLong(), items);
    }

    /** The choices of a variation joined as an order line names them: {@code 白/M}. */
    private static String choices(JsonNode... choices) {
        List<String> parts = new ArrayList<>();
        for (JsonNode c : choices) {
            if (c.isString() && !c.asString().isEmpty()) {
                parts.add(c.asString());
            }
        }
        return String.join("/", parts);
    }

    /** Every combination of the axes' choices ({@code 白/S}, {@code 白/M} …); one blank one when there are no axes. */
    private static List<String> combinations(JsonNode variation) {
        List<String> keys = List.of("");
        for (int axis = 1; axis <= 3; axis++) {
            JsonNode choices = variation.get("choices" + axis);
            if (choices == null || !choices.isArray() || choices.isEmpty()) {
                break;
            }
            List<String> next = new ArrayList<>();
            for (String key : keys) {
                for (JsonNode choice : choices) {
                    next.add(key.isEmpty() ? choice.asString("") : key + "/" + choice.asString(""));
                }
            }
            if (next.size() > MAX_VARIATIONS) {
                throw new BadShopResponse("more than " + MAX_VARIATIONS + " variations in one item", null);
            }
            keys = next;
        }
        return keys;
    }

    /**
     * {@code POST /v2/notifications/endpoints} with both events. A platform without notifications (the real Shop
     * Serve) answers 404 or 405: then there is nothing to subscribe to.
     */
    @Override
    public java.util.Optional<NotificationSubscription> subscribeToChanges(
            MallConnection connection, String endpointUrl) {
        Credentials credentials = keys.credentials(connection.id());
        JsonNode answer;
        try {
            answer = post(
                    credentials.managementUrl() + "/v2/notifications/endpoints",
                    credentials.shopId(),
                    credentials.managerKey(),
                    Map.of("url", endpointUrl, "events", List.of("order.placed", "order.changed")));
        } catch (BadShopResponse e) {
            if (e.getMessage() != null
                    && (e.getMessage().startsWith("HTTP 404") || e.getMessage().startsWith("HTTP 405"))) {
                return java.util.Optional.empty();
            }
            throw e;
        }
        JsonNode secret = answer.get("secret");
        JsonNode id = answer.path("endpoint").get("id");
        if (secret == null || !secret.isString() || id == null || id.isNull()) {
            throw new BadShopResponse("the registration answer has no secret / endpoint.id", null);
        }
        return java.util.Optional.of(new NotificationSubscription(id.asString(), secret.asString()));
    }

    /** Checks a manager key against the management API with the smallest possible search. */
    public void checkManagerKey(String managementUrl, String shopId, String managerKey) {
        post(
                managementUrl + "/v2/orders/_retrieve/basic",
                shopId,
                managerKey,
                Map.of("since", OffsetDateTime.now().toString(), "size", 1));
    }

    /** Checks a key against the item (open) API with its lightest call, the shop's ranking. */
    public void checkOpenKey(String itemUrl, String shopId, String key) {
        send("GET", itemUrl + "/v2/ranking/set-by-shop?size=1", shopId, key, null);
    }

    private JsonNode post(String url, String shopId, String key, Object body) {
        return send("POST", url, shopId, key, body);
    }

    /** A call of a saved connection: one token of its request budget first, then the call. */
    private JsonNode call(
            MallConnection connection,
            ApiCall kind,
            String method,
            String url,
            String shopId,
            String key,
            Object body) {
        budget.take(connection.id(), kind);
        return send(method, url, shopId, key, body);
    }

    /** {@code GET /v2/items/{code}/stock}: the quantity per variation, or unlimited. */
    @Override
    public ShopStock readStock(MallConnection connection, String itemCode) {
        Credentials credentials = keys.credentials(connection.id());
        JsonNode body = call(
                connection,
                ApiCall.STOCK_SYNC,
                "GET",
                stockUrl(credentials, itemCode),
                credentials.shopId(),
                credentials.managerKey(),
                null);
        if ("Yes".equals(text(body.get("unlimited")))) {
            return new ShopStock(itemCode, true, Map.of());
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        JsonNode variations = body.get("variations");
        if (variations != null && variations.isArray() && !variations.isEmpty()) {
            for (JsonNode v : variations) {
                quantities.put(variationKey(v), quantity(v.get("quantity"), itemCode));
            }
        } else {
            quantities.put("", quantity(body.get("quantity"), itemCode));
        }
        return new ShopStock(itemCode, false, quantities);
    }

    /**
     * {@code PUT /v2/items/{code}/stock} with {@code expected_quantity}: the shop writes the quantity only if its stock
     * is still the expected one, and answers 409 with the current quantity otherwise (docs/shop-api.md).
     */
    @Override
    public StockPush pushStock(
            MallConnection connection, String itemCode, String variation, int expected, int quantity) {
        Credentials credentials = keys.credentials(connection.id());
        Map<String, Object> request = new LinkedHashMap<>();
        if (variation == null || variation.isEmpty()) {
            request.put("expected_quantity", expected);
            request.put("quantity", quantity);
        } else {
            String[] choices = variation.split("/", -1);
            Map<String, Object> v = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(3, choices.length); i++) {
                v.put("choice" + (i + 1), choices[i]);
            }
            v.put("expected_quantity", expected);
            v.put("quantity", quantity);
            request.put("variations", List.of(v));
        }
        String url = stockUrl(credentials, itemCode);
        budget.take(connection.id(), ApiCall.STOCK_SYNC);
        HttpResponse<String> response = exchange("PUT", url, credentials.shopId(), credentials.managerKey(), request);
        if (response.statusCode() == 409) {
            JsonNode problem = parse(response, url);
            JsonNode current = problem.get("current_quantity");
            if (current == null || !current.isIntegralNumber() || !current.canConvertToInt()) {
                throw new BadShopResponse("409 without current_quantity: " + url, null);
            }
            return StockPush.changedMeanwhile(current.asInt());
        }
        body(response, url);
        return StockPush.applied(quantity);
    }

    private static String stockUrl(Credentials credentials, String itemCode) {
        return credentials.managementUrl() + "/v2/items/" + URLEncoder.encode(itemCode, StandardCharsets.UTF_8)
                + "/stock";
    }

    private static String variationKey(JsonNode v) {
        List<String> choices = new ArrayList<>();
        for (String field : List.of("choice1", "choice2", "choice3")) {
            String c = text(v.get(field));
            if (c != null && !c.isEmpty()) {
                choices.add(c);
            }
        }
        return String.join("/", choices);
    }

    /** A stock quantity of the shop's answer: a whole number that fits an {@code int}, or a bad answer. */
    static int quantity(JsonNode value, String itemCode) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new BadShopResponse("no stock quantity for item " + itemCode, null);
        }
        return value.asInt();
    }

    private static String text(JsonNode value) {
        return value == null || !value.isString() ? null : value.asString();
    }

    private JsonNode send(String method, String url, String shopId, String key, Object body) {
        return body(exchange(method, url, shopId, key, body), url);
    }

    /** The answer, unless the shop refused the key (401/403), asked to wait (429) or failed (5xx). */
    private HttpResponse<String> exchange(String method, String url, String shopId, String key, Object body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(settings.readTimeout())
                    .header("Authorization", basic(shopId, key))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ShopUnavailable("URL が正しくありません: " + url, e);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ShopUnavailable("応答がありません (タイムアウト): " + url, e);
        } catch (IOException e) {
            throw new ShopUnavailable("接続できません: " + url + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopUnavailable("中断されました: " + url, e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new KeyRejected("HTTP " + status + " from " + url);
        }
        if (status == 429) {
            throw new RateLimited(
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status >= 500) {
            throw new ShopUnavailable("HTTP " + status + ": " + url, null);
        }
        return response;
    }

    /** A 2xx answer's JSON object; any other status is a {@link BadShopResponse}. */
    private JsonNode body(HttpResponse<String> response, String url) {
        int status = response.statusCode();
        if (status >= 300) {
            throw new BadShopResponse("HTTP " + status + ": " + url + " " + abbreviate(response.body()), null);
        }
        return parse(response, url);
    }

    private JsonNode parse(HttpResponse<String> response, String url) {
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new BadShopResponse("not a JSON object: " + url, null);
            }
            return node;
        } catch (JacksonException e) {
            throw new BadShopResponse("JSON を読めません: " + url, e);
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static String basic(String shopId, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((shopId + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
