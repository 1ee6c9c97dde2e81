package jp.juchu.oms.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.stock.internal.MovementCsv;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class StockMovementsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    @Autowired
    StockLedger ledger;

    @Autowired
    TransactionTemplate tx;

    StockFixture fx;

    @BeforeEach
    void fixture() {
        fx = new StockFixture(jdbc, orders, ledger, tx);
    }

    ResultActions move(String type, String code, String quantity, String reason, String note, String location)
            throws Exception {
        return mvc.perform(post("/stock/movements")
                .param("type", type)
                .param("code", code)
                .param("quantity", quantity)
                .param("reason", reason)
                .param("note", note)
                .param("location", location)
                .with(user("staff").roles("STAFF"))
                .with(csrf()));
    }

    ResultActions upload(byte[] content) throws Exception {
        return mvc.perform(multipart("/stock/movements/csv")
                .file(new MockMultipartFile("file", "moves.csv", "text/csv", content))
                .with(user("staff").roles("STAFF"))
                .with(csrf()));
    }

    long ledgerRows(long productId) {
        return jdbc.sql("select count(*) from stock_ledger where product_id = ?")
                .param(productId)
                .query(Long.class)
                .single();
    }

    @Test
    void theFormBooksInOutSetAndMoveEachWithItsReasonAndTheHistoryShowsThem() throws Exception {
        String code = "M" + StockFixture.unique();
        long sku = fx.sku(code, 0);
        move("IN", code, "12", "初期在庫", "", "").andExpect(flash().attribute("saved", code + " の入庫を登録しました (実在庫 0 → 12)"));
        move("OUT", code, "2", "破損", "落下", "")
                .andExpect(flash().attribute("saved", code + " の出庫を登録しました (実在庫 12 → 10)"));
        move("SET", code, "9", "棚卸差異", "", "")
                .andExpect(flash().attribute("saved", code + " の在庫数指定を登録しました (実在庫 10 → 9)"));
        move("MOVE", code, "", "その他", "棚替え", "B-02")
                .andExpect(flash().attribute("saved", code + " を棚番 (なし) から B-02 へ移動しました"));

        assertThat(fx.level(sku).onHand()).isEqualTo(9);
        assertThat(jdbc.sql("select shelf_location from product where id = ?")
                        .param(sku)
                        .query(String.class)
                        .single())
                .isEqualTo("B-02");
        List<String> kinds = jdbc.sql("select kind || ' ' || on_hand_change || ' ' || reason from stock_ledger"
                        + " where product_id = ? order by id")
                .param(sku)
                .query(String.class)
                .list();
        assertThat(kinds).containsExactly("IN 12 初期在庫", "OUT -2 破損: 落下", "ADJUST -1 棚卸差異", "MOVE 0 その他: 棚替え");
        String page = mvc.perform(get("/stock/movements").with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("[data-testid=history-row]").text())
                .contains(code)
                .contains("棚移動")
                .contains("棚番 (なし) → B-02");
    }

    @Test
    void aReasonIsRequiredOtherNeedsTextAndEachReasonKeepsItsDirection() throws Exception {
        String code = "R" + StockFixture.unique();
        long sku = fx.sku(code, 5);
        move("IN", code, "1", "", "", "").andExpect(flash().attribute("error", "理由: 理由を選んでください"));
        move("IN", code, "1", "その他", " ", "").andExpect(flash().attribute("error", "メモ: 理由が「その他」のときは内容を入力してください"));
        move("IN", code, "1", "破損", "", "").andExpect(flash().attribute("error", "理由: 「破損」は出庫の理由です。入庫には使えません"));
        move("OUT", code, "1", "返品入庫", "", "").andExpect(flash().attribute("error", "理由: 「返品入庫」は入庫の理由です。出庫には使えません"));
        move("OUT", code, "6", "紛失", "", "")
                .andExpect(flash().attribute("error", "数量: 実在庫 (5) を超えて出庫はできません (" + code + ")"));
        move("OUT", code, "1", "気分", "", "")
                .andExpect(
                        flash().attribute("error", "理由: 「気分」は理由の一覧にありません (初期在庫・返品入庫・破損・紛失・サンプル・社内使用・実店舗販売・棚卸差異・その他)"));
        move("IN", code, "99999999999999", "初期在庫", "", "")
                .andExpect(flash().attribute("error", "数量: 「99999999999999」は整数ではありません。1〜9,999,999 の整数で入力してください"));
        move("IN", code, "10000000", "初期在庫", "", "")
                .andExpect(flash().attribute("error", "数量: 1〜9,999,999 の整数で入力してください"));
        move("MOVE", code, "", "その他", "x", "").andExpect(flash().attribute("error", "移動先棚番: 棚移動では移動先の棚番を入力してください"));
        move("IN", "NOPE-" + code, "1", "初期在庫", "", "")
                .andExpect(flash().attribute("error", "商品コード: NOPE-" + code + " は登録されていません"));
        assertThat(fx.level(sku).onHand()).isEqualTo(5);
        assertThat(ledgerRows(sku)).isEqualTo(1);
    }

    @Test
    void aCsvIsBookedWholeOrNotAtAllAndEveryProblemIsNamedByLineAndColumn() throws Exception {
        String a = "CA" + StockFixture.unique();
        String b = "CB" + StockFixture.unique();
        long skuA = fx.sku(a, 3);
        long skuB = fx.sku(b, 0);
        String bad = "区分,商品コード,数量,理由,メモ,移動先棚番\r\n"
                + "入庫," + a + ",10,返品入庫,,\r\n"
                + "出庫," + b + ",abc,破損,,\r\n"
                + "入庫,NOPE,1,その他,,\r\n"
                + "返送," + a + ",1,初期在庫,,\r\n";
        upload(bad.getBytes(JapaneseCsvCharset.SJIS))
                .andExpect(flash().attribute(
                                "csvErrors",
                                List.of(
                                        "3行目: 数量: 「abc」は整数ではありません。1〜9,999,999 の整数で入力してください",
                                        "4行目: 商品コード: NOPE は登録されていません",
                                        "4行目: メモ: 理由が「その他」のときは内容を入力してください",
                                        "5行目: 区分: 入庫・出庫・在庫数指定・棚移動のいずれかを指定してください")));
        assertThat(fx.level(skuA).onHand()).isEqualTo(3);

        // every line fine on its own, the third takes more than the first two left: nothing at all is booked
        String lateRefusal = "区分,商品コード,数量,理由\n入庫," + a + ",10,返品入庫\n出庫," + a + ",12,紛失\n出庫," + a + ",2,紛失\n";
        upload(lateRefusal.getBytes(StandardCharsets.UTF_8))
                .andExpect(flash().attribute("csvErrors", List.of("4行目: 数量: 実在庫 (1) を超えて出庫はできません (" + a + ")")));
        assertThat(fx.level(skuA).onHand()).isEqualTo(3);

        String good = "\uFEFF区分,商品コード,数量,理由,メモ,移動先棚番\n入庫," + a + ",10,返品入庫,,\n在庫数指定," + b + ",7,初期在庫,,\n棚移動," + b
                + ",,その他,棚替え,C-1\n";
        upload(good.getBytes(StandardCharsets.UTF_8)).andExpect(flash().attribute("saved", "入出庫CSV: 3 件を登録しました"));
        assertThat(fx.level(skuA).onHand()).isEqualTo(13);
        assertThat(fx.level(skuB).onHand()).isEqualTo(7);
    }

    @Test
    void hostileFilesGetJapaneseErrorsAndBookNothing() throws Exception {
        String code = "H" + StockFixture.unique();
        long sku = fx.sku(code, 1);
        upload(("区分,商品コード,数量,理由,メモ\n入庫," + code + ",1,その他,ab\u0007c\n").getBytes(StandardCharsets.UTF_8))
                .andExpect(flash().attribute("csvErrors", List.of("2行目: メモ: 改行や制御文字は使えません")));
        upload(("区分,商品コード,数量,理由\n入庫," + code + ",123456789012345678901234567890,初期在庫\n")
                        .getBytes(StandardCharsets.UTF_8))
                .andExpect(
                        flash().attribute(
                                        "csvErrors",
                                        List.of(
                                                "2行目: 数量: 「123456789012345678901234567890」は整数ではありません。1〜9,999,999 の整数で入力してください")));

        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) 'a');
        upload(tenMegabytes)
                .andExpect(flash().attribute(
                                "error",
                                "ファイルが大きすぎます (10240 KB)。入出庫CSVは1ファイル 2 MB までです。分割してからもう一度お試しください。何も取り込んでいません"));

        StringBuilder many = new StringBuilder("区分,商品コード,数量,理由\n");
        for (int i = 0; i < 100_000; i++) {
            many.append("x\n");
        }
        assertThat(many.length()).isLessThan((int) MovementCsv.MAX_BYTES);
        upload(many.toString().getBytes(StandardCharsets.UTF_8))
                .andExpect(
                        flash().attribute("error", "行数が多すぎます。入出庫CSVは1ファイル 5000 行までです。分割してからもう一度お試しください。何も取り込んでいません"));
        upload("\"区分,商品コード\n入庫".getBytes(StandardCharsets.UTF_8))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("CSVとして読めません")));
        assertThat(fx.level(sku).onHand()).isEqualTo(1);
        assertThat(ledgerRows(sku)).isEqualTo(1);
    }

    @Test
    void theTemplateDownloadsInShiftJisWithItsHeader() throws Exception {
        byte[] body = mvc.perform(
                        get("/stock/movements/template.csv").with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(body, JapaneseCsvCharset.SJIS)).startsWith("区分,商品コード,数量,理由,メモ,移動先棚番\r\n");
    }

    @Test
    void anOutBelowWhatIsAllocatedSendsTheYoungestOrderToAwaitingStock() throws Exception {
        String code = "Y" + StockFixture.unique();
        long sku = fx.sku(code, 5);
        OffsetDateTime t0 = OffsetDateTime.now().minusHours(2);
        long older = fx.order("o-" + code, t0, StockFixture.item(code, 2));
        long younger = fx.order("y-" + code, t0.plusMinutes(5), StockFixture.item(code, 3));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> fx.allocationState(younger).equals("ALLOCATED")
                        && fx.allocationState(older).equals("ALLOCATED"));
        move("OUT", code, "2", "紛失", "", "")
                .andExpect(flash().attribute(
                                "saved", code + " の出庫を登録しました (実在庫 5 → 3)。実在庫が引当数を下回ったため、受注 1 件の引当をやり直しました (不足分は引当待ち)"));
        assertThat(fx.allocationState(younger)).isEqualTo("SHORT");
        assertThat(fx.status(younger)).isEqualTo("AWAITING_STOCK");
        assertThat(fx.allocationState(older)).isEqualTo("ALLOCATED");
        assertThat(fx.level(sku).allocated()).isEqualTo(2);
    }

    /** Shift_JIS as Windows writes it. */
    static final class JapaneseCsvCharset {
        static final Charset SJIS = Charset.forName("windows-31j");
    }
}
