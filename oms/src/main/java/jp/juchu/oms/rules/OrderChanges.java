package jp.juchu.oms.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderEdit;
import jp.juchu.oms.orders.OrderEditConflict;
import jp.juchu.oms.orders.OrderEditing;
import jp.juchu.oms.orders.OrderLimits;
import jp.juchu.oms.orders.ShippingInstructions;
import jp.juchu.oms.shipping.Carrier;
import jp.juchu.support.money.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The actions that change an order's shipping and amounts, each through the path a person's change takes: dates,
 * fees, lines and destinations through the order edit ({@link OrderEditing}: its checks, totals, history and audit),
 * carriers and remarks through {@link ShippingInstructions} (before printing only). Each runs in a savepoint, so one
 * the edit refuses leaves nothing behind and the rule goes on; {@link #preview} says what each would change, writing
 * nothing. プレゼント追加 is {@link AddingGifts}'s, 温度帯で分ける {@link SplittingByZone}'s.
 */
@Component
class OrderChanges {

    private final ShippingInstructions instructions;
    private final OrderEditByRule edit;
    private final AddingGifts gifts;
    private final SplittingByZone zones;
    private final TransactionTemplate savepoint;

    OrderChanges(
            ShippingInstructions instructions,
            OrderEditByRule edit,
            AddingGifts gifts,
            SplittingByZone zones,
            PlatformTransactionManager transactions) {
        this.instructions = instructions;
        this.edit = edit;
        this.gifts = gifts;
        this.zones = zones;
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
            case ADD_GIFT -> gifts.add(facts, value, actor, write);
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
            case SPLIT_BY_ZONE -> zones.split(facts, actor, write);
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
        return edit.save(
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
        return edit.save(
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
        return edit.save(facts, write, actor, List.of(change), e -> e.withFees(shipping, cod, wrapping));
    }

    private static String date(LocalDate date) {
        return date.toString().replace('-', '/');
    }
}
