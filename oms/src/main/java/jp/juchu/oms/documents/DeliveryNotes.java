package jp.juchu.oms.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.PaymentMethods;
import jp.juchu.oms.orders.ShippingInstructions;
import jp.juchu.oms.products.ListedItems;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import jp.juchu.support.money.ConsumptionTax;
import jp.juchu.support.money.Money;
import org.springframework.stereotype.Service;

/**
 * 納品書: one note per order, in the order given, in one PDF — the merchant with its 登録番号, the buyer and each
 * destination, the lines (reduced-rate items marked ※, non-taxable ones (非)), the amounts with fees, coupon and
 * points, the total and tax per rate as the order has it, and the remarks. It then serves as a 適格簡易請求書. A line
 * whose product is marked 納品書に記載しない is left off; a line without a product prints as the order has it. Orders
 * are read a hundred at a time and each page's content leaves the heap once drawn.
 */
@Service
public class DeliveryNotes {

    static final String REDUCED_RATE_MARK = "※";
    static final String NON_TAXABLE_MARK = "(非)";

    private static final float LEFT = 15f;
    private static final float RIGHT = 195f;

    private final PrintedOrders printed;
    private final ContractorInfo contractor;
    private final ListedItems listedItems;
    private final PdfBooks books;
    private final Clock clock;
    private final ShippingInstructions instructions;

    DeliveryNotes(
            PrintedOrders printed,
            ContractorInfo contractor,
            ListedItems listedItems,
            PdfBooks books,
            Clock clock,
            ShippingInstructions instructions) {
        this.printed = printed;
        this.instructions = instructions;
        this.contractor = contractor;
        this.listedItems = listedItems;
        this.books = books;
        this.clock = clock;
    }

    /**
     * Writes the notes of these orders (each once, in their order; orders deleted since are left out) as one PDF.
     * Nothing reaches {@code out} before every note is drawn, so a refusal leaves it untouched.
     *
     * @return how many notes were written
     * @throws IllegalArgumentException when no order (or more than 1,000) is given, or none exists
     * @throws IllegalStateException when 契約者情報 (the issuer) is not registered
     */
    public int write(List<Long> orderIds, OutputStream out) throws IOException {
        List<List<Long>> entries = printed.entries(orderIds);
        Contractor issuer = contractor
                .get()
                .orElseThrow(() -> new IllegalStateException("納品書の発行者になる契約者情報が登録されていません。各種設定の契約者情報を登録してください"));
        LocalDate issued = LocalDate.now(clock);
        try (PdfBook book = books.open("納品書")) {
            int notes = printed.each(entries, group -> note(book, group, issuer, issued));
            if (notes == 0) {
                throw new IllegalArgumentException("選んだ受注はもうありません");
            }
            book.writeTo(out);
            return notes;
        }
    }

    /** One note: for an order, or for a merged 同梱 group listing each of its orders with its own amounts. */
    private void note(PdfBook book, List<OrderDetail> group, Contractor issuer, LocalDate issued) {
        OrderDetail first = group.get(0);
        String numbers = group.stream().map(OrderDetail::orderNumber).collect(Collectors.joining("、"));
        PdfFlow flow = new PdfFlow(
                book,
                15f,
                (page, n) -> n == 1 ? heading(page, first, numbers, issuer, issued) : continued(page, numbers));
        flow.page();
        for (OrderDetail order : group) {
            if (group.size() > 1) {
                flow.ensure(20f);
                flow.page()
                        .text(
                                LEFT,
                                flow.y() + 4f,
                                10.5f,
                                true,
                                "受注番号 " + order.orderNumber() + " (注文日 " + Formats.date(order.orderedAt()) + " / "
                                        + PaymentMethods.labelOf(order.paymentMethod()) + ")");
                flow.down(7f);
            }
            body(flow, order);
        }
    }

