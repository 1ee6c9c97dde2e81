package jp.juchu.oms.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.malls.ConnectionSettings;
import jp.juchu.oms.malls.ConnectionSetup;
import jp.juchu.oms.products.internal.CatalogueReading;
import jp.juchu.oms.products.internal.ListingEditing;
import jp.juchu.oms.products.internal.ProductCatalog;
import jp.juchu.oms.products.internal.ProductDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The shop's catalogue read over the Shop Serve item API (the shape of the shop server's), paged, into the listings. */
@SpringBootTest
class CatalogueReadTests {

    @Autowired
    ConnectionSetup setup;

    @Autowired
    CatalogueReading reading;

    @Autowired
    ListingEditing listings;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    CatalogueShop shop;
    long connectionId;

    @BeforeEach
    void connect() throws Exception {
        shop = new CatalogueShop(ProductFixture.code("catalogue"));
        ConnectionSetup.Result result = setup.verifyAndSave(
                null,
                new ConnectionSettings(
                        shop.shopId(),
                        CatalogueShop.OPEN_KEY,
                        CatalogueShop.MANAGER_KEY,
                        7,
                        false,
                        30,
                        shop.managementUrl(),
                        shop.itemUrl()));
        assertThat(result.problems()).isEmpty();
        connectionId = result.connection().id();
    }

    @AfterEach
    void close() {
        shop.close();
    }

    static CatalogueShop.Item plain(String code, int quantity) {
        return new CatalogueShop.Item(code, "商品 " + code, 1080, false, quantity, Map.of(), Map.of("", quantity));
    }

    @Test
    void everyItemAndVariationIsReadPageByPageWithTheShopsStock() {
        for (int i = 0; i < 150; i++) {
            shop.items.add(plain("item-" + i, i));
        }
        Map<String, List<String>> axes = new LinkedHashMap<>();
        axes.put("カラー", List.of("白", "紺"));
        axes.put("サイズ", List.of("M", "L"));
        Map<String, Integer> stock = new LinkedHashMap<>();
        stock.put("白/M", 3);
        stock.put("白/L", 0);
        stock.put("紺/M", 5);
        stock.put("紺/L", 1);
        shop.items.add(new CatalogueShop.Item("tshirt", "Tシャツ", 3300, false, 9, axes, stock));
        shop.items.add(
                new CatalogueShop.Item("tenugui", "手ぬぐい", 1320, true, 0, Map.of("柄", List.of("桜", "麻の葉")), Map.of()));

        CatalogueReading.Result result = reading.read(connectionId, "担当者");

        assertThat(result.items()).isEqualTo(152);
        assertThat(result.variants()).isEqualTo(150 + 4 + 2);
        assertThat(result.unmapped()).isEqualTo(156);
        assertThat(shop.searches.get()).isEqualTo(2);
        // each page of the catalogue was a call of the connection's request budget
        assertThat(jdbc.sql("select used_catalogue from api_request_budget where connection_id = ?")
                        .param(connectionId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(quantity("tshirt", "紺/M")).isEqualTo(5);
        assertThat(quantity("item-42", "")).isEqualTo(42);
        assertThat(jdbc.sql("select count(*) from shop_item where connection_id = ? and item_code = 'tenugui'"
                                + " and catalogue_quantity is null and in_catalogue")
                        .param(connectionId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(listings.candidates(connectionId, 1000)).hasSize(156);
    }

    @Test
    void variationsMapToProductsByParentCodeAndVariationValuesAfterConfirmation() {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        axes.put("カラー", List.of("白", "紺"));
        Map<String, Integer> stock = new LinkedHashMap<>();
        stock.put("白", 3);
        stock.put("紺", 2);
        String parent = ProductFixture.code("cup");
        shop.items.add(new CatalogueShop.Item(parent, "湯呑み", 2750, false, 5, axes, stock));
        ProductDraft white = ProductFixture.sku(parent + "-w", "湯呑み 白");
        catalog.create(
                new ProductDraft(
                        white.code(),
                        white.kind(),
                        white.name(),
                        parent,
                        "カラー: 白",
                        null,
                        null,
                        null,
                        null,
                        10,
                        2750L,
                        1000L,
                        true,
                        null,
                        false,
                        false,
                        "NORMAL",
                        1,
                        null,
                        false,
                        null,
                        null,
                        null,
                        true),
                "担当者");
        reading.read(connectionId, "担当者");

        assertThat(listings.autoMapPreview(connectionId))
                .extracting(
                        ListingEditing.Pair::itemCode, ListingEditing.Pair::variation, ListingEditing.Pair::productCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(parent, "白", parent + "-w"));
        assertThat(listings.listings(connectionId, null, 10)).isEmpty();
    }

    @Test
    void aRateLimitIsWaitedOutAndAnUnreachableShopIsSaidInJapanese() {
        shop.items.add(plain("only", 1));
        shop.rateLimitedAnswers.set(2);
        assertThat(reading.read(connectionId, "担当者").items()).isEqualTo(1);

        shop.close();
        assertThatThrownBy(() -> reading.read(connectionId, "担当者"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("接続できませんでした");
    }

    @Test
    void itemsTheShopNoLongerHasAreMarkedSo() {
        shop.items.add(plain("stays", 1));
        shop.items.add(plain("goes", 1));
        reading.read(connectionId, "担当者");
        shop.items.removeIf(i -> i.code().equals("goes"));

        reading.read(connectionId, "担当者");

        assertThat(jdbc.sql("select item_code from shop_item where connection_id = ? and in_catalogue")
                        .param(connectionId)
                        .query(String.class)
                        .list())
                .containsExactly("stays");
    }

    private Integer quantity(String itemCode, String variation) {
        return jdbc.sql("select catalogue_quantity from shop_item where connection_id = ? and item_code = ?"
                        + " and variation = ?")
                .params(connectionId, itemCode, variation)
                .query(Integer.class)
                .single();
    }
}
