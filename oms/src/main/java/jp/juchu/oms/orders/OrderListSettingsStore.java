package jp.juchu.oms.orders;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads and saves {@link OrderListSettings}: one row shared by every OMS node, read by the order list. */
@Service
public class OrderListSettingsStore {

    private final JdbcClient jdbc;

    OrderListSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public OrderListSettings current() {
        return jdbc.sql("select page_size, default_sort from order_list_setting where id = 1")
                .query((rs, n) -> new OrderListSettings(rs.getInt(1), rs.getString(2)))
                .optional()
                .orElse(new OrderListSettings(50, "date"));
    }

    public void save(OrderListSettings settings, String actor) {
        jdbc.sql("update order_list_setting set page_size = ?, default_sort = ?, updated_by = ?, updated_at = now()"
                        + " where id = 1")
                .params(settings.pageSize(), settings.defaultSort(), actor)
                .update();
    }
}