    private void body(PdfFlow flow, OrderDetail order) {
        Map<ListedItems.Key, ListedItems.Listed> listed = listedItems.of(order.connectionId(), keys(order));
        boolean several = order.shipments().size() > 1;
        boolean reduced = false;
        boolean nonTaxable = false;
        for (OrderDetail.Shipment s : order.shipments()) {
            destination(flow, s, several);
            PdfTable table = new PdfTable(
                    flow,
                    LEFT,
                    9f,
                    List.of(
                            new PdfTable.Column("商品コード", 34f, PdfTable.Align.LEFT),
                            new PdfTable.Column("商品名", 80f, PdfTable.Align.LEFT),
                            new PdfTable.Column("単価", 24f, PdfTable.Align.RIGHT),
                            new PdfTable.Column("数量", 14f, PdfTable.Align.RIGHT),
                            new PdfTable.Column("金額", 28f, PdfTable.Align.RIGHT)));
            table.header();
            for (OrderDetail.Item item : s.items()) {
                ListedItems.Listed product = listed.get(new ListedItems.Key(item.itemCode(), item.variation()));
                if (product != null && product.omitFromDeliveryNote()) {
                    continue;
                }
                reduced |= item.taxRate() == 8;
                nonTaxable |= item.taxRate() == 0;
                table.row(List.of(
                        item.itemCode(),
                        itemName(item),
                        Money.yen(item.unitPrice()),
                        String.valueOf(item.quantity()),
                        Money.yen(item.amount())));
            }
            flow.down(3f);
        }
        amounts(flow, order);
        taxes(flow, order, reduced, nonTaxable);
        remarks(flow, "備考", order.remarks());
        remarks(flow, "お知らせ", instructions.deliveryNoteRemark(order.id()));
    }

    private static List<ListedItems.Key> keys(OrderDetail order) {
        return order.shipments().stream()
                .flatMap(s -> s.items().stream())
                .map(i -> new ListedItems.Key(i.itemCode(), i.variation()))
                .distinct()
                .toList();
    }

    /** The line's name with its variation, and ※ for the reduced rate or (非) when not taxable. */
    static String itemName(OrderDetail.Item item) {
        String name = item.name() == null ? "" : item.name();
        if (item.variation() != null && !item.variation().isBlank()) {
            name += " (" + item.variation().strip() + ")";
        }
        return switch (item.taxRate()) {
            case 8 -> name + " " + REDUCED_RATE_MARK;
            case 0 -> name + " " + NON_TAXABLE_MARK;
            default -> name;
        };
    }

    private float heading(PdfPage page, OrderDetail order, String numbers, Contractor issuer, LocalDate issued) {
        PdfBook book = page.book();
        page.textCentered(PdfBook.PAGE_WIDTH / 2, 22f, 20f, true, "納品書");
        float y = 32f;
        for (String line : List.of(
                "発行日 " + Formats.date(issued),
                "受注番号 " + numbers,
                "注文日 " + Formats.date(order.orderedAt()),
                "お支払方法 " + PaymentMethods.labelOf(order.paymentMethod()))) {
            page.textRight(RIGHT, y, 9f, false, book.fit(line, 9f, false, 80f));
            y += 4.6f;
        }
        // the buyer, as on an envelope window
        page.text(LEFT, 34f, 8f, false, "ご購入者");
        float by = 39f;
        for (String line : List.of(
                "〒" + nullToEmpty(order.buyerPostalCode()),
                nullToEmpty(order.buyerPrefecture()) + nullToEmpty(order.buyerAddress1()),
                nullToEmpty(order.buyerAddress2()))) {
            if (!line.isBlank() && !"〒".equals(line)) {
                page.text(LEFT, by, 9.5f, false, book.fit(line, 9.5f, false, 95f));
                by += 4.8f;
            }
        }
        page.text(LEFT, by + 2f, 13f, true, book.fit(nullToEmpty(order.buyerName()) + " 様", 13f, true, 95f));
        page.line(LEFT, by + 3.5f, LEFT + 95f, by + 3.5f, 0.5f);
        // the issuer
        float iy = 56f;
        page.text(120f, iy, 11f, true, book.fit(issuer.companyName(), 11f, true, 75f));
        iy += 5f;
        for (String line : List.of(
                "〒" + issuer.postalCode() + " " + issuer.prefecture() + issuer.address(),
                "TEL " + issuer.phone(),
                issuer.email())) {
            for (String l : book.wrap(line, 8.5f, false, 75f, 2)) {
                page.text(120f, iy, 8.5f, false, l);
                iy += 4.2f;
            }
        }
        if (issuer.registrationNumber() != null) {
            page.text(120f, iy, 8.5f, false, "登録番号 " + issuer.registrationNumber());
            iy += 4.2f;
        }
        float top = Math.max(iy, by + 8f) + 4f;
        page.text(LEFT, top, 9f, false, "このたびはお買い上げいただき、誠にありがとうございます。下記のとおり納品いたします。");
        return top + 6f;
    }

