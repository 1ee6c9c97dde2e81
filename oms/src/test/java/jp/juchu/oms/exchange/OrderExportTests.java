package jp.juchu.oms.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class OrderExportTests {

    private static final AtomicInteger ORDERS = new AtomicInteger();

    @Autowired
    OrderExports exports;

    @Autowired
    Orders orders;

    /** An order placed on a day of its own in 2020, so that each test exports only its own. */
    private LocalDate order(String buyerName, String remarks) {
        int n = ORDERS.incrementAndGet();
        LocalDate day = LocalDate.of(2020, 1, 1).plusDays(n * 3L);
        OffsetDateTime at = day.atTime(10, 0).atOffset(java.time.ZoneOffset.ofHours(9));
        ShopOrder order = new ShopOrder(
                "export-" + n,
                "2020-" + n,
                at,
                at,
                "New",
                "Paid",
                "NotShipped",
                new ShopOrder.Buyer(
                        buyerName, "ヤマダ タロウ", "t@example.jp", "03-1234-5678", "150-0001", "東京都", "渋谷区", null, null),
                "CreditCard",
                List.of(new ShopOrder.Delivery(
                        1,
                        "佐藤 花子",
                        "サトウ ハナコ",
                        "06-1234-5678",
                        "530-0001",
                        "大阪府",
                        "大阪市北区梅田2-4-9",
                        null,
                        null,
                        null,
                        false,
                        null,
                        800,
                        List.of(
                                new ShopOrder.Item("tea-1", "", "煎茶", 1080, 2, 8),
                                new ShopOrder.Item("cup-1", "藍", "湯呑み", 2750, 1, 10)),
                        null,
                        null,
                        null)),
                new ShopOrder.Amounts(4910, 800, 0, 0, 300, 0, 5410, List.of()),
                remarks);
        orders.applyFromShop(7777, List.of(new IncomingOrder(order, "{}", "x" + n)));
        return day;
    }

    private ExportLayout layout(ExportLayout.Encoding encoding, ExportColumn... columns) {
        long id = exports.save(null, "テスト " + ORDERS.incrementAndGet(), List.of(columns), encoding);
        return exports.layout(id).orElseThrow();
    }

    @Test
    void utf8FileHasABomTheLayoutsColumnsAndOneRowPerItem() throws Exception {
        LocalDate day = order("山田 太郎", null);
        ExportLayout layout = layout(
                ExportLayout.Encoding.UTF8_BOM,
                ExportColumn.ORDER_NUMBER,
                ExportColumn.ITEM_CODE,
                ExportColumn.QUANTITY,
                ExportColumn.TOTAL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        exports.write(layout, exports.check(layout, day, day, null), out);

        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("受注番号,商品コード,数量,合計金額");
        assertThat(lines[1]).matches("2020-\\d+,tea-1,2,5410");
        assertThat(lines[2]).matches("2020-\\d+,cup-1,1,5410");
    }

    @Test
    void paymentMethodAndTimeSlotAreWrittenInJapanese() throws Exception {
        LocalDate day = order("山田 太郎", null);
        jdbc.sql("update shipment set time_slot = 'Morning', delivery_date = ? where order_id in"
                        + " (select id from oms_order where ordered_at::date = ?)")
                .params(LocalDate.of(2026, 12, 24), day)
                .update();
        ExportLayout layout = layout(
                ExportLayout.Encoding.UTF8_BOM,
                ExportColumn.PAYMENT,
                ExportColumn.DELIVERY_DATE,
                ExportColumn.TIME_SLOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        exports.write(layout, exports.check(layout, day, day, null), out);

        String row = new String(out.toByteArray(), StandardCharsets.UTF_8).split("\r\n")[1];
        assertThat(row).isEqualTo("クレジットカード,2026/12/24,午前中");
    }

    @Test
    void valuesASpreadsheetWouldRunAsFormulasAreNeutralised() throws Exception {
        LocalDate day = order("=HYPERLINK(\"http://evil\")", "@SUM(A1)");
        ExportLayout layout = layout(
                ExportLayout.Encoding.UTF8_BOM, ExportColumn.BUYER_NAME, ExportColumn.REMARKS, ExportColumn.COUPON);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        exports.write(layout, exports.check(layout, day, day, null), out);

        String row = new String(out.toByteArray(), StandardCharsets.UTF_8).split("\r\n")[1];
        assertThat(row).startsWith("\"'=HYPERLINK(\"\"http://evil\"\")\",'@SUM(A1),300");
    }

    @Test
    void cellsStartingWithPlusMinusTabOrCarriageReturnAreNeutralisedToo() throws Exception {
        LocalDate day = order("+cmd|' /C calc'!A0", "-2+3");
        ExportLayout layout = layout(ExportLayout.Encoding.UTF8_BOM, ExportColumn.BUYER_NAME, ExportColumn.REMARKS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        exports.write(layout, exports.check(layout, day, day, null), out);

        String row = new String(out.toByteArray(), StandardCharsets.UTF_8).split("\r\n")[1];
        assertThat(row).isEqualTo("'+cmd|' /C calc'!A0,'-2+3");

        LocalDate tabDay = order("\tSUM(A1)", "\r=1+1");
        ByteArrayOutputStream tabs = new ByteArrayOutputStream();
        exports.write(layout, exports.check(layout, tabDay, tabDay, null), tabs);
        assertThat(new String(tabs.toByteArray(), StandardCharsets.UTF_8)).contains("'\tSUM(A1)", "'\r=1+1");
    }

    @Test
    void shiftJisIsRefusedNamingTheOrderWhenACharacterCannotBeCarried() {
        LocalDate day = order("𠮷田 太郎", null);
        ExportLayout layout = layout(ExportLayout.Encoding.SJIS, ExportColumn.ORDER_NUMBER, ExportColumn.BUYER_NAME);

        assertThatThrownBy(() -> exports.check(layout, day, day, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Shift_JIS で書き出せない文字")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void aLayoutNeedsANameAndColumns() {
        assertThatThrownBy(() -> exports.save(null, "", List.of(ExportColumn.TOTAL), ExportLayout.Encoding.SJIS))
                .hasMessageContaining("レイアウト名");
        assertThatThrownBy(() -> exports.save(null, "空", List.of(), ExportLayout.Encoding.SJIS))
                .hasMessageContaining("項目");
        assertThatThrownBy(
                        () -> exports.save(null, "標準 (受注明細)", List.of(ExportColumn.TOTAL), ExportLayout.Encoding.SJIS))
                .hasMessageContaining("すでにあります");
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theOrdersChosenOnTheListAreExportedInTheChosenLayout() throws Exception {
        order("選択 太郎", null);
        long id = jdbc.sql("select max(id) from oms_order").query(Long.class).single();
        ExportLayout layout = layout(ExportLayout.Encoding.UTF8_BOM, ExportColumn.BUYER_NAME, ExportColumn.ITEM_CODE);

        byte[] body = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/exchange/export/orders")
                                .param("layout", String.valueOf(layout.id()))
                                .param("order", String.valueOf(id))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user("staff")
                                        .roles("STAFF"))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).containsExactly("購入者名,商品コード", "選択 太郎,tea-1", "選択 太郎,cup-1");
    }
}
