package jp.juchu.oms.malls.shopserve;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.malls.BadShopResponse;
import jp.juchu.oms.malls.CataloguePage;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.ShopStock;
import jp.juchu.oms.malls.StockPush;
import jp.juchu.oms.malls.internal.ApiCall;
import jp.juchu.oms.malls.internal.ConnectionKeys;
import jp.juchu.oms.malls.internal.ConnectionKeys.Credentials;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A Shop Serve shop's items and their stock: the catalogue page by page, one item's stock per variation, and a stock
 * quantity written only if the shop's stock is still the one the OMS saw.
 */
@Component
class ShopServeItems {

    /** The most variations one item may have: more is an answer the OMS does not believe. */
    static final int MAX_VARIATIONS = 1000;

    private final ConnectionKeys keys;
    private final ShopServeHttp http;

    ShopServeItems(ConnectionKeys keys, ShopServeHttp http) {
        this.keys = keys;
        this.http = http;
    }

    /**
     * {@code POST /v2/items/_search} by offset: each item's basic data and stock, per variation when the shop keeps
     * it so. An item whose stock is not counted (在庫無制限) shows no variations there: its variation axes are read
     * with {@code GET /v2/items/{code}/variation} and every combination of their choices is one variation.
     */
    CataloguePage readCatalogue(MallConnection connection, int from, int size) {
        Credentials credentials = keys.credentials(connection.id());
        JsonNode body = http.call(
                connection,
                ApiCall.CATALOGUE,
                "POST",
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
                for (String variation : combinations(http.send(
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

    /** {@code GET /v2/items/{code}/stock}: the quantity per variation, or unlimited. */
    ShopStock readStock(MallConnection connection, String itemCode) {
        Credentials credentials = keys.credentials(connection.id());
        JsonNode body = http.call(
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
    StockPush pushStock(MallConnection connection, String itemCode, String variation, int expected, int quantity) {
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
        HttpResponse<byte[]> response = http.answer(
                connection, ApiCall.STOCK_SYNC, "PUT", url, credentials.shopId(), credentials.managerKey(), request);
        if (response.statusCode() == 409) {
            JsonNode problem = http.parse(response, url);
            JsonNode current = problem.get("current_quantity");
            if (current == null || !current.isIntegralNumber() || !current.canConvertToInt()) {
                throw new BadShopResponse("409 without current_quantity: " + url, null);
            }
            return StockPush.changedMeanwhile(current.asInt());
        }
        http.body(response, url);
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
}