    private static float continued(PdfPage page, String numbers) {
        page.text(LEFT, 15f, 10f, true, "納品書 (続き)");
        page.textRight(RIGHT, 15f, 9f, false, page.book().fit("受注番号 " + numbers, 9f, false, 120f));
        page.line(LEFT, 17f, RIGHT, 17f, 0.5f);
        return 22f;
    }

    private static void destination(PdfFlow flow, OrderDetail.Shipment s, boolean several) {
        PdfBook book = flow.book();
        List<String> lines = new ArrayList<>();
        lines.add((several ? "お届け先 " + s.deliveryId() + ": " : "お届け先: ") + nullToEmpty(s.name()) + " 様");
        lines.add(("〒" + nullToEmpty(s.postalCode()) + " " + nullToEmpty(s.prefecture()) + nullToEmpty(s.address1())
                        + " " + nullToEmpty(s.address2()))
                .strip());
        List<String> extras = new ArrayList<>();
        if (s.deliveryDate() != null) {
            extras.add("お届け希望日 " + Formats.date(s.deliveryDate()));
        }
        if (!s.timeSlotLabel().isBlank()) {
            extras.add("時間帯 " + s.timeSlotLabel());
        }
        if (s.giftWrapping()) {
            extras.add("ギフト包装あり");
        }
        if (s.noshi() != null && !s.noshi().isBlank()) {
            extras.add("のし " + s.noshi());
        }
        if (!extras.isEmpty()) {
            lines.add(String.join(" / ", extras));
        }
        flow.ensure(lines.size() * 4.6f + 14f);
        for (int i = 0; i < lines.size(); i++) {
            flow.page()
                    .text(
                            LEFT,
                            flow.y() + 3.5f,
                            i == 0 ? 9.5f : 8.5f,
                            i == 0,
                            book.fit(lines.get(i), 9f, i == 0, RIGHT - LEFT));
            flow.down(4.6f);
        }
        flow.down(1.5f);
    }

