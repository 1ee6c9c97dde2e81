package jp.juchu.oms.orders;

import java.time.OffsetDateTime;

/**
 * An order's buyer (購入者) as the customers module links orders to customers: who bought, and the few facts of the
 * order a customer's order list shows — read without the rest of the order.
 *
 * @param cancelledAtShop whether the shop says the order is cancelled
 * @param buyer the buyer as the order names them (no member account)
 */
public record OrderBuyer(
        long id,
        long connectionId,
        String orderNumber,
        OffsetDateTime orderedAt,
        long total,
        boolean cancelledAtShop,
        ShopOrder.Buyer buyer) {}
