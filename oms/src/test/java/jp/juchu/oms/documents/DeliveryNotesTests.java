package jp.juchu.oms.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class DeliveryNotesTests {

    @Autowired
    DeliveryNotes notes;

    @Autowired
    Orders orders;

    @Autowired
    ContractorInfo contractor;

    @Autowired
    MallConnections connections;

    @Autowired
    JdbcClient jdbc;

    DocumentFixture fixture;

    @BeforeEach
    void setUp() {
        contractor.save(new Contractor(
                "ジュチュウ日本茶店",
                "受注 太郎",
                "420-0852",
                "静岡県",
                "静岡市葵区紺屋町17-1",
                "054-000-1234",
                "shop@example.jp",
                "T1234567890123"));
        fixture = new DocumentFixture(
                orders, jdbc, connections.ownChannel(Mall.MANUAL).id());
    }

    @Test
    void theNoteShowsTheOrdersFiguresTaxPerRateAndTheRegistrationNumber() throws Exception {
        String serial = "dn-" + System.nanoTime();
        long id = fixture.order(
                serial,
                List.of(
                        new ShopOrder.Item("tea-1", "", "静岡 深蒸し煎茶", 1080, 3, 8),
                        new ShopOrder.Item("cup-1", "白", "湯呑み", 2200, 1, 10)),
                800,
                330,
                100,
                50,
                "のしは不要です");
        OrderDetail order = orders.detail(id).orElseThrow();

        String text = DocumentFixture.text(
                DocumentFixture.pdf("delivery-note-figures", out -> notes.write(List.of(id), out)));

        assertThat(text)
                .contains(
                        "納品書",
                        "登録番号 T1234567890123",
                        "ジュチュウ日本茶店",
                        "受注番号 " + serial,
                        "山田 太郎 様",
                        "お届け先: 佐藤 花子 様",
                        "注文日 2026/12/01",
                        "のしは不要です");
        assertThat(text).contains("静岡 深蒸し煎茶 ※").doesNotContain("湯呑み (白) ※").contains("湯呑み (白)");
        assertThat(text).contains("※印は軽減税率 (8%) 対象商品です。");
        assertThat(text).contains("1,080円 3 3,240円", "2,200円 1 2,200円");
        assertThat(text).contains("商品合計 5,440円", "送料 800円", "代引手数料 330円", "クーポン値引 -100円", "ポイント利用 -50円");
        assertThat(text).contains("合計 (税込) " + money(order.total()));
        assertThat(order.taxLines()).hasSize(2);
        for (OrderDetail.TaxLine line : order.taxLines()) {
            assertThat(text)
                    .contains(line.rate() + "%対象 " + money(line.taxableAmount()) + " (消費税 " + money(line.tax()) + ")");
        }
        // by hand: coupon + points 150 apportioned by the items' shares (10 %: floor(150 × 2,200 / 5,440) = 60, 8 %:
        // the other 90); fees in the 10 % bucket: 2,200 − 60 + 800 + 330 = 3,270 → floor(3,270 × 10 / 110) = 297;
        // 3,240 − 90 = 3,150 → floor(3,150 × 8 / 108) = 233
        assertThat(text).contains("10%対象 3,270円 (消費税 297円)", "8%対象 3,150円 (消費税 233円)");
    }

    @Test
    void manyOrdersPrintInTheOrderOfTheList() throws Exception {
        List<Long> ids = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String serial = "dl-" + i + "-" + System.nanoTime();
            serials.add(serial);
            ids.add(fixture.order(
                    serial, List.of(new ShopOrder.Item("tea-1", "", "煎茶", 1080, 1, 8)), 0, 0, 0, 0, null));
        }
        Collections.reverse(ids);
        Collections.reverse(serials);
        ids.add(2, ids.get(0)); // a repeated order prints once

        byte[] pdf = DocumentFixture.pdf(
                "delivery-notes-list-order",
                out -> assertThat(notes.write(ids, out)).isEqualTo(5));
        String text = DocumentFixture.text(pdf);

        int at = -1;
        for (String serial : serials) {
            int next = text.indexOf("受注番号 " + serial);
            assertThat(next).as(serial).isGreaterThan(at);
            assertThat(text.indexOf("受注番号 " + serial, next + 1)).isEqualTo(-1);
            at = next;
        }
        assertThat(DocumentFixture.pages(pdf)).isEqualTo(5);
    }

    @Test
    void aLineWhoseProductIsNotForTheNoteIsLeftOffAndALineWithoutAProductPrintsAsItIs() throws Exception {
        String flyer = "flyer-" + System.nanoTime();
        fixture.listing(flyer, fixture.product(flyer.toUpperCase(), "チラシ", "SKU", "Z-9", true), 1);
        long id = fixture.order(
                "do-" + System.nanoTime(),
                List.of(
                        new ShopOrder.Item("tea-unlisted", "", "未登録の煎茶", 1080, 1, 8),
                        new ShopOrder.Item(flyer, "", "同梱チラシ", 0, 1, 10)),
                0,
                0,
                0,
                0,
                null);

        String text = DocumentFixture.text(
                DocumentFixture.pdf("delivery-note-omitted", out -> notes.write(List.of(id), out)));

        assertThat(text).contains("未登録の煎茶 ※").doesNotContain("同梱チラシ").doesNotContain(flyer);
    }

    @Test
    void theFontIsEmbeddedAsASubsetAndCharactersItLacksPrintAsGeta() throws Exception {
        long id = fixture.order(
                "emoji-" + System.nanoTime(),
                List.of(new ShopOrder.Item("tea-1", "", "煎茶🍵セット\t限定", 1080, 1, 8)),
                0,
                0,
                0,
                0,
                "よろしく\nお願いします😀");

        byte[] pdf = DocumentFixture.pdf("delivery-note-geta", out -> notes.write(List.of(id), out));

        assertThat(DocumentFixture.text(pdf)).contains("煎茶〓セット 限定 ※", "お願いします〓");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansJP.*");
            }
        }
        assertThat(pdf.length).isLessThan(200_000);
    }

    @Test
    void withoutTheIssuerOrOrdersNothingIsWritten() throws Exception {
        long id = fixture.order(
                "nc-" + System.nanoTime(),
                List.of(new ShopOrder.Item("tea-1", "", "煎茶", 1080, 1, 8)),
                0,
                0,
                0,
                0,
                null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> notes.write(List.of(), out)).hasMessage("受注を選んでください");
        List<Long> tooMany = new ArrayList<>();
        for (long i = 1; i <= 1001; i++) {
            tooMany.add(i);
        }
        assertThatThrownBy(() -> notes.write(tooMany, out)).hasMessageContaining("1,000件まで");
        assertThatThrownBy(() -> notes.write(List.of(-1L), out)).hasMessage("選んだ受注はもうありません");
        jdbc.sql("delete from contractor").update();
        assertThatThrownBy(() -> notes.write(List.of(id), out)).hasMessageContaining("契約者情報");
        assertThat(out.size()).isZero();
    }

    private static String money(long yen) {
        return String.format("%,d円", yen);
    }
}
