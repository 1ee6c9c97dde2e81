package jp.juchu.oms.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.juchu.oms.bundles.OneShipment;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.products.ListedItems;
import org.springframework.stereotype.Service;

/**
 * ピッキングリスト for a set of orders (those chosen in the order list, or a slip batch): the total per SKU over all
 * of them sorted by shelf location, so that one walk through the warehouse picks everything (トータルピッキング), or
 * each order's own SKUs (受注別). A shop's item becomes the SKUs its listing names (a set's components, times the
 * listing's multiplier); an item without a listing is picked as the order names it, grouped by item code, after the
 * located SKUs.
 */
@Service
public class PickingLists {

    /** Which list: the total per SKU, or one list per order. */
    public enum Layout {
        TOTAL,
        PER_ORDER
    }

    private static final float LEFT = 15f;
    private static final float RIGHT = 195f;
    static final String UNLISTED = "未登録";

    private final PrintedOrders printedOrders;
    private final ListedItems listedItems;
    private final PdfBooks books;
    private final Clock clock;

    PickingLists(PrintedOrders printedOrders, ListedItems listedItems, PdfBooks books, Clock clock) {
        this.printedOrders = printedOrders;
        this.listedItems = listedItems;
        this.books = books;
        this.clock = clock;
    }

    /** One thing to pick: a SKU of the master, or an item without a listing (then {@code listed} is false). */
    record Pick(boolean listed, String location, String code, String janCode, String name, long quantity, int orders) {

        static final Comparator<Pick> WALK = Comparator.comparing(
                        (Pick p) -> p.location() == null || p.location().isBlank())
                .thenComparing(p -> p.location() == null ? "" : p.location())
                .thenComparing(p -> !p.listed())
                .thenComparing(Pick::code);
    }

    /**
     * Writes the list for these orders (each once; orders deleted since are left out) as one PDF; nothing reaches
     * {@code out} before the whole list is drawn.
     *
     * @return how many orders it covers
     * @throws IllegalArgumentException when no order (or more than 1,000) is given, or none exists
     */
    public int write(Layout layout, List<Long> orderIds, OutputStream out) throws IOException {
        List<List<Long>> ids = printedOrders.entries(orderIds);
        LocalDate printed = LocalDate.now(clock);
        try (PdfBook book = books.open(layout == Layout.TOTAL ? "トータルピッキングリスト" : "ピッキングリスト (受注別)")) {
            int count = layout == Layout.TOTAL ? total(book, ids, printed) : perOrder(book, ids, printed);
            if (count == 0) {
                throw new IllegalArgumentException("選んだ受注はもうありません");
            }
            book.writeTo(out);
            return count;
        }
    }

    private int total(PdfBook book, List<List<Long>> ids, LocalDate printed) {
        Map<String, Pick> totals = new LinkedHashMap<>();
        Map<String, Set<Long>> ordersOf = new LinkedHashMap<>();
        int found = printedOrders.each(ids, group -> {
            OrderDetail order = OneShipment.of(group);
            for (Pick p : picks(order)) {
                String key = (p.listed() ? "sku:" : "item:") + p.code();
                totals.merge(
                        key,
                        p,
                        (a, b) -> new Pick(
                                a.listed(),
                                a.location(),
                                a.code(),
                                a.janCode(),
                                a.name(),
                                a.quantity() + b.quantity(),
                                0));
                ordersOf.computeIfAbsent(key, k -> new HashSet<>()).add(order.id());
            }
        });
        if (found == 0) {
            return 0;
        }
        List<Pick> walk = totals.entrySet().stream()
                .map(e -> {
                    Pick p = e.getValue();
                    return new Pick(
                            p.listed(),
                            p.location(),
                            p.code(),
                            p.janCode(),
                            p.name(),
                            p.quantity(),
                            ordersOf.get(e.getKey()).size());
                })
                .sorted(Pick.WALK)
                .toList();
        long pieces = walk.stream().mapToLong(Pick::quantity).sum();
        int orderCount = found;
        PdfFlow flow = new PdfFlow(book, 15f, (page, n) -> {
            page.text(LEFT, 18f, n == 1 ? 16f : 10f, true, n == 1 ? "トータルピッキングリスト" : "トータルピッキングリスト (続き)");
            page.textRight(RIGHT, 18f, 9f, false, "印刷日 " + Formats.date(printed) + "  " + n + "ページ");
            if (n == 1) {
                page.text(
                        LEFT,
                        25f,
                        9.5f,
                        false,
                        "受注 %,d件 / %,d品目 / 合計 %,d点 (ロケーション順)".formatted(orderCount, walk.size(), pieces));
                return 30f;
            }
            return 23f;
        });
        PdfTable table = new PdfTable(
                flow,
                LEFT,
                8.5f,
                List.of(
                        new PdfTable.Column("ロケーション", 24f, PdfTable.Align.LEFT),
                        new PdfTable.Column("商品コード", 32f, PdfTable.Align.LEFT),
                        new PdfTable.Column("JANコード", 28f, PdfTable.Align.LEFT),
                        new PdfTable.Column("商品名", 60f, PdfTable.Align.LEFT),
                        new PdfTable.Column("数量", 14f, PdfTable.Align.RIGHT),
                        new PdfTable.Column("受注数", 14f, PdfTable.Align.RIGHT),
                        new PdfTable.Column("確認", 8f, PdfTable.Align.CENTER)));
        table.header();
        for (Pick p : walk) {
            table.row(List.of(
                    location(p),
                    p.code(),
                    nullToEmpty(p.janCode()),
                    p.name(),
                    "%,d".formatted(p.quantity()),
                    "%,d".formatted(p.orders()),
                    "□"));
        }
        return found;
    }

