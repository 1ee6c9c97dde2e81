package jp.juchu.oms.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.juchu.oms.customers.Customers;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderEdit;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;
import jp.juchu.oms.rules.OrderChanges.Result;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The action プレゼント追加: adds an active product of the master to the order as a free line, once for each buyer
 * (remembered in {@code auto_rule_gift} under every way the buyer is known), through the order edit.
 */
@Component
class AddingGifts {

    private final Products products;
    private final Customers customers;
    private final JdbcClient jdbc;
    private final OrderEditByRule edit;

    AddingGifts(Products products, Customers customers, JdbcClient jdbc, OrderEditByRule edit) {
        this.products = products;
        this.customers = customers;
        this.jdbc = jdbc;
        this.edit = edit;
    }

    /** Adds the product as a free line (0円) to the order's first destination, once per buyer. */
    Result add(OrderFacts facts, String code, String actor, boolean write) {
        Optional<Product> product = products.byCode(code).filter(Product::active);
        if (product.isEmpty()) {
            return Result.skipped("プレゼント商品「" + code + "」は商品マスタにないか、使われていません");
        }
        List<String> keys = giftKeys(facts.order());
        boolean given = jdbc.sql(
                        "select exists (select 1 from auto_rule_gift where gift_key = any (?) and item_code = ?)")
                .params(keys.toArray(String[]::new), code)
                .query(Boolean.class)
                .single();
        if (given) {
            return Result.skipped("この顧客にはプレゼント「" + product.get().name() + "」を追加済みです");
        }
        if (facts.order().shipments().isEmpty()) {
            return Result.skipped("お届け先がありません");
        }
        int destination = facts.order().shipments().get(0).deliveryId();
        String change = "プレゼント「" + product.get().name() + "」(" + code + ") を追加";
        if (write) {
            for (String key : keys) {
                jdbc.sql("insert into auto_rule_gift (gift_key, item_code, order_id) values (?, ?, ?)"
                                + " on conflict do nothing")
                        .params(key, code, facts.order().id())
                        .update();
            }
        }
        return edit.save(facts, write, actor, List.of(change), e -> {
            List<OrderEdit.Line> lines = new ArrayList<>(e.lines());
            lines.add(new OrderEdit.Line(
                    destination,
                    code,
                    null,
                    product.get().name() + " (プレゼント)",
                    0L,
                    product.get().taxRate(),
                    1));
            return e.withShipments(e.destinations(), lines);
        });
    }

    /**
     * Who a gift is once for, every way the buyer is known: the linked customer (once linking has run), the e-mail,
     * and the name with the phone. A gift given under any of them counts.
     */
    private List<String> giftKeys(OrderDetail order) {
        List<String> keys = new ArrayList<>();
        customers.ofOrder(order.id()).ifPresent(c -> keys.add("customer:" + c.id()));
        if (order.buyerEmail() != null && !order.buyerEmail().isBlank()) {
            keys.add("email:" + order.buyerEmail().strip().toLowerCase(Locale.ROOT));
        }
        keys.add("buyer:" + ActionValues.normalized(order.buyerName()).replaceAll("\\s", "") + ":"
                + (order.buyerPhone() == null ? "" : order.buyerPhone().replaceAll("[^0-9]", "")));
        return keys.stream()
                .map(k -> k.length() > 300 ? k.substring(0, 300) : k)
                .toList();
    }
}
