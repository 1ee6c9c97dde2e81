package jp.juchu.oms.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.stock.internal.StocktakeCsv;
import jp.juchu.oms.stock.internal.Stocktakes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class StocktakeTests {

    static final Actor ADMIN = Actor.person("在庫 担当", true);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    @Autowired
    StockLedger ledger;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    Stocktakes stocktakes;

    @Autowired
    StocktakeCsv csv;

    StockFixture fx;
    OffsetDateTime t0 = OffsetDateTime.now().minusHours(3);

    @BeforeEach
    void fixture() {
        fx = new StockFixture(jdbc, orders, ledger, tx);
    }

    void location(long productId, String location) {
        jdbc.sql("update product set shelf_location = ? where id = ?")
                .params(location, productId)
                .update();
    }

    void allocated(long orderId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx.allocationState(orderId).equals("ALLOCATED"));
    }

    @Test
    void salesShippedDuringTheCountAreNeitherLostNorBookedTwice() {
        String shelf = "S" + StockFixture.unique();
        String code = "T" + StockFixture.unique();
        long sku = fx.sku(code, 10);
        location(sku, shelf + "-01");
        long sheet = stocktakes.create("棚卸", shelf, null, "担当");
        assertThat(stocktakes.lines(sheet, null, false, 10))
                .singleElement()
                .satisfies(l -> assertThat(l.expected()).isEqualTo(10));

        // a sale ships while the shelves are counted: the shelf holds 8 when it is counted; one more unit is
        // found missing (the count says 7)
        long sold = fx.order("s-" + code, t0, StockFixture.item(code, 2));
        allocated(sold);
        workflow.move(sold, "READY_TO_SHIP", ADMIN, false);
        workflow.move(sold, "SHIPPED", ADMIN, false);
        stocktakes.count(sheet, sku, "7", "担当");
        // another sale ships after the count, before the sheet is applied
        long later = fx.order("l-" + code, t0.plusMinutes(1), StockFixture.item(code, 1));
        allocated(later);
        workflow.move(later, "READY_TO_SHIP", ADMIN, false);
        workflow.move(later, "SHIPPED", ADMIN, false);
        assertThat(fx.level(sku).onHand()).isEqualTo(7);

        Stocktakes.Applied applied = stocktakes.apply(sheet, "担当");

        // the difference is the count against the books when it was counted (8), not the snapshot (10)
        assertThat(applied.booked()).isEqualTo(1);
        assertThat(fx.level(sku).onHand()).isEqualTo(6);
        assertThat(jdbc.sql("select kind || ' ' || on_hand_change || ' ' || reason || ' ' || document from stock_ledger"
                                + " where product_id = ? order by id desc limit 1")
                        .param(sku)
                        .query(String.class)
                        .single())
                .isEqualTo("STOCKTAKE -1 棚卸差異 棚卸 #" + sheet);
        Stocktakes.Line line = stocktakes.line(sheet, sku).orElseThrow();
        assertThat(line.movedSince()).isEqualTo(-2);
        assertThat(line.difference()).isEqualTo(-1);
        assertThat(stocktakes.sheet(sheet).orElseThrow().state()).isEqualTo(Stocktakes.State.APPLIED);
    }

    @Test
    void theDifferencesAreKeptWithTheirValueAtCost() {
        String shelf = "V" + StockFixture.unique();
        long a = fx.sku("VA" + StockFixture.unique(), 10);
        long b = fx.sku("VB" + StockFixture.unique(), 4);
        long uncounted = fx.sku("VC" + StockFixture.unique(), 3);
        for (long id : List.of(a, b, uncounted)) {
            location(id, shelf);
        }
        jdbc.sql("update product set cost_price = 1200 where id = ?").param(a).update();
        jdbc.sql("update product set cost_price = 350 where id = ?").param(b).update();
        long sheet = stocktakes.create("差異", shelf, null, "担当");
        stocktakes.count(sheet, a, "8", "担当");
        stocktakes.count(sheet, b, "５", "担当");

        Stocktakes.Applied applied = stocktakes.apply(sheet, "担当");

        assertThat(applied.differenceValue()).isEqualTo(-2 * 1200 + 350);
        assertThat(stocktakes.line(sheet, a).orElseThrow().differenceValue()).isEqualTo(-2400);
        assertThat(stocktakes.line(sheet, b).orElseThrow().difference()).isEqualTo(1);
        assertThat(stocktakes.sheet(sheet).orElseThrow().differenceValue()).isEqualTo(-2050);
        assertThat(fx.level(uncounted).onHand()).isEqualTo(3);
    }

    @Test
    void aCountBelowWhatIsAllocatedSendsTheYoungestOrdersToAwaitingStock() {
        String code = "W" + StockFixture.unique();
        long sku = fx.sku(code, 6);
        location(sku, code);
        long oldest = fx.order("o-" + code, t0, StockFixture.item(code, 2));
        long middle = fx.order("m-" + code, t0.plusMinutes(1), StockFixture.item(code, 2));
        long youngest = fx.order("y-" + code, t0.plusMinutes(2), StockFixture.item(code, 2));
        List.of(oldest, middle, youngest).forEach(this::allocated);
        long sheet = stocktakes.create("不足", code, null, "担当");
        stocktakes.count(sheet, sku, "3", "担当");

        Stocktakes.Applied applied = stocktakes.apply(sheet, "担当");

        assertThat(applied.reallocatedOrders()).containsExactly(youngest, middle);
        assertThat(fx.status(youngest)).isEqualTo("AWAITING_STOCK");
        assertThat(fx.status(middle)).isEqualTo("AWAITING_STOCK");
        assertThat(fx.allocationState(oldest)).isEqualTo("ALLOCATED");
        assertThat(fx.level(sku).onHand()).isEqualTo(3);
        assertThat(fx.level(sku).allocated()).isEqualTo(2);
    }

    @Test
    void aSheetIsAppliedOnceEvenWhenTwoClicksComeAtOnce() throws Exception {
        String code = "D" + StockFixture.unique();
        long sku = fx.sku(code, 10);
        location(sku, code);
        long sheet = stocktakes.create("二重", code, null, "担当");
        assertThatThrownBy(() -> stocktakes.apply(sheet, "担当")).hasMessage("まだ実数が1件も入力されていません");
        stocktakes.count(sheet, sku, "7", "担当");

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> clicks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            clicks.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    stocktakes.apply(sheet, "担当");
                    return "applied";
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        List<String> outcomes = clicks.stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).containsExactlyInAnyOrder("applied", "棚卸表 #" + sheet + " は確定です。変更できません");
        assertThat(fx.level(sku).onHand()).isEqualTo(7);
        assertThatThrownBy(() -> stocktakes.apply(sheet, "担当")).hasMessage("棚卸表 #" + sheet + " は確定です。変更できません");
        assertThatThrownBy(() -> stocktakes.count(sheet, sku, "1", "担当"))
                .hasMessage("棚卸表 #" + sheet + " は確定です。変更できません");
    }

    @Test
    void countsByCsvAreCheckedWholeAndSavedAllOrNone() {
        String shelf = "C" + StockFixture.unique();
        String a = "CA" + StockFixture.unique();
        String b = "CB" + StockFixture.unique();
        long skuA = fx.sku(a, 5);
        long skuB = fx.sku(b, 5);
        location(skuA, shelf);
        location(skuB, shelf);
        long sheet = stocktakes.create("CSV", shelf, null, "担当");
        String bad = "棚番,商品コード,実数\n" + shelf + "," + a + ",4\n" + shelf + ",NOPE,1\n" + shelf + "," + b + ",-1\n"
                + shelf + "," + a + ",3\n";
        StocktakeCsv.Result refused = csv.importFile(sheet, file(bad), bad.length(), "担当");
        assertThat(refused.errors())
                .containsExactly(
                        "3行目: 商品コード: NOPE はこの棚卸表にありません",
                        "4行目: 実数: 0〜9,999,999 の整数で入力してください",
                        "5行目: 商品コード: " + a + " が 2行目にもあります");
        assertThat(stocktakes.line(sheet, skuA).orElseThrow().counted()).isNull();

        String good = "商品コード,実数\n" + a + ",4\n" + b + ",\n";
        assertThat(csv.importFile(sheet, file(good), good.length(), "担当").counted())
                .isEqualTo(1);
        assertThat(stocktakes.line(sheet, skuA).orElseThrow().counted()).isEqualTo(4);
        assertThat(stocktakes.line(sheet, skuB).orElseThrow().counted()).isNull();
        assertThat(stocktakes.sheet(sheet).orElseThrow().state()).isEqualTo(Stocktakes.State.COUNTING);
    }

    @Test
    void aCancelledSheetChangesNothingAndTakesNoCounts() {
        String code = "X" + StockFixture.unique();
        long sku = fx.sku(code, 5);
        location(sku, code);
        long sheet = stocktakes.create("取消", code, null, "担当");
        stocktakes.count(sheet, sku, "1", "担当");
        stocktakes.cancel(sheet, "担当");
        assertThatThrownBy(() -> stocktakes.apply(sheet, "担当")).hasMessage("棚卸表 #" + sheet + " は取消です。変更できません");
        assertThat(fx.level(sku).onHand()).isEqualTo(5);
        assertThatThrownBy(() -> stocktakes.create("x", "NO-SUCH-SHELF-" + code, null, "担当"))
                .hasMessage("対象: 棚番が「NO-SUCH-SHELF-" + code + "」で始まる SKU がありません");
    }

    @Test
    void aSheetByCategoryTakesOnlyTheSkusOfThatCategoryOnThoseShelves() {
        String shelf = "C" + StockFixture.unique();
        String tea = "茶葉-" + shelf;
        long green = fx.sku("G" + StockFixture.unique(), 4);
        long black = fx.sku("B" + StockFixture.unique(), 6);
        long cup = fx.sku("U" + StockFixture.unique(), 9);
        for (long sku : new long[] {green, black, cup}) {
            location(sku, shelf + "-" + sku);
        }
        jdbc.sql("update product set free_1 = ? where id in (?, ?)")
                .params(tea, green, black)
                .update();

        long byCategory = stocktakes.create("茶葉", null, tea, "担当");
        long both = stocktakes.create("茶葉の棚", shelf, tea, "担当");

        assertThat(stocktakes.lines(byCategory, null, false, 10))
                .extracting(Stocktakes.Line::productId)
                .containsExactlyInAnyOrder(green, black);
        assertThat(stocktakes.lines(both, null, false, 10))
                .extracting(Stocktakes.Line::productId)
                .containsExactlyInAnyOrder(green, black);
        assertThat(stocktakes.sheet(both).orElseThrow().scopeLabel())
                .isEqualTo("棚番が「" + shelf + "」で始まり分類が「" + tea + "」の SKU");
        assertThatThrownBy(() -> stocktakes.create("x", shelf, "ない分類", "担当"))
                .hasMessage("対象: 棚番が「" + shelf + "」で始まり分類が「ない分類」の SKU がありません");
        assertThatThrownBy(() -> stocktakes.create("x", null, "分類\u0000", "担当")).hasMessage("名称・棚番・分類: 改行や制御文字は使えません");
        assertThatThrownBy(() -> stocktakes.create("x", null, "長".repeat(201), "担当"))
                .hasMessage("分類: 200文字以内で入力してください");
    }

    static MockMultipartFile file(String content) {
        return new MockMultipartFile("file", "counts.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
