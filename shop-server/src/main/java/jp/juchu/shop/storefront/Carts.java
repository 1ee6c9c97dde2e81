package jp.juchu.shop.storefront;

import java.util.List;
import java.util.UUID;
import jp.juchu.shop.system.InputRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Carts kept on the server, one per browser (a cookie holds the cart's id) and shop. */
@Service
public class Carts {

    /** A line of a cart: one item (and variation) with its quantity. */
    public record Line(String itemCode, String variation, int quantity) {}

    /** Units of one line a buyer can put in a cart. */
    public static final int MAX_QUANTITY = 999;

    /** Lines of one cart: the checkout's form has one quantity field per line, bounded by the form index limit. */
    public static final int MAX_LINES = InputRules.MAX_LIST_INDEX + 1;

    private final JdbcClient jdbc;

    Carts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Line> lines(UUID cartId, String shopId) {
        if (cartId == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select item_code, variation, quantity from storefront_cart_line
                        where cart_id = ? and shop_id = ? order by added_at, item_code, variation""").params(cartId, shopId).query(Line.class).list();
    }

    public int quantity(UUID cartId, String shopId, String itemCode, String variation) {
        return jdbc.sql("""
                        select quantity from storefront_cart_line
                        where cart_id = ? and shop_id = ? and item_code = ? and variation = ?""")
                .params(cartId, shopId, itemCode, variation)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    @Transactional
    public void set(UUID cartId, String shopId, String itemCode, String variation, int quantity) {
        if (quantity <= 0) {
            remove(cartId, shopId, itemCode, variation);
            return;
        }
        jdbc.sql("""
                        insert into storefront_cart_line (cart_id, shop_id, item_code, variation, quantity)
                        values (?, ?, ?, ?, ?)
                        on conflict (cart_id, shop_id, item_code, variation) do update set quantity = excluded.quantity""").params(cartId, shopId, itemCode, variation, quantity).update();
    }

    public void remove(UUID cartId, String shopId, String itemCode, String variation) {
        jdbc.sql(
                        "delete from storefront_cart_line where cart_id = ? and shop_id = ? and item_code = ? and variation = ?")
                .params(cartId, shopId, itemCode, variation)
                .update();
    }

    public void clear(UUID cartId, String shopId) {
        jdbc.sql("delete from storefront_cart_line where cart_id = ? and shop_id = ?")
                .params(cartId, shopId)
                .update();
    }
}
