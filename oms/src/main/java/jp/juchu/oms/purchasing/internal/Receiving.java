package jp.juchu.oms.purchasing.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;
import jp.juchu.oms.stock.StockLedger;
import jp.juchu.oms.stock.StockMovement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 入荷: goods arriving against a purchase order (partly, or more than ordered after a warning) or without one
 * (quantity and unit cost). Each is a RECEIVE row of the stock ledger — the purchase order's number as its
 * document — and a receipt row, in one transaction with the purchase order's change. The ledger announces the
 * free stock, so orders waiting for it are allocated and the shops' stock is pushed after the commit.
 */
@Service
public class Receiving {

    public static final int MAX_ON_HAND = 9_999_999;

    /** A receipt as the list shows it. */
    public record Receipt(
            long id,
            OffsetDateTime receivedAt,
            String number,
            Long purchaseOrderId,
            String code,
            String name,
            int quantity,
            long unitCost,
            String note,
            String actor) {}

    private final JdbcClient jdbc;
    private final PurchaseOrders orders;
    private final StockLedger ledger;
    private final Products products;
    private final PurchasingEffects effects;

    Receiving(
            JdbcClient jdbc, PurchaseOrders orders, StockLedger ledger, Products products, PurchasingEffects effects) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.ledger = ledger;
        this.products = products;
        this.effects = effects;
    }

    /**
     * Takes in what arrived for a purchase order.
     *
     * @param quantities per line id, as typed (blank: nothing arrived)
     * @param overConfirmed the person confirmed a quantity over what remains
     * @throws OverReceipt when a line goes over and it was not confirmed; nothing is booked
     */
    @Transactional
    public List<PurchaseOrder.Received> receive(
            long purchaseOrderId, Map<Long, String> quantities, boolean overConfirmed, String note, String actor) {
        PurchaseOrder po = orders.lock(purchaseOrderId).orElseThrow(() -> new PurchasingRefused("発注伝票が見つかりません"));
        List<String> p = new ArrayList<>();
        Map<Long, Integer> parsed = new LinkedHashMap<>();
        for (PurchaseOrder.Line line : po.lines()) {
            Long n = Inputs.number(
                    quantities.get(line.id()), line.code() + " の入荷数", 0, PurchaseOrder.MAX_QUANTITY, false, p);
            if (n != null) {
                parsed.put(line.id(), n.intValue());
            }
        }
        for (Long id : quantities.keySet()) {
            if (po.lines().stream().noneMatch(l -> l.id().equals(id))) {
                p.add("入荷数: 発注伝票 " + po.number() + " にない明細です");
                break;
            }
        }
        String memo = Inputs.text(note, "メモ", 100, false, p);
        Inputs.refuseIfAny(p);
        List<PurchaseOrder.Received> received = po.receive(parsed, overConfirmed);
        effects.lock(PurchaseOrders.products(po));
        List<StockMovement> movements = new ArrayList<>();
        for (PurchaseOrder.Received r : received) {
            checkOnHand(r.line().productId(), r.line().code(), r.quantity());
            movements.add(new StockMovement(
                    r.line().productId(),
                    "RECEIVE",
                    r.quantity(),
                    0,
                    null,
                    po.number(),
                    memo == null ? "入荷" : "入荷: " + memo,
                    actor));
            jdbc.sql("insert into receipt (purchase_order_id, product_id, quantity, unit_cost, note, actor)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(
                            po.id(),
                            r.line().productId(),
                            r.quantity(),
                            r.line().unitPrice(),
                            memo,
                            actor)
                    .update();
        }
        orders.save(po);
        ledger.book(movements);
        effects.skusChanged(PurchaseOrders.products(po));
        return received;
    }

    /** Goods that came without a purchase order: a SKU, a quantity and what each cost. */
    @Transactional
    public void receiveWithoutOrder(String code, String quantity, String unitCost, String note, String actor) {
        List<String> p = new ArrayList<>();
        String c = Inputs.text(code, "商品コード", 30, true, p);
        Product product = null;
        if (c != null) {
            product = products.byCode(c).orElse(null);
            if (product == null) {
                p.add("商品コード: " + c + " は登録されていません");
            } else if (product.kind() != Product.Kind.SKU) {
                p.add("商品コード: " + c + " はセット商品です。構成品を入荷してください");
            } else if (!product.stockManaged()) {
                p.add("商品コード: " + c + " は在庫管理しない商品です");
            }
        }
        Long n = Inputs.number(quantity, "入荷数", 1, PurchaseOrder.MAX_QUANTITY, true, p);
        Long cost = Inputs.number(unitCost, "仕入単価 (円)", 0, PurchaseOrder.MAX_UNIT_PRICE, true, p);
        String memo = Inputs.text(note, "メモ", 100, false, p);
        Inputs.refuseIfAny(p);
        effects.lock(List.of(product.id()));
        checkOnHand(product.id(), product.code(), n.intValue());
        jdbc.sql("insert into receipt (product_id, quantity, unit_cost, note, actor) values (?, ?, ?, ?, ?)")
                .params(product.id(), n.intValue(), cost, memo, actor)
                .update();
        ledger.book(List.of(new StockMovement(
                product.id(),
                "RECEIVE",
                n.intValue(),
                0,
                null,
                null,
                memo == null ? "入荷 (発注なし)" : "入荷 (発注なし): " + memo,
                actor)));
        effects.skusChanged(List.of(product.id()));
    }

    private void checkOnHand(long productId, String code, int adding) {
        long onHand = ledger.level(productId).map(l -> (long) l.onHand()).orElse(0L);
        if (onHand + adding > MAX_ON_HAND) {
            throw new PurchasingRefused(code + " の入荷数: 入荷後の実在庫が " + String.format("%,d", MAX_ON_HAND) + " を超えます");
        }
    }

    /** The latest receipts, newest first. */
    public List<Receipt> latest(Long purchaseOrderId, int limit) {
        return jdbc.sql("""
                        select r.id, r.received_at, o.number, r.purchase_order_id, p.code, p.name, r.quantity,
                               r.unit_cost, r.note, r.actor
                        from receipt r join product p on p.id = r.product_id
                        left join purchase_order o on o.id = r.purchase_order_id
                        where (cast(? as bigint) is null or r.purchase_order_id = ?)
                        order by r.id desc limit ?
                        """)
                .params(purchaseOrderId, purchaseOrderId, limit)
                .query(Receipt.class)
                .list();
    }
}