    private int perOrder(PdfBook book, List<List<Long>> ids, LocalDate printed) {
        PdfFlow flow = new PdfFlow(book, 15f, (page, n) -> {
            page.text(LEFT, 18f, n == 1 ? 16f : 10f, true, n == 1 ? "ピッキングリスト (受注別)" : "ピッキングリスト (受注別) (続き)");
            page.textRight(RIGHT, 18f, 9f, false, "印刷日 " + Formats.date(printed) + "  " + n + "ページ");
            return 25f;
        });
        List<PdfTable.Column> columns = List.of(
                new PdfTable.Column("ロケーション", 26f, PdfTable.Align.LEFT),
                new PdfTable.Column("商品コード", 36f, PdfTable.Align.LEFT),
                new PdfTable.Column("商品名", 90f, PdfTable.Align.LEFT),
                new PdfTable.Column("数量", 16f, PdfTable.Align.RIGHT),
                new PdfTable.Column("確認", 12f, PdfTable.Align.CENTER));
        return printedOrders.each(ids, group -> {
            OrderDetail order = OneShipment.of(group);
            String numbers = group.stream().map(OrderDetail::orderNumber).collect(Collectors.joining("、"));
            Map<String, Pick> merged = new LinkedHashMap<>();
            for (Pick p : picks(order)) {
                merged.merge(
                        (p.listed() ? "sku:" : "item:") + p.code(),
                        p,
                        (a, b) -> new Pick(
                                a.listed(),
                                a.location(),
                                a.code(),
                                a.janCode(),
                                a.name(),
                                a.quantity() + b.quantity(),
                                1));
            }
            List<Pick> walk = merged.values().stream().sorted(Pick.WALK).toList();
            flow.ensure(24f);
            PdfPage page = flow.page();
            String to = order.shipments().stream()
                    .map(s -> nullToEmpty(s.name()) + " 様")
                    .distinct()
                    .reduce((a, b) -> a + "、" + b)
                    .orElse("");
            page.text(
                    LEFT,
                    flow.y() + 4f,
                    10.5f,
                    true,
                    book.fit("受注番号 " + numbers + (group.size() > 1 ? " (同梱)" : ""), 10.5f, true, 63f));
            page.text(80f, flow.y() + 4f, 9f, false, book.fit("お届け先 " + to, 9f, false, RIGHT - 80f - 30f));
            page.textRight(RIGHT, flow.y() + 4f, 9f, false, "注文日 " + Formats.date(order.orderedAt()));
            flow.down(6f);
            PdfTable table = new PdfTable(flow, LEFT, 8.5f, columns);
            table.header();
            for (Pick p : walk) {
                table.row(List.of(location(p), p.code(), p.name(), "%,d".formatted(p.quantity()), "□"));
            }
            flow.down(5f);
        });
    }

    /** What to pick for one order: each line's SKUs (or the line itself when its item has no listing). */
    private List<Pick> picks(OrderDetail order) {
        List<OrderDetail.Item> items =
                order.shipments().stream().flatMap(s -> s.items().stream()).toList();
        Map<ListedItems.Key, ListedItems.Listed> listed = listedItems.of(
                order.connectionId(),
                items.stream()
                        .map(i -> new ListedItems.Key(i.itemCode(), i.variation()))
                        .distinct()
                        .toList());
        List<Pick> picks = new ArrayList<>();
        for (OrderDetail.Item item : items) {
            ListedItems.Listed product = listed.get(new ListedItems.Key(item.itemCode(), item.variation()));
            if (product == null) {
                String variation = item.variation() == null || item.variation().isBlank()
                        ? ""
                        : " (" + item.variation().strip() + ")";
                String code = item.itemCode()
                        + (variation.isEmpty() ? "" : " " + item.variation().strip());
                picks.add(new Pick(false, null, code, null, nullToEmpty(item.name()) + variation, item.quantity(), 1));
                continue;
            }
            for (ListedItems.Pick sku : product.picks()) {
                picks.add(new Pick(
                        true,
                        sku.shelfLocation(),
                        sku.code(),
                        sku.janCode(),
                        sku.name(),
                        (long) sku.quantity() * item.quantity(),
                        1));
            }
        }
        return picks;
    }

    private static String location(Pick p) {
        if (!p.listed()) {
            return UNLISTED;
        }
        return p.location() == null || p.location().isBlank() ? "-" : p.location();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
