package jp.juchu.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class CatalogTests {

    private static final AtomicInteger SHOPS = new AtomicInteger();

    @Autowired
    Catalog catalog;

    @Autowired
    Categories categories;

    @Autowired
    Shops shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    String shopId;

    @BeforeEach
    void openShop() {
        shopId = "catalog" + SHOPS.incrementAndGet();
        shops.open(shopId, "商品テスト店", "password-1");
        categories.add(shopId, null, "食品");
        categories.add(shopId, "食品", "日本茶");
    }

    private static ProductDraft simple(String code, int stock) {
        return new ProductDraft(
                code, "煎茶 " + code, 1080, 8, false, 3, true, null, List.of(), Map.of("", stock), List.of("食品/日本茶"));
    }

    @Test
    void productWithVariationsKeepsStockPerVariationInTheAxesOrder() {
        Product p = catalog.create(
                shopId,
                new ProductDraft(
                        "tshirt",
                        "Tシャツ",
                        3300,
                        10,
                        false,
                        2,
                        true,
                        null,
                        List.of(new Product.Axis("色", List.of("白", "紺")), new Product.Axis("サイズ", List.of("M", "L"))),
                        Map.of("白/M", 5, "紺/L", 1),
                        List.of()));

        assertThat(p.stock())
                .containsExactly(Map.entry("白/M", 5), Map.entry("白/L", 0), Map.entry("紺/M", 0), Map.entry("紺/L", 1));
        assertThat(p.totalStock()).isEqualTo(6);
        assertThat(p.stockLevel("紺/L")).isEqualTo(StockLevel.LOW);
        assertThat(p.stockLevel("白/L")).isEqualTo(StockLevel.SOLD_OUT);

        Product changed = catalog.changeVariations(
                shopId,
                "tshirt",
                List.of(new Product.Axis("色", List.of("白", "紺", "赤")), new Product.Axis("サイズ", List.of("M", "L"))));
        assertThat(changed.stock())
                .containsEntry("白/M", 5)
                .containsEntry("紺/L", 1)
                .containsEntry("赤/M", 0);
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> catalog.create(shopId, simple("bad code!", 1)))
                .isInstanceOf(InvalidProduct.class)
                .extracting("field")
                .isEqualTo("itemCode");
        ProductDraft wrongRate =
                new ProductDraft("tea-1", "煎茶", 1080, 5, false, 0, true, null, List.of(), Map.of("", 1), List.of());
        assertThatThrownBy(() -> catalog.create(shopId, wrongRate))
                .isInstanceOf(InvalidProduct.class)
                .extracting("field")
                .isEqualTo("taxRate");
        ProductDraft unknownCategory = new ProductDraft(
                "tea-2", "煎茶", 1080, 8, false, 0, true, null, List.of(), Map.of("", 1), List.of("食品/紅茶"));
        assertThatThrownBy(() -> catalog.create(shopId, unknownCategory))
                .isInstanceOf(InvalidProduct.class)
                .hasMessageContaining("食品/紅茶");
        catalog.create(shopId, simple("tea-3", 1));
        assertThatThrownBy(() -> catalog.create(shopId, simple("tea-3", 1)))
                .isInstanceOf(InvalidProduct.class)
                .hasMessageContaining("すでに登録");
        assertThat(catalog.count(shopId)).isEqualTo(1);
    }

    @Test
    void thePlanLimitIsEnforcedWithAClearMessage() {
        jdbc.sql("update shop set product_limit = 2 where shop_id = ?")
                .param(shopId)
                .update();
        catalog.create(shopId, simple("a-1", 1));
        catalog.create(shopId, simple("a-2", 1));

        assertThatThrownBy(() -> catalog.create(shopId, simple("a-3", 1)))
                .isInstanceOf(PlanLimitReached.class)
                .hasMessageContaining("上限 (2件)");
        assertThat(catalog.stockSummary(shopId).products()).isEqualTo(2);
    }

    @Test
    void stockSummaryCountsRunningLowAndSoldOut() {
        catalog.create(shopId, simple("plenty", 50));
        catalog.create(shopId, simple("low", 3));
        catalog.create(shopId, simple("none", 0));

        StockSummary summary = catalog.stockSummary(shopId);
        assertThat(summary).isEqualTo(new StockSummary(3, 1000, 1, 1));
        assertThat(catalog.search(shopId, ProductFilter.of(null, null, null, StockLevel.LOW, null), 0, 50)
                        .products())
                .extracting(Product::itemCode)
                .containsExactly("low");
    }

    @Test
    void concurrentOrdersNeverTakeMoreThanThereIs() throws Exception {
        catalog.create(shopId, simple("last-five", 5));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> buyers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            buyers.add(() -> {
                try {
                    transactions.executeWithoutResult(
                            status -> catalog.take(shopId, List.of(new StockLine("last-five", "", 1))));
                    return true;
                } catch (OutOfStock e) {
                    return false;
                }
            });
        }
        int sold = 0;
        for (Future<Boolean> result : pool.invokeAll(buyers)) {
            sold += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(sold).isEqualTo(5);
        assertThat(catalog.find(shopId, "last-five").orElseThrow().stock()).containsEntry("", 0);
    }

    @Test
    void anOrderShortOfOneLineTakesNothing() {
        catalog.create(shopId, simple("tea-a", 5));
        catalog.create(shopId, simple("tea-b", 1));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                        catalog.take(shopId, List.of(new StockLine("tea-a", "", 2), new StockLine("tea-b", "", 2)))))
                .isInstanceOf(OutOfStock.class)
                .extracting("itemCode")
                .isEqualTo("tea-b");

        assertThat(catalog.find(shopId, "tea-a").orElseThrow().stock()).containsEntry("", 5);
    }

    @Test
    void categoriesRenameWithTheirSubtreeAndOnlyEmptyOnesAreDeleted() {
        catalog.create(shopId, simple("tea-x", 1));

        categories.rename(shopId, "食品", "食品・飲料");
        assertThat(catalog.find(shopId, "tea-x").orElseThrow().categoryPaths()).containsExactly("食品・飲料/日本茶");
        assertThatThrownBy(() -> categories.delete(shopId, "食品・飲料"))
                .isInstanceOf(InvalidProduct.class)
                .hasMessageContaining("サブカテゴリ");
        assertThatThrownBy(() -> categories.delete(shopId, "食品・飲料/日本茶"))
                .isInstanceOf(InvalidProduct.class)
                .hasMessageContaining("商品が 1 件");

        catalog.delete(shopId, "tea-x");
        categories.delete(shopId, "食品・飲料/日本茶");
        assertThat(categories.tree(shopId)).extracting(CategoryNode::fullPath).containsExactly("食品・飲料");
    }
}