    private static void amounts(PdfFlow flow, OrderDetail order) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"商品合計", Money.yen(order.itemsTotal())});
        rows.add(new String[] {"送料", Money.yen(order.shippingFee())});
        if (order.codFee() != 0) {
            rows.add(new String[] {"代引手数料", Money.yen(order.codFee())});
        }
        if (order.giftWrappingFee() != 0) {
            rows.add(new String[] {"ギフト包装料", Money.yen(order.giftWrappingFee())});
        }
        if (order.couponDiscount() != 0) {
            rows.add(new String[] {"クーポン値引", Money.yen(-order.couponDiscount())});
        }
        if (order.pointsUsed() != 0) {
            rows.add(new String[] {"ポイント利用", Money.yen(-order.pointsUsed())});
        }
        flow.ensure(rows.size() * 5f + 9f);
        PdfPage page = flow.page();
        for (String[] row : rows) {
            page.text(125f, flow.y() + 3.5f, 9.5f, false, row[0]);
            page.textRight(RIGHT - 1.2f, flow.y() + 3.5f, 9.5f, false, row[1]);
            flow.down(5f);
        }
        page.line(125f, flow.y() + 0.5f, RIGHT, flow.y() + 0.5f, 0.6f);
        flow.down(1f);
        page.text(125f, flow.y() + 5f, 11f, true, "合計 (税込)");
        page.textRight(RIGHT - 1.2f, flow.y() + 5f, 11f, true, Money.yen(order.total()));
        flow.down(9f);
    }

    /** The box of totals and tax per rate (税率別内訳), fees counted at 10 %, tax rounded once per rate. */
    private static void taxes(PdfFlow flow, OrderDetail order, boolean reduced, boolean nonTaxable) {
        List<OrderDetail.TaxLine> lines = taxLines(order);
        float h = lines.size() * 5f + 8f;
        flow.ensure(h + 12f);
        PdfPage page = flow.page();
        float top = flow.y();
        page.box(105f, top, RIGHT - 105f, h, 0.5f);
        page.text(107f, top + 4.5f, 8.5f, true, "税率別内訳");
        float y = top + 9.5f;
        for (OrderDetail.TaxLine line : lines) {
            String label = line.rate() == 0 ? "非課税対象" : line.rate() + "%対象";
            String figures = line.rate() == 0
                    ? Money.yen(line.taxableAmount())
                    : Money.yen(line.taxableAmount()) + " (消費税 " + Money.yen(line.tax()) + ")";
            page.text(107f, y, 9f, false, label);
            page.textRight(RIGHT - 2f, y, 9f, false, figures);
            y += 5f;
        }
        flow.down(h + 3f);
        List<String> notes = new ArrayList<>();
        if (reduced) {
            notes.add(REDUCED_RATE_MARK + "印は軽減税率 (8%) 対象商品です。");
        }
        if (nonTaxable) {
            notes.add(NON_TAXABLE_MARK + " は非課税の商品です。");
        }
        notes.add("送料・手数料・ギフト包装料は10%対象に含みます。金額はすべて税込です。");
        for (String note : notes) {
            page.text(LEFT, flow.y() + 3f, 8f, false, note);
            flow.down(4.2f);
        }
    }

    /**
     * The tax per rate as the order holds it (the shop's figures, or the one rule's after an edit); for an order that
     * came without them, the same rule ({@link ConsumptionTax}) applied to its lines, fees and discounts.
     */
    static List<OrderDetail.TaxLine> taxLines(OrderDetail order) {
        List<OrderDetail.TaxLine> stored = order.taxLines();
        if (!stored.isEmpty()) {
            return stored;
        }
        Map<Integer, Long> byRate = new TreeMap<>();
        order.shipments().stream()
                .flatMap(s -> s.items().stream())
                .forEach(i -> byRate.merge(i.taxRate(), i.amount(), Long::sum));
        return ConsumptionTax.perRate(
                        byRate,
                        order.shippingFee() + order.codFee() + order.giftWrappingFee(),
                        order.couponDiscount() + order.pointsUsed())
                .stream()
                .map(l -> new OrderDetail.TaxLine(l.rate(), l.taxableAmount(), l.tax()))
                .toList();
    }

    /** A block of text under a heading: the buyer's remarks (備考), the shop's note to the buyer (お知らせ). */
    private static void remarks(PdfFlow flow, String heading, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        PdfBook book = flow.book();
        List<String> lines = book.wrap(text.strip(), 8.5f, false, RIGHT - LEFT - 4f, 12);
        flow.ensure(Math.min(lines.size(), 3) * 4.2f + 8f);
        flow.down(2f);
        flow.page().text(LEFT, flow.y() + 3f, 8.5f, true, heading);
        flow.down(4.5f);
        for (String line : lines) {
            flow.ensure(4.2f);
            flow.page().text(LEFT + 2f, flow.y() + 3f, 8.5f, false, line);
            flow.down(4.2f);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
