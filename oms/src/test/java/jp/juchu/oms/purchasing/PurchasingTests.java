package jp.juchu.oms.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.purchasing.internal.OverReceipt;
import jp.juchu.oms.purchasing.internal.PurchaseOrder;
import jp.juchu.oms.purchasing.internal.PurchaseOrderDesk;
import jp.juchu.oms.purchasing.internal.PurchaseOrderSheets;
import jp.juchu.oms.purchasing.internal.PurchaseOrderStatus;
import jp.juchu.oms.purchasing.internal.PurchaseOrders;
import jp.juchu.oms.purchasing.internal.PurchasingRefused;
import jp.juchu.oms.purchasing.internal.PurchasingSettings;
import jp.juchu.oms.purchasing.internal.Receiving;
import jp.juchu.oms.purchasing.internal.ReorderSuggestions;
import jp.juchu.oms.purchasing.internal.SuggestionOrdering;
import jp.juchu.oms.purchasing.internal.Suppliers;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import jp.juchu.oms.stock.FreeStock;
import jp.juchu.oms.stock.StockLedger;
import jp.juchu.oms.stock.StockMovement;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class PurchasingTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    @Autowired
    StockLedger ledger;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Suppliers suppliers;

    @Autowired
    PurchasingSettings settings;

    @Autowired
    ReorderSuggestions suggestions;

    @Autowired
    SuggestionOrdering ordering;

    @Autowired
    PurchaseOrderDesk desk;

    @Autowired
    PurchaseOrders purchaseOrders;

    @Autowired
    Receiving receiving;

    @Autowired
    PurchaseOrderSheets sheets;

    @Autowired
    ContractorInfo contractor;

    @Autowired
    FreeStock freeStock;

    PurchasingFixture fx;

    @BeforeEach
    void fixture() {
        fx = new PurchasingFixture(jdbc, orders, ledger, tx, suppliers, settings);
    }

    /** Orders the SKU's one suggestion as suggested; returns the new purchase order's id. */
    long orderSuggestion(long productId) {
        long id = fx.suggestionId(productId);
        int quantity = fx.suggestions(productId).get(0);
        return ordering.order(Map.of(id, String.valueOf(quantity)), TODAY, "発注 担当")
                .get(0);
    }

    Map<Long, String> receive(PurchaseOrder po, String code, int quantity) {
        Map<Long, String> q = new HashMap<>();
        po.lines().stream().filter(l -> l.code().equals(code)).forEach(l -> q.put(l.id(), String.valueOf(quantity)));
        return q;
    }

    @Test
    void suggestionsNeverDuplicateAnOpenPurchaseOrderAlsoWhenItsDueDateMoves() {
        String supplier = fx.supplier(5, 0);
        String code = "R" + PurchasingFixture.unique();
        long sku = fx.sku(code, 2);
        fx.settings(code, supplier, 100, 5, 20, 6);
        assertThat(fx.suggestions(sku)).containsExactly(18);

        long poId = orderSuggestion(sku);
        PurchaseOrder po = purchaseOrders.find(poId).orElseThrow();
        assertThat(po.status()).isEqualTo(PurchaseOrderStatus.DRAFT);
        assertThat(po.dueOn()).isEqualTo(TODAY.plusDays(5));
        assertThat(po.lines()).extracting(PurchaseOrder.Line::quantity).containsExactly(18);
        assertThat(fx.suggestions(sku)).isEmpty();

        // the draft counts; placing it, moving its due date far ahead, and selling more never suggest it again
        suggestions.refresh(List.of(sku));
        assertThat(fx.suggestions(sku)).isEmpty();
        desk.place(poId, TODAY);
        assertThat(fx.level(sku).inbound()).isEqualTo(18);
        desk.edit(poId, "2027/03/31", null, List.of(), false);
        ledger.book(List.of(new StockMovement(sku, "ADJUST", -2, 0, null, null, "破損", "テスト")));
        ledger.book(List.of(new StockMovement(sku, "ADJUST", 1, 0, null, null, "返品", "テスト")));
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            suggestions.refresh(List.of(sku));
            assertThat(fx.suggestions(sku)).isEmpty();
        });
        assertThat(jdbc.sql("select count(*) from purchase_order_line where product_id = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // cancelled, the need comes back as one suggestion: free 1 → up to 20 in lots of 6
        desk.cancel(poId);
        assertThat(fx.level(sku).inbound()).isZero();
        assertThat(fx.suggestions(sku)).containsExactly(24);
    }

    @Test
    void aDropOfFreeStockMakesASuggestionAfterItsCommitAndTheSupplierMinimumRoundsItUp() {
        String supplier = fx.supplier(3, 10_000);
        String code = "D" + PurchasingFixture.unique();
        long sku = fx.sku(code, 30);
        fx.settings(code, supplier, 300, 10, 30, 5);
        assertThat(fx.suggestions(sku)).isEmpty();
        ledger.book(List.of(new StockMovement(sku, "ADJUST", -22, 0, null, null, "破損", "テスト")));
        // free 8 → need 22 → lots of 5: 25 × 300 = 7,500円 < 10,000円 → 34 units → 35
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.suggestions(sku).equals(List.of(35)));
    }

    @Test
    void partialReceiptsThenClosingWithARemainder() {
        String supplier = fx.supplier(7, 0);
        String code = "P" + PurchasingFixture.unique();
        long sku = fx.sku(code, 0);
        long poId = desk.create(
                supplier,
                "2026/12/20",
                null,
                List.of(new PurchaseOrderDesk.LineInput(null, code, "10", "250")),
                "発注 担当");
        desk.place(poId, TODAY);
        PurchaseOrder po = purchaseOrders.find(poId).orElseThrow();

        receiving.receive(poId, receive(po, code, 4), false, null, "入荷 担当");
        po = purchaseOrders.find(poId).orElseThrow();
        assertThat(po.status()).isEqualTo(PurchaseOrderStatus.PARTIAL);
        assertThat(po.lines().get(0).received()).isEqualTo(4);
        assertThat(fx.level(sku).onHand()).isEqualTo(4);
        assertThat(fx.level(sku).inbound()).isEqualTo(6);
        assertThat(jdbc.sql("select document from stock_ledger where product_id = ? and kind = 'RECEIVE'")
                        .param(sku)
                        .query(String.class)
                        .list())
                .containsExactly(po.number());

        receiving.receive(poId, receive(po, code, 3), false, "2回目", "入荷 担当");
        assertThat(fx.level(sku).onHand()).isEqualTo(7);
        assertThat(purchaseOrders.find(poId).orElseThrow().status()).isEqualTo(PurchaseOrderStatus.PARTIAL);

        assertThatThrownBy(() -> desk.cancel(poId))
                .isInstanceOf(PurchasingRefused.class)
                .hasMessageContaining("入荷済みの商品があるためキャンセルできません");
        assertThatThrownBy(() -> desk.close(poId, "  "))
                .isInstanceOf(PurchasingRefused.class)
                .hasMessageContaining("完了の理由: 入力してください");
        desk.close(poId, "メーカー欠品のため残り3個は入荷しない");
        PurchaseOrder closed = purchaseOrders.find(poId).orElseThrow();
        assertThat(closed.status()).isEqualTo(PurchaseOrderStatus.CLOSED);
        assertThat(closed.closeReason()).isEqualTo("メーカー欠品のため残り3個は入荷しない");
        assertThat(closed.lines().get(0).remaining()).isEqualTo(3);
        assertThat(fx.level(sku).inbound()).isZero();
        PurchaseOrder finished = closed;
        assertThatThrownBy(() -> receiving.receive(poId, receive(finished, code, 1), false, null, "入荷 担当"))
                .isInstanceOf(PurchasingRefused.class)
                .hasMessageContaining("完了(残あり)");
        assertThat(fx.level(sku).onHand()).isEqualTo(7);
    }

    @Test
    void receivingMoreThanOrderedWarnsFirstAndBooksOnlyWhenConfirmed() {
        String supplier = fx.supplier(7, 0);
        String code = "O" + PurchasingFixture.unique();
        long sku = fx.sku(code, 0);
        long poId = desk.create(
                supplier, "2026/12/20", null, List.of(new PurchaseOrderDesk.LineInput(null, code, "5", null)), "担当");
        desk.place(poId, TODAY);
        PurchaseOrder po = purchaseOrders.find(poId).orElseThrow();
        assertThatThrownBy(() -> receiving.receive(poId, receive(po, code, 6), false, null, "担当"))
                .isInstanceOf(OverReceipt.class)
                .hasMessageContaining("発注数より多く入荷しようとしています");
        assertThat(fx.level(sku).onHand()).isZero();
        assertThat(purchaseOrders.find(poId).orElseThrow().status()).isEqualTo(PurchaseOrderStatus.ORDERED);

        receiving.receive(poId, receive(po, code, 6), true, null, "担当");
        assertThat(fx.level(sku).onHand()).isEqualTo(6);
        assertThat(purchaseOrders.find(poId).orElseThrow().status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
        assertThat(fx.level(sku).inbound()).isZero();
    }

    @Test
    void aReceiptAllocatesAnOrderWaitingForStock() {
        String supplier = fx.supplier(7, 0);
        String code = "W" + PurchasingFixture.unique();
        long sku = fx.sku(code, 0);
        long order = fx.order("po-wait-" + code, code, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.status(order).equals("AWAITING_STOCK"));
        long poId = desk.create(
                supplier, "2026/12/20", null, List.of(new PurchaseOrderDesk.LineInput(null, code, "5", "100")), "担当");
        desk.place(poId, TODAY);
        PurchaseOrder po = purchaseOrders.find(poId).orElseThrow();
        receiving.receive(poId, receive(po, code, 3), false, null, "入荷 担当");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.status(order).equals("NEW"));
        assertThat(fx.level(sku).allocated()).isEqualTo(2);
        assertThat(fx.level(sku).free()).isEqualTo(1);
    }

    @Test
    void aMadeToOrderSkuGetsASuggestionPerOrderLineNotCoveredByOpenOrders() {
        String supplier = fx.supplier(14, 0);
        String code = "M" + PurchasingFixture.unique();
        long sku = fx.sku(code, 0, true);
        fx.settings(code, supplier, 1200, null, null, 1);
        long first = fx.order("mto1-" + code, code, 2);
        long second = fx.order("mto2-" + code, code, 3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx.status(first).equals("AWAITING_STOCK")
                        && fx.status(second).equals("AWAITING_STOCK"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            suggestions.refresh(List.of(sku));
            assertThat(fx.suggestions(sku)).containsExactlyInAnyOrder(2, 3);
        });
        // ordering the first order's line leaves only the second one's
        long firstSuggestion = jdbc.sql("select id from reorder_suggestion where product_id = ? and quantity = 2")
                .param(sku)
                .query(Long.class)
                .single();
        ordering.order(Map.of(firstSuggestion, "2"), TODAY, "担当");
        assertThat(fx.suggestions(sku)).containsExactly(3);
    }

    @Test
    void inboundStockCountsForSaleOnlyWhenTheSkuSaysSo() {
        String supplier = fx.supplier(7, 0);
        String code = "I" + PurchasingFixture.unique();
        long sku = fx.sku(code, 4);
        long poId = desk.create(
                supplier, "2026/12/20", null, List.of(new PurchaseOrderDesk.LineInput(null, code, "10", "100")), "担当");
        desk.place(poId, TODAY);
        assertThat(freeStock.forSale(sku)).isEqualTo(4);
        fx.settings(code, supplier, 100, null, null, 1);
        Map<String, String> f = new HashMap<>();
        f.put("supplier", supplier);
        f.put("purchasePrice", "100");
        f.put("lotSize", "1");
        f.put("sellInbound", "true");
        tx.executeWithoutResult(s -> settings.save(code, f));
        assertThat(freeStock.forSale(sku)).isEqualTo(14);
        assertThat(freeStock.of(List.of(sku)).get(sku)).isEqualTo(4);

        // an order of 6 cannot be allocated from 4: it waits, and claims 6 of the 10 inbound
        long order = fx.order("inb-" + code, code, 6);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.status(order).equals("AWAITING_STOCK"));
        assertThat(freeStock.forSale(sku)).isEqualTo(8);
    }

    @Test
    void illegalMovesAreRefusedByThePurchaseOrderItself() {
        String supplier = fx.supplier(7, 0);
        String code = "X" + PurchasingFixture.unique();
        fx.sku(code, 0);
        long poId = desk.create(
                supplier, "2026/12/20", null, List.of(new PurchaseOrderDesk.LineInput(null, code, "1", "1")), "担当");
        PurchaseOrder draft = purchaseOrders.find(poId).orElseThrow();
        assertThatThrownBy(() -> receiving.receive(poId, receive(draft, code, 1), false, null, "担当"))
                .hasMessageContaining("先に発注してください");
        desk.place(poId, TODAY);
        assertThatThrownBy(() -> desk.place(poId, TODAY)).hasMessageContaining("「発注済」のため発注できません");
        desk.cancel(poId);
        assertThatThrownBy(() -> desk.edit(poId, "2026/12/31", null, List.of(), false))
                .hasMessageContaining("「キャンセル」のため変更できません");
        assertThatThrownBy(() -> desk.close(poId, "理由")).hasMessageContaining("完了(残あり)にできません");
    }

    @Test
    void hostileSupplierInputIsRefusedFieldByFieldAndNothingIsSaved() {
        long before =
                jdbc.sql("select count(*) from supplier").query(Long.class).single();
        Map<String, String> f = new HashMap<>();
        f.put("code", "ABC_DEF!");
        f.put("name", "悪い\u0000仕入先");
        f.put("leadTimeDays", "99999999999999");
        f.put("minimumAmount", "1e15");
        f.put("ratePercent", "0");
        f.put("email", "not-an-address");
        f.put("phone", "<script>");
        f.put("sendMethod", "PIGEON");
        f.put("orderNote", "x".repeat(501));
        assertThatThrownBy(() -> suppliers.save(null, f))
                .isInstanceOfSatisfying(
                        PurchasingRefused.class,
                        e -> assertThat(e.problems())
                                .contains(
                                        "仕入先コード: 半角英数字とハイフン (-) の10文字以内で入力してください",
                                        "仕入先名: 改行やタブなどの制御文字は使えません",
                                        "リードタイム (日): 0〜365 の整数で入力してください",
                                        "最低発注金額 (円): 0〜99,999,999 の整数で入力してください",
                                        "掛け率 (%): 1〜100 の範囲で入力してください",
                                        "メールアドレス: メールアドレスの形で入力してください",
                                        "電話番号: 数字とハイフンで入力してください",
                                        "発注書の送り方: 一覧から選んでください",
                                        "発注書の備考: 500文字以内で入力してください"));
        assertThat(jdbc.sql("select count(*) from supplier").query(Long.class).single())
                .isEqualTo(before);
        String taken = fx.supplier(1, 0);
        Map<String, String> dup =
                new HashMap<>(Map.of("code", taken, "name", "重複", "leadTimeDays", "1", "sendMethod", "PRINT"));
        assertThatThrownBy(() -> suppliers.save(null, dup)).hasMessageContaining("ほかの仕入先が使っています");
    }

    @Test
    void hostileSkuSettingsAreRefusedFieldByFieldAndNothingIsSaved() {
        String code = "K" + PurchasingFixture.unique();
        long sku = fx.sku(code, 0);
        Map<String, String> f = new HashMap<>();
        f.put("supplier", "NOPE1");
        f.put("purchasePrice", "-1");
        f.put("reorderPoint", "10");
        f.put("orderUpTo", "5");
        f.put("lotSize", "0");
        f.put("leadTimeDays", "366");
        assertThatThrownBy(() -> settings.save(code, f))
                .isInstanceOfSatisfying(
                        PurchasingRefused.class,
                        e -> assertThat(e.problems())
                                .contains(
                                        "仕入先: NOPE1 は登録されていません",
                                        "仕入単価 (円): 0〜99,999,999 の範囲で入力してください",
                                        "発注単位 (ロット): 1〜99,999 の範囲で入力してください",
                                        "リードタイム (日): 0〜365 の範囲で入力してください",
                                        "適正在庫: 発注点より大きい数にしてください"));
        assertThatThrownBy(() -> settings.save("NO-SUCH-" + code, f)).hasMessageContaining("は登録されていません");
        assertThat(jdbc.sql("select count(*) from product_purchasing where product_id = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void hostilePurchaseOrderInputIsRefusedAndNothingIsHalfSaved() {
        String supplier = fx.supplier(7, 0);
        String code = "H" + PurchasingFixture.unique();
        long sku = fx.sku(code, 0);
        long before = jdbc.sql("select count(*) from purchase_order")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> desk.create(
                        supplier, "", null, List.of(new PurchaseOrderDesk.LineInput(null, code, "1", "1")), "担当"))
                .hasMessageContaining("納期: 入力してください");
        assertThatThrownBy(() -> desk.create(
                        supplier,
                        "2026/13/45",
                        null,
                        List.of(new PurchaseOrderDesk.LineInput(null, code, "1", "1")),
                        "担当"))
                .hasMessageContaining("納期: 日付を yyyy/MM/dd で入力してください");
        assertThatThrownBy(() -> desk.create(
                        supplier,
                        "2026/12/20",
                        null,
                        List.of(new PurchaseOrderDesk.LineInput(null, code, "99999999999", "1")),
                        "担当"))
                .hasMessageContaining("の数量: 1〜9,999,999 の");
        assertThatThrownBy(() -> desk.create(
                        supplier,
                        "2026/12/20",
                        null,
                        List.of(new PurchaseOrderDesk.LineInput(null, code, "9999999", "99999999")),
                        "担当"))
                .hasMessageContaining("合計金額: 1枚の発注伝票は 9,999,999,999 円までです");
        assertThatThrownBy(() -> desk.create(
                        supplier,
                        "2026/12/20",
                        null,
                        List.of(new PurchaseOrderDesk.LineInput(null, "NOPE-" + code, "1", "1")),
                        "担当"))
                .hasMessageContaining("は登録されていません");
        assertThatThrownBy(() -> desk.create(supplier, "2026/12/20", null, List.of(), "担当"))
                .hasMessageContaining("明細: 1行以上入力してください");
        List<PurchaseOrderDesk.LineInput> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            String c = code + "-" + i;
            fx.sku(c, 0);
            many.add(new PurchaseOrderDesk.LineInput(null, c, "1", "1"));
        }
        assertThatThrownBy(() -> desk.create(supplier, "2026/12/20", null, many, "担当"))
                .hasMessageContaining("200 行までです");
        assertThat(jdbc.sql("select count(*) from purchase_order")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);

        assertThatThrownBy(() -> receiving.receiveWithoutOrder(code, "-5", "100", null, "担当"))
                .hasMessageContaining("入荷数: 1〜9,999,999 の範囲で入力してください");
        assertThatThrownBy(() -> receiving.receiveWithoutOrder(code, "10", "abc", "改\n行", "担当"))
                .isInstanceOfSatisfying(
                        PurchasingRefused.class,
                        e -> assertThat(e.problems())
                                .contains("仕入単価 (円): 0〜99,999,999 の整数で入力してください", "メモ: 改行やタブなどの制御文字は使えません"));
        assertThat(ledger.level(sku).map(l -> l.onHand()).orElse(0)).isZero();
        assertThat(jdbc.sql("select count(*) from receipt where product_id = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isZero();

        receiving.receiveWithoutOrder(code, "１２", "80", "サンプル", "担当");
        assertThat(fx.level(sku).onHand()).isEqualTo(12);
        assertThat(jdbc.sql("select unit_cost from receipt where product_id = ?")
                        .param(sku)
                        .query(Long.class)
                        .single())
                .isEqualTo(80);
    }

    @Test
    void thePurchaseOrderPdfHasTheMerchantTheSupplierTheLinesAndTheNotes() throws Exception {
        contractor.save(new Contractor(
                "株式会社テスト茶園", "山本 一郎", "420-0001", "静岡県", "静岡市葵区1-1", "054-000-1111", "info@tea.example.jp"));
        String supplier = fx.supplier(7, 0);
        String code = "F" + PurchasingFixture.unique();
        fx.sku(code, 0);
        long poId = desk.create(
                supplier,
                "2026/12/24",
                "年内納品でお願いします",
                List.of(new PurchaseOrderDesk.LineInput(null, code, "1200", "350")),
                "担当");
        desk.place(poId, TODAY);
        PurchaseOrder po = purchaseOrders.find(poId).orElseThrow();
        String text;
        try (PDDocument doc = Loader.loadPDF(sheets.pdf(po))) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text)
                .contains("発 注 書")
                .contains("株式会社 仕入" + supplier + " 御中")
                .contains("発注番号: " + po.number())
                .contains("発注日: 2026/12/05")
                .contains("納期: 2026/12/24")
                .contains("株式会社テスト茶園")
                .contains(code)
                .contains("商品 " + code)
                .contains("1,200")
                .contains("350円")
                .contains("420,000円")
                .contains("年内納品でお願いします")
                .contains("納品時に発注番号を記載してください");
    }

    @Test
    void theCsvNeutralisesFormulas() throws Exception {
        String supplier = fx.supplier(7, 0);
        String code = "C" + PurchasingFixture.unique();
        long sku = fx.sku(code, 0);
        jdbc.sql("update product set name = '=HYPERLINK(\"http://evil\")' where id = ?")
                .param(sku)
                .update();
        long poId = desk.create(
                supplier, "2026/12/20", null, List.of(new PurchaseOrderDesk.LineInput(null, code, "3", "10")), "担当");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.csv(purchaseOrders.find(poId).orElseThrow(), true, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF発注番号,");
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
    }
}
