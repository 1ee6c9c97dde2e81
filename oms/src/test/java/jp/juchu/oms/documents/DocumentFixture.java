package jp.juchu.oms.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders, products and listings for the document tests, and the text of a PDF as PDFBox extracts it. */
record DocumentFixture(Orders orders, JdbcClient jdbc, long connectionId) {

    /** An order with these lines to one address, its amounts computed by the one tax rule. */
    long order(
            String serial,
            List<ShopOrder.Item> items,
            long shipping,
            long cod,
            long coupon,
            long points,
            String remarks) {
        Map<Integer, Long> byRate = new java.util.TreeMap<>();
        items.forEach(i -> byRate.merge(i.taxRate(), i.unitPrice() * i.quantity(), Long::sum));
        ShopOrder.Amounts amounts = ShopOrder.Amounts.of(byRate, shipping, cod, 0, coupon, points);
        ShopOrder order = new ShopOrder(
                serial,
                serial,
                OffsetDateTime.parse("2026-12-01T10:15:00+09:00"),
                OffsetDateTime.parse("2026-12-01T10:15:00+09:00"),
                "New",
                "Paid",
                "NotShipped",
                new ShopOrder.Buyer(
                        "山田 太郎",
                        "ヤマダ タロウ",
                        "taro@example.jp",
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区神宮前1-2-3",
                        "神宮前ハイツ101",
                        null),
                cod > 0 ? "CashOnDelivery" : "CreditCard",
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
                        shipping,
                        items,
                        null,
                        null,
                        null)),
                amounts,
                remarks);
        orders.applyFromShop(connectionId, List.of(new IncomingOrder(order, "{}", serial)));
        return jdbc.sql("select id from oms_order where connection_id = ? and serial_code = ?")
                .params(connectionId, serial)
                .query(Long.class)
                .single();
    }

    long product(String code, String name, String kind, String shelf, boolean omit) {
        return jdbc.sql("insert into product (code, kind, name, shelf_location, omit_from_delivery_note, jan_code)"
                        + " values (?, ?, ?, ?, ?, ?) returning id")
                .params(code, kind, name, shelf, omit, "SKU".equals(kind) ? "4900000000000" : null)
                .query(Long.class)
                .single();
    }

    void component(long set, long sku, int quantity) {
        jdbc.sql("insert into product_set_component (set_id, component_id, quantity) values (?, ?, ?)")
                .params(set, sku, quantity)
                .update();
    }

    void listing(String itemCode, long productId, int multiplier) {
        jdbc.sql("insert into listing (connection_id, item_code, product_id, multiplier) values (?, ?, ?, ?)")
                .params(connectionId, itemCode, productId, multiplier)
                .update();
    }

    /** The PDF's text, page by page in reading order, with its page count checked to be at least one. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    interface Print {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    /** The PDF printed, also kept as {@code target/test-documents/<name>.pdf} for a person to look at. */
    static byte[] pdf(String name, Print print) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        print.to(out);
        java.nio.file.Path dir = java.nio.file.Path.of("target", "test-documents");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name + ".pdf"), out.toByteArray());
        return out.toByteArray();
    }
}
