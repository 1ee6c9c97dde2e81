package jp.juchu.oms.stock.internal;

import java.util.List;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;
import jp.juchu.oms.stock.StockLedger;
import jp.juchu.oms.stock.StockMovement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 在庫調整: a person sets a SKU's on hand to a counted figure, or adds to it (a negative figure takes away), with a
 * reason. One ADJUST row in the ledger; free stock rising lets waiting orders be allocated.
 */
@Service
public class StockAdjustments {

    public static final int MAX_ON_HAND = 9_999_999;
    public static final List<String> REASONS = List.of("初期在庫", "棚卸差異", "入荷", "返品", "破損・紛失", "その他");

    public enum Mode {
        SET,
        ADD
    }

    /** What an adjustment did: the on hand before and after. */
    public record Adjusted(String code, int before, int after) {}

    private final JdbcClient jdbc;
    private final Products products;
    private final StockLedger ledger;

    StockAdjustments(JdbcClient jdbc, Products products, StockLedger ledger) {
        this.jdbc = jdbc;
        this.products = products;
        this.ledger = ledger;
    }

    /**
     * @throws IllegalArgumentException in Japanese, naming the field, when the adjustment cannot be made
     */
    @Transactional
    public Adjusted adjust(String code, Mode mode, int quantity, String reason, String note, String actor) {
        String clean = code == null ? "" : code.strip();
        Product product = products.byCode(clean)
                .orElseThrow(() -> new IllegalArgumentException("商品コード: " + clean + " は登録されていません"));
        if (product.kind() != Product.Kind.SKU) {
            throw new IllegalArgumentException("商品コード: " + clean + " はセット商品です。構成品の在庫を調整してください");
        }
        if (!product.stockManaged()) {
            throw new IllegalArgumentException("商品コード: " + clean + " は在庫管理しない商品です");
        }
        if (!REASONS.contains(reason)) {
            throw new IllegalArgumentException("理由: 一覧から選んでください");
        }
        String memo = note == null ? "" : note.strip();
        if (memo.length() > 100) {
            throw new IllegalArgumentException("メモ: 100文字以内で入力してください");
        }
        if ("その他".equals(reason) && memo.isEmpty()) {
            throw new IllegalArgumentException("メモ: 理由が「その他」のときは内容を入力してください");
        }
        jdbc.sql("insert into stock (warehouse_id, product_id) values (1, ?) on conflict do nothing")
                .param(product.id())
                .update();
        int before = jdbc.sql("select on_hand from stock where warehouse_id = 1 and product_id = ? for update")
                .param(product.id())
                .query(Integer.class)
                .single();
        long after = mode == Mode.SET ? quantity : (long) before + quantity;
        if (mode == Mode.SET && (quantity < 0 || quantity > MAX_ON_HAND)) {
            throw new IllegalArgumentException("数量: 0〜" + MAX_ON_HAND + " で入力してください");
        }
        if (mode == Mode.ADD && (quantity == 0 || Math.abs((long) quantity) > MAX_ON_HAND)) {
            throw new IllegalArgumentException("数量: 0 以外の −" + MAX_ON_HAND + "〜" + MAX_ON_HAND + " で入力してください");
        }
        if (after < -MAX_ON_HAND || after > MAX_ON_HAND) {
            throw new IllegalArgumentException("数量: 調整後の実在庫が範囲 (±" + MAX_ON_HAND + ") を超えます");
        }
        int change = (int) (after - before);
        if (change != 0) {
            ledger.book(List.of(new StockMovement(
                    product.id(),
                    "ADJUST",
                    change,
                    0,
                    null,
                    null,
                    memo.isEmpty() ? reason : reason + ": " + memo,
                    actor)));
        }
        return new Adjusted(product.code(), before, (int) after);
    }
}
