package jp.juchu.oms.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.SampleOrders;
import jp.juchu.oms.products.internal.ListingEditing;
import jp.juchu.oms.products.internal.ProductCatalog;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An order line whose item no listing resolves puts 未登録商品 on the order, whichever path created it; mapping the
 * item from 商品候補一覧 (or by "map equal codes" after the confirmation list) takes that alert, and only it, off.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UnmappedItemAlertTests {

    @Autowired
    Orders orders;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    ListingEditing listings;

    @Autowired
    MallConnections connections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    String alert(long orderId) {
        return jdbc.sql("select alert from oms_order where id = ?")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    long importOrder(long shop, String itemCode) {
        return SampleOrders.apply(
                orders,
                jdbc,
                shop,
                SampleOrders.order(
                        ProductFixture.code("o"), OffsetDateTime.now(), "山田 太郎", "CreditCard", "Paid", itemCode, 1080));
    }

    void awaitAlert(long orderId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> alert(orderId) != null && alert(orderId).contains("未登録商品"));
    }

    @Test
    void anImportedOrderWithAnUnmappedItemIsAlertedAndLinkingTheItemFromTheCandidatesClearsOnlyThatAlert()
            throws Exception {
        long shop = ProductFixture.shop(jdbc);
        String itemCode = ProductFixture.code("shop-item");
        long orderId = importOrder(shop, itemCode);
        awaitAlert(orderId);
        orders.raiseAlert(orderId, "ブラックリストの顧客の注文です", "テスト");

        Document page = Jsoup.parse(mvc.perform(get("/products/candidates")
                        .param("connection", String.valueOf(shop))
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("[data-testid=candidate-item]").eachText()).contains(itemCode);
        assertThat(page.select("[data-testid=orders-waiting]").eachText()).contains("1");

        String sku = ProductFixture.code("sku");
        catalog.create(ProductFixture.sku(sku, "煎茶"), "担当者");
        mvc.perform(post("/products/listings")
                        .param("connectionId", String.valueOf(shop))
                        .param("itemCode", itemCode)
                        .param("variation", "")
                        .param("productCode", sku)
                        .param("multiplier", "1")
                        .param("back", "candidates")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(alert(orderId)).isEqualTo("ブラックリストの顧客の注文です");
        assertThat(jdbc.sql("select count(*) from order_history where order_id = ? and kind = 'ALERT_CLEARED'")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(listings.candidates(shop, 100)).isEmpty();
    }

    @Test
    void theItemsSeenCountTheirOrderLinesAndKeepTheLatestOrderTimeAndPrice() {
        long shop = ProductFixture.shop(jdbc);
        String itemCode = ProductFixture.code("seen");
        OffsetDateTime earlier = OffsetDateTime.now().minusHours(3).withNano(0);
        OffsetDateTime later = earlier.plusHours(2);
        SampleOrders.apply(
                orders,
                jdbc,
                shop,
                SampleOrders.order(ProductFixture.code("o"), later, "山田 太郎", "CreditCard", "Paid", itemCode, 1080));
        SampleOrders.apply(
                orders,
                jdbc,
                shop,
                SampleOrders.order(ProductFixture.code("o"), earlier, "山田 太郎", "CreditCard", "Paid", itemCode, 2160));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select order_lines from shop_item where connection_id = ? and item_code = ?")
                                .params(shop, itemCode)
                                .query(Long.class)
                                .optional()
                                .orElse(0L)
                        == 2);
        var item = jdbc.sql(
                        "select unit_price, last_ordered_at from shop_item where connection_id = ? and item_code = ?")
                .params(shop, itemCode)
                .query()
                .singleRow();
        // the price of the last import's line; the time of the latest order, whichever came first
        assertThat(item.get("unit_price")).isEqualTo(2160L);
        assertThat(((java.sql.Timestamp) item.get("last_ordered_at")).toInstant())
                .isEqualTo(later.toInstant());
    }

    @Test
    void anOrderWithOnlyMappedItemsGetsNoAlert() {
        long shop = ProductFixture.shop(jdbc);
        String sku = ProductFixture.code("mapped");
        catalog.create(ProductFixture.sku(sku, "煎茶"), "担当者");
        listings.add(new ListingEditing.Mapping(shop, "shop-" + sku, "", sku, 1), "担当者");
        long mapped = importOrder(shop, "shop-" + sku);
        long unmapped = importOrder(shop, ProductFixture.code("other"));

        awaitAlert(unmapped);
        assertThat(alert(mapped)).isNull();
    }

    @Test
    void aHandEnteredOrderIsCheckedTheSameWayAndItsProductCodesNeedNoListing() {
        long manual = connections.ownChannel(Mall.MANUAL).id();
        String sku = ProductFixture.code("manual");
        catalog.create(ProductFixture.sku(sku, "煎茶"), "担当者");
        long known = orders.register(
                manual,
                incoming(SampleOrders.order(
                        ProductFixture.code("m"), OffsetDateTime.now(), "山田 太郎", "CreditCard", "Paid", sku, 1080)),
                "担当者");
        long unknown = orders.register(
                manual,
                incoming(SampleOrders.order(
                        ProductFixture.code("m"),
                        OffsetDateTime.now(),
                        "山田 太郎",
                        "CreditCard",
                        "Paid",
                        "typo-code",
                        1080)),
                "担当者");

        awaitAlert(unknown);
        assertThat(alert(known)).isNull();
    }

    @Test
    void mapEqualCodesWritesNothingUntilConfirmedThenOnlyThePairsKept() throws Exception {
        long shop = ProductFixture.shop(jdbc);
        String kept = ProductFixture.code("kept");
        String left = ProductFixture.code("left");
        catalog.create(ProductFixture.sku(kept, "残す"), "担当者");
        catalog.create(ProductFixture.sku(left, "外す"), "担当者");
        long order = importOrder(shop, kept);
        importOrder(shop, left);
        awaitAlert(order);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> listings.autoMapPreview(shop).size() == 2);

        Document preview = Jsoup.parse(mvc.perform(get("/products/listings/" + shop + "/auto-map")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(preview.select("[data-testid=pair-row]")).hasSize(2);
        assertThat(listings.listings(shop, null, 100)).isEmpty();

        List<String> codes = preview.select("input[name=itemCode]").eachAttr("value");
        int keptIndex = codes.indexOf(kept);
        mvc.perform(post("/products/listings/" + shop + "/auto-map")
                        .param("itemCode", codes.toArray(String[]::new))
                        .param("variation", "", "")
                        .param("pick", String.valueOf(keptIndex))
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(listings.listings(shop, null, 100))
                .extracting(ListingEditing.ListingRow::itemCode, ListingEditing.ListingRow::productCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(kept, kept));
        assertThat(alert(order)).isNull();
    }

    @Test
    void aViewerCannotMapItems() throws Exception {
        long shop = ProductFixture.shop(jdbc);
        mvc.perform(post("/products/listings")
                        .param("connectionId", String.valueOf(shop))
                        .param("itemCode", "x")
                        .param("productCode", "y")
                        .with(user("viewer").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    private static IncomingOrder incoming(jp.juchu.oms.orders.ShopOrder order) {
        return new IncomingOrder(order, "{}", order.serialCode());
    }
}
