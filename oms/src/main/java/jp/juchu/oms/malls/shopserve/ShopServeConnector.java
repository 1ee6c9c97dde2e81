package jp.juchu.oms.malls.shopserve;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.malls.BadShopResponse;
import jp.juchu.oms.malls.CataloguePage;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnector;
import jp.juchu.oms.malls.NotificationSubscription;
import jp.juchu.oms.malls.OrderBlocks;
import jp.juchu.oms.malls.OrderPage;
import jp.juchu.oms.malls.OrderQuery;
import jp.juchu.oms.malls.RawOrder;
import jp.juchu.oms.malls.Shipment;
import jp.juchu.oms.malls.ShopStock;
import jp.juchu.oms.malls.StockPush;
import jp.juchu.oms.malls.internal.ApiCall;
import jp.juchu.oms.malls.internal.ConnectionKeys;
import jp.juchu.oms.malls.internal.ConnectionKeys.Credentials;
import jp.juchu.support.time.IsoTimes;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The Shop Serve connector: the order API over HTTP (HTTP Basic, shop ID : key; JSON snake_case), pointed at the
 * connection's hosts — this repository's shop server or the real platform. The calls themselves and their failures
 * are {@link ShopServeHttp}'s, the items and their stock {@link ShopServeItems}'s.
 *
 * <p>Every call of a connection goes through its {@link jp.juchu.oms.malls.internal.RequestBudget} first, named by
 * its kind ({@link ApiCall}), so that the import, the stock sync and the write-back share the platform's requests per
 * minute on every node without the import ever being starved. Only the key checks before a connection is saved go
 * without (one each).
 */
@Service
public class ShopServeConnector implements MallConnector {

    private final ConnectionKeys keys;
    private final ShopServeHttp http;
    private final ShopServeItems items;

    ShopServeConnector(ConnectionKeys keys, ShopServeHttp http, ShopServeItems items) {
        this.keys = keys;
        this.http = http;
        this.items = items;
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
        request.put("size", query.size());
        if (searchAfter == null) {
            request.put("from", query.from());
        } else {
            request.put("search_after", searchAfter);
        }
        JsonNode body = http.call(
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
            raw.add(RawOrder.parsed(
                    serial != null && serial.isString() ? serial.asString() : null,
                    instant(order.get("updated_at")),
                    order));
        }
        JsonNode searchedAt = body.get("searched_at");
        JsonNode total = body.get("total_count");
        JsonNode next = body.get("next_search_after");
        return new OrderPage(
                total == null || total.isNull() ? null : total.asLong(),
                searchedAt == null || searchedAt.isNull()
                        ? OffsetDateTime.now()
                        : IsoTimes.offsetDateTime(searchedAt.asString()),
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
            return IsoTimes.offsetDateTime(value.asString())
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
        http.call(
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

    @Override
    public CataloguePage readCatalogue(MallConnection connection, int from, int size) {
        return items.readCatalogue(connection, from, size);
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
            answer = http.post(
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
        http.post(
                managementUrl + "/v2/orders/_retrieve/basic",
                shopId,
                managerKey,
                Map.of("since", OffsetDateTime.now().toString(), "size", 1));
    }

    /** Checks a key against the item (open) API with its lightest call, the shop's ranking. */
    public void checkOpenKey(String itemUrl, String shopId, String key) {
        http.send("GET", itemUrl + "/v2/ranking/set-by-shop?size=1", shopId, key, null);
    }

    @Override
    public ShopStock readStock(MallConnection connection, String itemCode) {
        return items.readStock(connection, itemCode);
    }

    @Override
    public StockPush pushStock(
            MallConnection connection, String itemCode, String variation, int expected, int quantity) {
        return items.pushStock(connection, itemCode, variation, expected, quantity);
    }
}
