package jp.juchu.oms.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.juchu.oms.exchange.OrderCsvImports.Field;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopChange;
import jp.juchu.oms.orders.ShopOrder;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.json.JsonMapper;

/** The second pass over a checked file: each order is built once its last line is read. */
final class OrderCsvLoad {

    /** Orders handed to the order module at a time while a checked file is imported. */
    private static final int BATCH = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrderCsvCheck check;
    private final Orders orders;
    private final MallConnections channels;
    private final Map<String, List<OrderCsvLine>> pending = new HashMap<>();
    private final List<IncomingOrder> batch = new ArrayList<>();
    private int created;

    OrderCsvLoad(OrderCsvCheck check, Orders orders, MallConnections channels) {
        this.check = check;
        this.orders = orders;
        this.channels = channels;
    }

    void line(CSVRecord record) {
        int number = (int) record.getRecordNumber();
        if (number == 1) {
            return;
        }
        OrderCsvLine line = check.read(record);
        pending.computeIfAbsent(line.orderNumber(), k -> new ArrayList<>()).add(line);
        if (check.isLastOfOrder(line, number)) {
            batch.add(order(line.orderNumber(), pending.remove(line.orderNumber())));
            if (batch.size() >= BATCH) {
                flush();
            }
        }
    }

    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, ShopChange> results =
                orders.applyFromShop(channels.ownChannel(Mall.CSV).id(), List.copyOf(batch));
        created += (int)
                results.values().stream().filter(ShopChange.CREATED::equals).count();
        batch.clear();
    }

    /** How many of the file's orders were new. */
    int created() {
        return created;
    }

    /** The order of a file's lines: buyer, the one destination and the amounts from its first line. */
    private static IncomingOrder order(String number, List<OrderCsvLine> lines) {
        OrderCsvLine first = lines.get(0);
        List<ShopOrder.Item> items = lines.stream()
                .map(l -> new ShopOrder.Item(
                        l.get(Field.ITEM_CODE), "", l.get(Field.ITEM_NAME), l.unitPrice(), l.quantity(), l.taxRate()))
                .toList();
        long itemsTotal =
                items.stream().mapToLong(i -> i.unitPrice() * i.quantity()).sum();
        long fees = first.shippingFee() + first.codFee();
        Map<Integer, Long> taxable = new TreeMap<>();
        items.forEach(i -> taxable.merge(i.taxRate(), i.unitPrice() * i.quantity(), Long::sum));
        taxable.merge(10, fees, Long::sum);
        List<ShopOrder.TaxLine> tax = new ArrayList<>();
        taxable.forEach((rate, amount) -> tax.add(new ShopOrder.TaxLine(rate, amount, amount * rate / (100 + rate))));
        ShopOrder order = new ShopOrder(
                "csv:" + number,
                number,
                first.orderedAt(),
                first.orderedAt(),
                "New",
                "Unpaid",
                "NotShipped",
                new ShopOrder.Buyer(
                        first.get(Field.BUYER_NAME),
                        first.get(Field.BUYER_KANA),
                        first.get(Field.BUYER_EMAIL),
                        first.get(Field.BUYER_PHONE),
                        first.get(Field.BUYER_POSTAL),
                        first.get(Field.BUYER_PREFECTURE),
                        first.get(Field.BUYER_ADDRESS),
                        null,
                        null),
                first.paymentMethod(),
                List.of(new ShopOrder.Delivery(
                        1,
                        first.orElse(Field.SHIP_NAME, Field.BUYER_NAME),
                        first.get(Field.SHIP_NAME) != null ? null : first.get(Field.BUYER_KANA),
                        first.orElse(Field.SHIP_PHONE, Field.BUYER_PHONE),
                        first.orElse(Field.SHIP_POSTAL, Field.BUYER_POSTAL),
                        first.orElse(Field.SHIP_PREFECTURE, Field.BUYER_PREFECTURE),
                        first.orElse(Field.SHIP_ADDRESS, Field.BUYER_ADDRESS),
                        null,
                        null,
                        null,
                        false,
                        null,
                        first.shippingFee(),
                        items,
                        null,
                        null,
                        null)),
                new ShopOrder.Amounts(
                        itemsTotal, first.shippingFee(), first.codFee(), 0, 0, 0, itemsTotal + fees, List.copyOf(tax)),
                first.get(Field.REMARKS));
        String payload = JSON.writeValueAsString(order);
        return IncomingOrder.of(order, payload);
    }
}
