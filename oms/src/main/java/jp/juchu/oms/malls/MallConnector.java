package jp.juchu.oms.malls;

/**
 * What the OMS needs from a mall, for one of the merchant's shops there: its orders, and the report of a shipment.
 * One implementation per mall kind (Shop Serve's is {@code malls.shopserve}); {@link MallConnectors} picks it by the
 * connection's {@link Mall}, so imports, shipping and stock sync never name a mall.
 *
 * <p>A connector calls its mall and says precisely what went wrong with a {@link ShopApiException} — a refused key,
 * a rate limit, an outage, an unreadable answer — and never retries: the caller decides.
 */
public interface MallConnector {

    /** The mall kind this connector serves. */
    Mall mall();

    /**
     * One page of the orders placed or changed at the shop since {@code query.since()}. Each order comes as its
     * serial code, when the mall last changed it, and its JSON in the platform order schema ({@code docs/shop-api.md}),
     * which the import reads and checks; a connector for another mall maps its own orders into that schema.
     */
    OrderPage readOrders(MallConnection connection, OrderQuery query);

    /** Tells the shop that one delivery of an order has shipped. */
    void reportShipment(MallConnection connection, Shipment shipment);

    /**
     * One page of the shop's items with their variations and stock, {@code size} items from {@code from}, for
     * building the listings (商品対応表). A mall whose API cannot list its items keeps this default, which says so.
     *
     * @throws UnsupportedOperationException when the mall's API cannot list items
     */
    default CataloguePage readCatalogue(MallConnection connection, int from, int size) {
        throw new UnsupportedOperationException("このモールのAPIからは商品一覧を読み込めません");
    }

    /**
     * Registers {@code endpointUrl} at the shop for change notifications (order placed, order changed) and returns
     * the signing secret the shop gave; empty when the mall offers no notifications (the real Shop Serve does not).
     * Registering the same URL again gives a new secret.
     */
    default java.util.Optional<NotificationSubscription> subscribeToChanges(
            MallConnection connection, String endpointUrl) {
        return java.util.Optional.empty();
    }
    /** The item's stock at the shop, per variation. */
    ShopStock readStock(MallConnection connection, String itemCode);

    /**
     * Sets one variation's quantity at the shop, only if the shop still holds {@code expected} (a compare-and-set), so
     * that a sale at the shop between the read and this write is never overwritten.
     *
     * @param variation as in {@link ShopStock#quantities()}
     */
    StockPush pushStock(MallConnection connection, String itemCode, String variation, int expected, int quantity);
}
