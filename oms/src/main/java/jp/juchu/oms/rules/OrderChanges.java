package jp.juchu.oms.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import jp.juchu.oms.customers.Customers;
import jp.juchu.oms.orders.CashOnDelivery;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderEdit;
import jp.juchu.oms.orders.OrderEditConflict;
import jp.juchu.oms.orders.OrderEditing;
import jp.juchu.oms.orders.OrderLimits;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShippingInstructions;
import jp.juchu.oms.products.Listings;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;
import jp.juchu.oms.shipping.Carrier;
import jp.juchu.support.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The actions that change an order's shipping and amounts, each through the path a person's change takes: dates,
 * fees, lines and destinations through the order edit ({@link OrderEditing}: its checks, totals, history and audit),
 * carriers and remarks through {@link ShippingInstructions} (before printing only). Each runs in a savepoint, so one
 * the edit refuses leaves nothing behind and the rule goes on; {@link #preview} says what each would change, writing
 * nothing.
 */
@Component
class OrderChanges {

    private final Orders orders;
    private final OrderEditing editing;
    private final ShippingInstructions instructions;
    private final Customers customers;
    private final Products products;
    private final Listings listings;
    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    OrderChanges(
            Orders orders,
            OrderEditing editing,
            ShippingInstructions instructions,
            Customers customers,
            Products products,
            Listings listings,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.orders = orders;
        this.editing = editing;
        this.instructions = instructions;
        this.customers = customers;
        this.products = products;
        this.listings = listings;
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Whether this class carries out the action. */
    static boolean handles(Action.Kind kind) {
        return switch (kind) {
            case SET_CARRIER,
                    MAP_SHIPPING_NAME,
                    SHIFT_DATE,
                    CLEAR_DATE,
                    ADD_FEE,
                    ADD_GIFT,
                    APPEND_DELIVERY_NOTE,
                    APPEND_SLIP_REMARK,
                    SPLIT_BY_ZONE -> true;
            default -> false;
        };
    }

    /**
     * Carries out the action on the order now.
     *
     * @param value the action's value with its variables filled in
     * @return what changed, or why nothing did (then nothing was written)
     */
    Result apply(OrderFacts facts, Action action, String value, String actor) {
        try {
            return savepoint.execute(tx -> {
                Result result = change(facts, action, value, actor, true);
                if (!result.done()) {
                    tx.setRollbackOnly();
                }
                return result;
            });
        } catch (IllegalArgumentException e) {
            return Result.skipped(e.getMessage().replace("\n", " / "));
        } catch (OrderEditConflict e) {
            return Result.skipped("ほかの変更と重なったため実行しませんでした");
        }
    }

    /** What the action would change on the order, writing nothing (for the simulation). */
    Result preview(OrderFacts facts, Action action, String value) {
        return change(facts, action, value, null, false);
    }

    /** One action's outcome: done with what changed, or skipped with why. */
    record Result(boolean done, String summary) {

        static Result done(String summary) {
            return new Result(true, summary);
        }

        static Result skipped(String why) {
            return new Result(false, why);
        }
    }

    private Result change(OrderFacts facts, Action action, String value, String actor, boolean write) {
        long orderId = facts.order().id();
        List<String> problems = new ArrayList<>();
        return switch (action.kind()) {
            case SET_CARRIER ->
                ActionValues.carrier(value, problems)
                        .map(c -> assign(orderId, c, actor, write))
                        .orElseGet(() -> Result.skipped(String.join(" / ", problems)));
            case MAP_SHIPPING_NAME -> mapShippingName(facts, value, actor, write);
            case SHIFT_DATE ->
                ActionValues.shift(value, problems)
                        .map(s -> shift(facts, s.days(), actor, write))
                        .orElseGet(() -> Result.skipped(String.join(" / ", problems)));
            case CLEAR_DATE -> clearDates(facts, actor, write);
            case ADD_FEE ->
                ActionValues.fee(value, problems)
                        .map(f -> addFee(facts, f, actor, write))
                        .orElseGet(() -> Result.skipped(String.join(" / ", problems)));
            case ADD_GIFT -> addGift(facts, value, actor, write);
            case APPEND_DELIVERY_NOTE ->
                write
                        ? instructions
                                .appendDeliveryNoteRemark(orderId, value, actor)
                                .map(Result::skipped)
                                .orElseGet(() -> Result.done("納品書の備考に追記: " + value))
                        : Result.done("納品書の備考に追記: " + value);
            case APPEND_SLIP_REMARK ->
                write
                        ? instructions
                                .appendSlipRemark(orderId, value, actor)
                                .map(Result::skipped)
                                .orElseGet(() -> Result.done("送り状の記事に追記: " + value))
                        : Result.done("送り状の記事に追記: " + value);
            case SPLIT_BY_ZONE -> splitByZone(facts, actor, write);
            default -> throw new IllegalStateException("not a shipping or amount action: " + action.kind());
        };
    }

    private Result assign(long orderId, ActionValues.CarrierChoice choice, String actor, boolean write) {
        String summary = "配送業者: " + choice.describe();
        if (!write) {
            return Result.done(summary);
        }
        return instructions
                .assign(orderId, choice.carrier().name(), choice.service(), choice.coolType(), actor)
                .map(Result::skipped)
                .orElseGet(() -> Result.done(summary));
    }

    private Result mapShippingName(OrderFacts facts, String value, String actor, boolean write) {
        List<String> problems = new ArrayList<>();
        Map<String, Carrier> mappings = ActionValues.mappings(value, problems);
        if (!problems.isEmpty()) {
            return Result.skipped(String.join(" / ", problems));
        }
        for (String shopName : facts.shopCarriers()) {
            String name = ActionValues.normalized(shopName).toLowerCase(Locale.ROOT);
            for (var mapping : mappings.entrySet()) {
                if (name.contains(mapping.getKey())) {
                    Result result = assign(
                            facts.order().id(),
                            new ActionValues.CarrierChoice(mapping.getValue(), null, null),
                            actor,
                            write);
                    return result.done()
                            ? Result.done("配送方法「" + shopName + "」→ "
                                    + mapping.getValue().label())
                            : result;
                }
            }
        }
        return Result.skipped(
                facts.shopCarriers().isEmpty()
                        ? "ショップの配送方法がありません"
                        : "配送方法「" + String.join("・", facts.shopCarriers()) + "」に当たる置き換えがありません");
    }

    private Result shift(OrderFacts facts, int days, String actor, boolean write) {
        LocalDate today = facts.today();
        List<String> changes = new ArrayList<>();
        for (OrderDetail.Shipment s : facts.order().shipments()) {
            if (s.deliveryDate() == null) {
                continue;
            }
            LocalDate moved = s.deliveryDate().plusDays(days);
            if (moved.isBefore(today)) {
                return Result.skipped("お届け希望日 " + date(moved) + " は過去になるため、ずらしませんでした");
            }
            if (!OrderLimits.plausibleDeliveryDate(moved, today)) {
                return Result.skipped("お届け希望日 " + date(moved) + " は選べる範囲の外です");
            }
            changes.add("お届け先" + s.deliveryId() + "のお届け希望日 " + date(s.deliveryDate()) + " → " + date(moved));
        }
        if (changes.isEmpty()) {
            return Result.skipped("お届け希望日がありません");
        }
        return edit(
                facts,
                write,
                actor,
                changes,
                e -> e.withShipments(
                        e.destinations().stream()
                                .map(d -> d.deliveryDate() == null
                                        ? d
                                        : new OrderEdit.Destination(
                                                d.key(),
                                                d.recipient(),
                                                d.deliveryDate().plusDays(days),
                                                d.timeSlot(),
                                                d.codAmount()))
                                .toList(),
                        e.lines()));
    }

    private Result clearDates(OrderFacts facts, String actor, boolean write) {
        if (facts.order().shipments().stream().allMatch(s -> s.deliveryDate() == null)) {
            return Result.skipped("お届け希望日がありません");
        }
        return edit(
                facts,
                write,
                actor,
                List.of("お届け希望日を消しました"),
                e -> e.withShipments(
                        e.destinations().stream()
                                .map(d -> new OrderEdit.Destination(
                                        d.key(), d.recipient(), null, d.timeSlot(), d.codAmount()))
                                .toList(),
                        e.lines()));
    }

    private Result addFee(OrderFacts facts, ActionValues.Fee fee, String actor, boolean write) {
        OrderDetail o = facts.order();
        long shipping = o.shippingFee() + (fee.kind().equals("送料") ? fee.yen() : 0);
        long cod = o.codFee() + (fee.kind().equals("代引手数料") ? fee.yen() : 0);
        long wrapping = o.giftWrappingFee() + (fee.kind().equals("ラッピング") ? fee.yen() : 0);
        if (Math.max(shipping, Math.max(cod, wrapping)) > OrderLimits.MAX_YEN) {
            return Result.skipped(fee.kind() + "が上限を超えるため加算しませんでした");
        }
        String change = fee.kind() + "に" + Money.yen(fee.yen()) + "を加算 (請求金額 " + Money.yen(o.total()) + " → "
                + Money.yen(o.total() + fee.yen()) + ")";
        return edit(facts, write, actor, List.of(change), e -> e.withFees(shipping, cod, wrapping));
    }

    private Result addGift(OrderFacts facts, String code, String actor, boolean write) {
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
        return edit(facts, write, actor, List.of(change), e -> {
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

    /**
     * Each destination's lines grouped by the product master's temperature zone (a set by its coldest component, an
     * unknown item as 常温): the destination keeps its first zone's lines, each further zone gets a new destination
     * with the same recipient, date and slot; the new shipments' cool type is their zone.
     */
    private Result splitByZone(OrderFacts facts, String actor, boolean write) {
        OrderDetail order = facts.order();
        Map<String, String> zoneOfItem = new LinkedHashMap<>();
        List<OrderEdit.Destination> destinations = new ArrayList<>();
        List<OrderEdit.Line> lines = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        Map<Integer, String> coolOfKey = new LinkedHashMap<>();
        int nextKey = 0;
        OrderEdit current = OrderEdit.from(order);
        for (OrderDetail.Shipment s : order.shipments()) {
            Map<String, List<OrderDetail.Item>> byZone = new LinkedHashMap<>();
            for (OrderDetail.Item item : s.items()) {
                String zone = zoneOfItem.computeIfAbsent(
                        item.itemCode() + "\u0000" + (item.variation() == null ? "" : item.variation()),
                        k -> zone(order.connectionId(), item));
                byZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(item);
            }
            OrderEdit.Destination kept = current.destinations().stream()
                    .filter(d -> d.key() == s.deliveryId())
                    .findFirst()
                    .orElseThrow();
            boolean first = true;
            for (var group : byZone.entrySet()) {
                int key = first ? s.deliveryId() : --nextKey;
                if (first) {
                    destinations.add(kept);
                } else {
                    destinations.add(new OrderEdit.Destination(
                            key,
                            kept.recipient(),
                            kept.deliveryDate(),
                            kept.timeSlot(),
                            kept.codAmount() == null ? null : 0L));
                    changes.add("お届け先" + s.deliveryId() + "の" + ActionValues.coolLabel(group.getKey()) + "の商品 "
                            + group.getValue().size() + "行を別のお届け先に分けました");
                }
                coolOfKey.put(key, group.getKey());
                for (OrderDetail.Item i : group.getValue()) {
                    lines.add(new OrderEdit.Line(
                            key, i.itemCode(), i.variation(), i.name(), i.unitPrice(), i.taxRate(), i.quantity()));
                }
                first = false;
            }
        }
        if (changes.isEmpty()) {
            return Result.skipped("温度帯の違う商品を含むお届け先がありません");
        }
        if (CashOnDelivery.applies(order.paymentMethod()) && order.shipments().size() == 1) {
            // the whole amount stays collected by the first parcel
            destinations.set(
                    0,
                    new OrderEdit.Destination(
                            destinations.get(0).key(),
                            destinations.get(0).recipient(),
                            destinations.get(0).deliveryDate(),
                            destinations.get(0).timeSlot(),
                            order.total()));
            for (int i = 1; i < destinations.size(); i++) {
                OrderEdit.Destination d = destinations.get(i);
                destinations.set(
                        i, new OrderEdit.Destination(d.key(), d.recipient(), d.deliveryDate(), d.timeSlot(), 0L));
            }
        }
        Result result = edit(facts, write, actor, changes, e -> e.withShipments(destinations, lines));
        if (!write || !result.done()) {
            return result;
        }
        // the new shipments are numbered after the highest delivery id, in the order the edit listed them
        OrderDetail after = orders.detail(order.id()).orElseThrow();
        for (OrderDetail.Shipment s : after.shipments()) {
            String zone = s.items().stream()
                    .map(i -> zoneOfItem.get(i.itemCode() + "\u0000" + (i.variation() == null ? "" : i.variation())))
                    .filter(z -> z != null)
                    .findFirst()
                    .orElse("NORMAL");
            instructions.cool(order.id(), s.deliveryId(), zone);
        }
        return result;
    }

    private String zone(long connectionId, OrderDetail.Item item) {
        return listings.resolve(connectionId, item.itemCode(), item.variation())
                .map(components -> components.stream()
                        .map(c -> products.find(c.productId())
                                .map(Product::temperatureZone)
                                .orElse("NORMAL"))
                        .reduce("NORMAL", OrderChanges::colder))
                .orElse("NORMAL");
    }

    private static String colder(String a, String b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(String zone) {
        return switch (zone == null ? "" : zone) {
            case "FROZEN" -> 2;
            case "CHILLED" -> 1;
            default -> 0;
        };
    }

    /** Saves the order as the person's edit would, changed by {@code change}; in a simulation only says so. */
    private Result edit(
            OrderFacts facts, boolean write, String actor, List<String> changes, UnaryOperator<OrderEdit> change) {
        if (!write) {
            return Result.done(String.join(" / ", changes));
        }
        OrderDetail now = orders.detail(facts.order().id()).orElseThrow(() -> new IllegalArgumentException("受注がありません"));
        List<String> saved = editing.edit(now.id(), change.apply(OrderEdit.from(now)), actor);
        return saved.isEmpty() ? Result.skipped("変更はありませんでした") : Result.done(String.join(" / ", saved));
    }

    private static String date(LocalDate date) {
        return date.toString().replace('-', '/');
    }
}
