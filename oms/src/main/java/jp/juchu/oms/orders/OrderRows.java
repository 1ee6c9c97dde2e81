package jp.juchu.oms.orders;

import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** How an order the shop sent is laid out in the OMS's tables: the rows and the statements that write them. */
final class OrderRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OrderRows() {}

    static Object[] orderRow(long id, long connectionId, IncomingOrder incoming) {
        ShopOrder o = incoming.order();
        ShopOrder.Buyer b = o.buyer();
        ShopOrder.Amounts a = o.amounts();
        return new Object[] {
            id,
            connectionId,
            o.serialCode(),
            o.orderNumber(),
            o.orderedAt(),
            o.shopUpdatedAt(),
            o.orderStatus(),
            o.paymentStatus(),
            o.shippingStatus(),
            b.name(),
            b.kana(),
            b.email(),
            b.phone(),
            b.postalCode(),
            b.prefecture(),
            b.address1(),
            b.address2(),
            b.memberAccount(),
            o.paymentMethod(),
            a.itemsTotal(),
            a.shippingFee(),
            a.codFee(),
            a.giftWrappingFee(),
            a.couponDiscount(),
            a.pointsUsed(),
            a.total(),
            JSON.writeValueAsString(a.tax()),
            o.remarks(),
            incoming.contentHash(),
            incoming.payloadJson()
        };
    }

    /** The shop-owned values of an order row (all after id, connection and serial code), the alert, the id. */
    static Object[] updateParams(Object[] row, String alert, long id) {
        Object[] shopOwned = Arrays.copyOfRange(row, 3, row.length);
        Object[] params = Arrays.copyOf(shopOwned, shopOwned.length + 2);
        params[shopOwned.length] = alert;
        params[shopOwned.length + 1] = id;
        return params;
    }

    static Object[] shipmentRow(long id, long orderId, ShopOrder.Delivery d) {
        return new Object[] {
            id,
            orderId,
            d.deliveryId(),
            d.name(),
            d.kana(),
            d.phone(),
            d.postalCode(),
            d.prefecture(),
            d.address1(),
            d.address2(),
            d.deliveryDate() == null ? null : Date.valueOf(d.deliveryDate()),
            d.timeSlot(),
            d.giftWrapping(),
            d.noshi(),
            d.shippingFee(),
            d.carrier(),
            d.trackingNumber(),
            d.shippedDate() == null ? null : Date.valueOf(d.shippedDate())
        };
    }

    /**
     * The order's recipients as the keyword search reads them, exactly as the database's
     * {@code oms_order_recipients_refresh} makes them from the shipments (name, kana and phone without hyphens per
     * destination, in delivery order): written with a new order, so that its shipments' insert finds them in place
     * instead of rewriting the order row (and its search indexes) a second time.
     */
    static String recipients(List<ShopOrder.Delivery> deliveries) {
        List<String> parts = deliveries.stream()
                .sorted(java.util.Comparator.comparingInt(ShopOrder.Delivery::deliveryId))
                .filter(d -> d.name() != null)
                .map(d -> d.name() + " " + (d.kana() == null ? "" : d.kana()) + " "
                        + (d.phone() == null ? "" : d.phone().replace("-", "")))
                .toList();
        return parts.isEmpty() ? null : String.join(" | ", parts);
    }

    static void addItemRows(List<Object[]> rows, long shipmentId, ShopOrder.Delivery delivery) {
        int line = 1;
        for (ShopOrder.Item item : delivery.items()) {
            rows.add(new Object[] {
                shipmentId,
                line++,
                item.itemCode(),
                item.variation(),
                item.name(),
                item.unitPrice(),
                item.quantity(),
                item.taxRate()
            });
        }
    }

    /** The columns of a new order's row, as {@link #orderRow} gives them, then the recipients and the status. */
    static final List<String> ORDER_COLUMNS = List.of(
            "id",
            "connection_id",
            "serial_code",
            "order_number",
            "ordered_at",
            "shop_updated_at",
            "shop_order_status",
            "shop_payment_status",
            "shop_shipping_status",
            "buyer_name",
            "buyer_kana",
            "buyer_email",
            "buyer_phone",
            "buyer_postal_code",
            "buyer_prefecture",
            "buyer_address1",
            "buyer_address2",
            "member_account",
            "payment_method",
            "items_total",
            "shipping_fee",
            "cod_fee",
            "gift_wrapping_fee",
            "coupon_discount",
            "points_used",
            "total",
            "tax",
            "remarks",
            "content_hash",
            "payload",
            "recipients",
            "workflow_status");

    static final String UPDATE_ORDER = """
            update oms_order set order_number = ?, ordered_at = ?, shop_updated_at = ?,
                shop_order_status = ?, shop_payment_status = ?, shop_shipping_status = ?, buyer_name = ?,
                buyer_kana = ?, buyer_email = ?, buyer_phone = ?, buyer_postal_code = ?, buyer_prefecture = ?,
                buyer_address1 = ?, buyer_address2 = ?, member_account = ?, payment_method = ?, items_total = ?,
                shipping_fee = ?, cod_fee = ?, gift_wrapping_fee = ?, coupon_discount = ?, points_used = ?,
                total = ?, tax = ?::jsonb, remarks = ?, content_hash = ?, payload = ?::json,
                alert = coalesce(?, alert), version = version + 1, updated_at = now()
            where id = ?
            """;

    /** The columns of a new shipment's row, as {@link #shipmentRow} gives them. */
    static final List<String> SHIPMENT_COLUMNS = List.of(
            "id",
            "order_id",
            "delivery_id",
            "name",
            "kana",
            "phone",
            "postal_code",
            "prefecture",
            "address1",
            "address2",
            "delivery_date",
            "time_slot",
            "gift_wrapping",
            "noshi",
            "shipping_fee",
            "shop_carrier",
            "shop_tracking_number",
            "shop_shipped_date");

    static final String UPSERT_SHIPMENT = """
            insert into shipment (order_id, delivery_id, name, kana, phone, postal_code, prefecture, address1,
                address2, delivery_date, time_slot, gift_wrapping, noshi, shipping_fee, shop_carrier,
                shop_tracking_number, shop_shipped_date)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (order_id, delivery_id) do update set name = excluded.name, kana = excluded.kana,
                phone = excluded.phone, postal_code = excluded.postal_code, prefecture = excluded.prefecture,
                address1 = excluded.address1, address2 = excluded.address2, delivery_date = excluded.delivery_date,
                time_slot = excluded.time_slot, gift_wrapping = excluded.gift_wrapping, noshi = excluded.noshi,
                shipping_fee = excluded.shipping_fee, shop_carrier = excluded.shop_carrier,
                shop_tracking_number = excluded.shop_tracking_number, shop_shipped_date = excluded.shop_shipped_date
            returning id
            """;

    /** The columns of an order line's row, as {@link #addItemRows} gives them. */
    static final List<String> ITEM_COLUMNS =
            List.of("shipment_id", "line_no", "item_code", "variation", "name", "unit_price", "quantity", "tax_rate");

    /** The columns of a history entry's row. */
    static final List<String> HISTORY_COLUMNS = List.of("order_id", "kind", "actor", "summary");
}
