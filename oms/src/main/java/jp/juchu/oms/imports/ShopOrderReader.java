package jp.juchu.oms.imports;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.ShopOrder;
import jp.juchu.oms.orders.TimeSlot;
import jp.juchu.support.db.Utf8Text;
import jp.juchu.support.time.IsoTimes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one order of the platform API (blocks {@code all}) and checks it: the fields the OMS relies on
 * are present and the amounts add up. What fails is quarantined with the reason this class gives, never
 * half-imported.
 */
final class ShopOrderReader {

    private static final Set<String> ORDER_STATUSES = Set.of("New", "Processing", "Completed", "Cancelled");
    private static final Set<String> PAYMENT_STATUSES = Set.of("Unpaid", "Paid");
    private static final Set<String> SHIPPING_STATUSES = Set.of("NotShipped", "Shipped");

    /** The longest serial code the orders' column holds (oms_order.serial_code). */
    static final int SERIAL_CODE_LENGTH = 64;

    private final JsonMapper json = JsonMapper.builder().build();

    /** The order's reason for quarantine (取込保留). */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason);
        }
    }

    /** The payload as a JSON object, or why it is not one. */
    JsonNode tree(String payload) throws Unreadable {
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (JacksonException e) {
            throw new Unreadable("JSONとして読めません");
        }
        if (node == null || !node.isObject()) {
            throw new Unreadable("受注データがオブジェクトではありません");
        }
        return node;
    }

    /**
     * Reads and checks an order whose tree and canonical text are already known; its content hash is left to the
     * importer, who computes it only to compare it ({@link IncomingOrder#contentHash}).
     */
    IncomingOrder read(JsonNode node, Utf8Text payload) throws Unreadable {
        ShopOrder order = order(node);
        checkAmounts(order);
        checkLengths(order);
        checkNoNul(node, payload);
        return new IncomingOrder(order, payload, null);
    }

    /**
     * A NUL anywhere else in the order (a field the OMS does not read, a key) is refused too: the order as sent is kept
     * as {@code json}, which holds it, but the order page reads it as {@code jsonb}, which cannot. The JSON text writes
     * a NUL as a backslash escape (u0000), so only an order whose text has one is walked.
     */
    private static void checkNoNul(JsonNode node, Utf8Text payload) throws Unreadable {
        if (payload.containsAscii("\\u0000")) {
            String at = nulAt(node, "");
            if (at != null) {
                throw new Unreadable(at.replace("\0", "\\0") + " に使えない文字 (NUL) があります");
            }
        }
    }

    /** Where the first NUL is, as a path of keys and 1-based positions; null when there is none. */
    private static String nulAt(JsonNode node, String path) {
        if (node.isString()) {
            return node.asString().indexOf('\0') >= 0 ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = nulAt(node.get(i), path + "[" + (i + 1) + "]");
                if (at != null) {
                    return at;
                }
            }
        }
        if (node.isObject()) {
            for (var property : node.properties()) {
                String key = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                String at = property.getKey().indexOf('\0') >= 0 ? key : nulAt(property.getValue(), key);
                if (at != null) {
                    return at;
                }
            }
        }
        return null;
    }

    /**
     * The order's JSON with its keys sorted, so the same content always reads the same: its SHA-256 tells a changed
     * order from an unchanged one, the text is what the OMS keeps as the order the shop sent (one serialisation for
     * both; the order page shows it re-indented whatever its key order).
     *
     * @param scratch a buffer to write it in, emptied first (one for a page's orders, so that each allocates only its
     *     own text)
     */
    Canonical canonical(JsonNode node, ByteArrayOutputStream scratch) {
        scratch.reset();
        try (JsonGenerator generator = json.createGenerator(scratch)) {
            writeSorted(generator, node);
        }
        return new Canonical(scratch.toByteArray());
    }

    /**
     * Writes the tree with every object's keys in their natural order, the text Jackson's
     * {@code WRITE_PROPERTIES_SORTED} gives, and leaves the tree as it is. Jackson's sorting copies every object into a
     * tree map as it writes it, and so did putting the keys in order in the tree: the shop's objects come in the order
     * of its records' components, not sorted, and that copying was a sixth of all the OMS allocated in a first import
     * (docs/benchmarks.md, twelfth). An object whose keys come sorted costs only the comparisons.
     */
    private static void writeSorted(JsonGenerator generator, JsonNode node) {
        if (node instanceof ObjectNode object) {
            generator.writeStartObject();
            Set<Map.Entry<String, JsonNode>> properties = object.properties();
            if (sorted(properties)) {
                for (Map.Entry<String, JsonNode> property : properties) {
                    generator.writeName(property.getKey());
                    writeSorted(generator, property.getValue());
                }
            } else {
                @SuppressWarnings("unchecked")
                Map.Entry<String, JsonNode>[] inOrder = properties.toArray(new Map.Entry[properties.size()]);
                Arrays.sort(inOrder, Map.Entry.comparingByKey());
                for (Map.Entry<String, JsonNode> property : inOrder) {
                    generator.writeName(property.getKey());
                    writeSorted(generator, property.getValue());
                }
            }
            generator.writeEndObject();
        } else if (node instanceof ArrayNode array) {
            generator.writeStartArray();
            for (int i = 0; i < array.size(); i++) {
                writeSorted(generator, array.get(i));
            }
            generator.writeEndArray();
        } else if (node.isString()) {
            generator.writeString(node.stringValue());
        } else {
            generator.writeTree(node);
        }
    }

    /** Whether the keys come in String order (as a tree map gives them). */
    private static boolean sorted(Set<Map.Entry<String, JsonNode>> properties) {
        String previous = null;
        for (Map.Entry<String, JsonNode> property : properties) {
            if (previous != null && previous.compareTo(property.getKey()) > 0) {
                return false;
            }
            previous = property.getKey();
        }
        return true;
    }

    /** An order's canonical JSON (UTF-8). */
    record Canonical(byte[] json) {

        /** The JSON as the text the OMS keeps, left as its bytes (the copy into the database sends them as they are). */
        Utf8Text text() {
            return new Utf8Text(json);
        }

        /**
         * Its content hash, computed when asked: only an order the OMS holds already is compared by it; a new order's
         * is written by the database as it inserts the row.
         */
        String hash() {
            return IncomingOrder.contentHash(json);
        }
    }

    private ShopOrder order(JsonNode o) throws Unreadable {
        JsonNode buyer = object(o, "buyer");
        JsonNode member = buyer.get("member");
        JsonNode deliveries = o.get("deliveries");
        if (deliveries == null || !deliveries.isArray() || deliveries.isEmpty()) {
            throw new Unreadable("お届け先 (deliveries) がありません");
        }
        List<ShopOrder.Delivery> list = new ArrayList<>();
        for (JsonNode delivery : deliveries) {
            list.add(delivery(delivery));
        }
        JsonNode payment = o.get("payment");
        JsonNode amounts = object(o, "amounts");
        List<ShopOrder.TaxLine> tax = new ArrayList<>();
        JsonNode taxLines = amounts.get("tax");
        if (taxLines != null && taxLines.isArray()) {
            for (JsonNode line : taxLines) {
                tax.add(new ShopOrder.TaxLine(
                        (int) number(line, "rate"), number(line, "taxable_amount"), number(line, "tax")));
            }
        }
        return new ShopOrder(
                required(o, "serial_code"),
                required(o, "order_number"),
                dateTime(o, "order_date"),
                dateTime(o, "updated_at"),
                oneOf(o, "order_status", ORDER_STATUSES),
                oneOf(o, "payment_status", PAYMENT_STATUSES),
                oneOf(o, "shipping_status", SHIPPING_STATUSES),
                new ShopOrder.Buyer(
                        required(buyer, "name"),
                        text(buyer, "name_kana"),
                        text(buyer, "mail_address"),
                        text(buyer, "phone"),
                        text(buyer, "postal_code"),
                        text(buyer, "prefecture"),
                        text(buyer, "address1"),
                        text(buyer, "address2"),
                        member == null || member.isNull() ? null : text(member, "account")),
                payment == null || payment.isNull() ? "Unknown" : required(payment, "method"),
                List.copyOf(list),
                new ShopOrder.Amounts(
                        number(amounts, "items_total"),
                        number(amounts, "shipping_fee"),
                        optionalNumber(amounts, "cod_fee"),
                        optionalNumber(amounts, "gift_wrapping_fee"),
                        optionalNumber(amounts, "coupon_discount"),
                        optionalNumber(amounts, "points_used"),
                        number(amounts, "total"),
                        List.copyOf(tax)),
                text(o, "remarks"));
    }

    private ShopOrder.Delivery delivery(JsonNode d) throws Unreadable {
        JsonNode itemsNode = d.get("items");
        if (itemsNode == null || !itemsNode.isArray() || itemsNode.isEmpty()) {
            throw new Unreadable("お届け先 " + text(d, "delivery_id") + " に商品 (items) がありません");
        }
        List<ShopOrder.Item> items = new ArrayList<>();
        for (JsonNode item : itemsNode) {
            int quantity = (int) number(item, "quantity");
            if (quantity <= 0) {
                throw new Unreadable("商品 " + text(item, "item_code") + " の数量が正しくありません: " + quantity);
            }
            int rate = (int) number(item, "tax_rate");
            if (rate != 10 && rate != 8 && rate != 0) {
                throw new Unreadable("商品 " + text(item, "item_code") + " の税率が正しくありません: " + rate);
            }
            items.add(new ShopOrder.Item(
                    required(item, "item_code"),
                    text(item, "variation"),
                    required(item, "item_name"),
                    number(item, "unit_price"),
                    quantity,
                    rate));
        }
        JsonNode shipping = d.get("shipping");
        boolean hasShipping = shipping != null && shipping.isObject();
        return new ShopOrder.Delivery(
                (int) number(d, "delivery_id"),
                required(d, "name"),
                text(d, "name_kana"),
                text(d, "phone"),
                text(d, "postal_code"),
                text(d, "prefecture"),
                text(d, "address1"),
                text(d, "address2"),
                date(d, "delivery_date"),
                TimeSlot.fromShop(text(d, "time_slot")),
                "Yes".equals(text(d, "gift_wrapping")),
                text(d, "noshi"),
                optionalNumber(d, "shipping_fee"),
                List.copyOf(items),
                hasShipping ? text(shipping, "carrier") : null,
                hasShipping ? text(shipping, "tracking_number") : null,
                hasShipping ? date(shipping, "shipped_date") : null);
    }

    /** An order whose amounts do not add up is not trusted: its total would mislead every later step. */
    private static void checkAmounts(ShopOrder order) throws Unreadable {
        ShopOrder.Amounts a = order.amounts();
        long lines = order.deliveries().stream()
                .flatMap(d -> d.items().stream())
                .mapToLong(i -> i.unitPrice() * i.quantity())
                .sum();
        if (lines != a.itemsTotal()) {
            throw new Unreadable("商品合計 (items_total) " + a.itemsTotal() + " が明細の合計 " + lines + " と一致しません");
        }
        long total = a.itemsTotal()
                + a.shippingFee()
                + a.codFee()
                + a.giftWrappingFee()
                - a.couponDiscount()
                - a.pointsUsed();
        if (total != a.total()) {
            throw new Unreadable("合計金額 (total) " + a.total() + " が内訳の合計 " + total + " と一致しません");
        }
    }

    private static JsonNode object(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new Unreadable(field + " がありません");
        }
        return value;
    }

    private static String required(JsonNode node, String field) throws Unreadable {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new Unreadable(field + " がありません");
        }
        return value;
    }

    /** A text field; one holding a NUL character, which PostgreSQL cannot store, is refused here for the order alone. */
    private static String text(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.get(field);
        String text = value == null || value.isNull() ? null : value.asString();
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw new Unreadable(field + " に使えない文字 (NUL) があります");
        }
        return text;
    }

    /**
     * The texts fit the OMS's columns (PostgreSQL counts characters): a longer one would fail the whole page's write
     * at every run, so the order alone is quarantined with the field and the limit.
     */
    private static void checkLengths(ShopOrder order) throws Unreadable {
        fits("serial_code", order.serialCode(), SERIAL_CODE_LENGTH);
        fits("order_number", order.orderNumber(), 64);
        ShopOrder.Buyer b = order.buyer();
        fits("buyer.name", b.name(), 200);
        fits("buyer.name_kana", b.kana(), 200);
        fits("buyer.mail_address", b.email(), 254);
        fits("buyer.phone", b.phone(), 30);
        fits("buyer.postal_code", b.postalCode(), 10);
        fits("buyer.prefecture", b.prefecture(), 10);
        fits("buyer.address1", b.address1(), 400);
        fits("buyer.address2", b.address2(), 400);
        fits("buyer.member.account", b.memberAccount(), 100);
        fits("payment.method", order.paymentMethod(), 30);
        for (ShopOrder.Delivery d : order.deliveries()) {
            int at = d.deliveryId();
            fits(at, "name", d.name(), 200);
            fits(at, "name_kana", d.kana(), 200);
            fits(at, "phone", d.phone(), 30);
            fits(at, "postal_code", d.postalCode(), 10);
            fits(at, "prefecture", d.prefecture(), 10);
            fits(at, "address1", d.address1(), 400);
            fits(at, "address2", d.address2(), 400);
            fits(at, "noshi", d.noshi(), 100);
            fits(at, "shipping.carrier", d.carrier(), 20);
            fits(at, "shipping.tracking_number", d.trackingNumber(), 40);
            for (ShopOrder.Item item : d.items()) {
                fits(at, "items.item_code", item.itemCode(), 100);
                fits(at, "items.variation", item.variation(), 200);
                fits(at, "items.item_name", item.name(), 400);
            }
        }
    }

    /** A value as a reason quotes it: at most 50 characters, so that an absurd one does not fill the 取込保留 list. */
    private static String quoted(String value) {
        return value.codePointCount(0, value.length()) <= 50
                ? value
                : value.substring(0, value.offsetByCodePoints(0, 50)) + "…";
    }

    private static void fits(String field, String value, int max) throws Unreadable {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw new Unreadable(field + " が長すぎます (" + max + " 文字まで)");
        }
    }

    /** A delivery's field: its path is written only for the reason (every order has a dozen such fields). */
    private static void fits(int deliveryId, String field, String value, int max) throws Unreadable {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            fits("deliveries[" + deliveryId + "]." + field, value, max);
        }
    }

    private static String oneOf(JsonNode node, String field, Set<String> allowed) throws Unreadable {
        String value = required(node, field);
        if (!allowed.contains(value)) {
            throw new Unreadable(field + " の値が不明です: " + quoted(value));
        }
        return value;
    }

    private static long number(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new Unreadable(field + " が整数ではありません");
        }
        return value.asLong();
    }

    private static long optionalNumber(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? 0 : number(node, field);
    }

    private static OffsetDateTime dateTime(JsonNode node, String field) throws Unreadable {
        String value = required(node, field);
        try {
            return IsoTimes.offsetDateTime(value);
        } catch (DateTimeParseException e) {
            throw new Unreadable(field + " の日時が読めません: " + quoted(value));
        }
    }

    private static LocalDate date(JsonNode node, String field) throws Unreadable {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Unreadable(field + " の日付が読めません: " + quoted(value));
        }
    }
}
