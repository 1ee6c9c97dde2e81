package jp.juchu.oms.stock;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock check (在庫検査), nightly and on demand: recomputes every SKU's on hand and allocated from the ledger, and
 * its allocated from the order lines holding stock, in one snapshot, and records any difference. The last check with
 * a difference is the alert the stock page and the home page show.
 */
@Service
public class StockCheck {

    private static final Logger log = LoggerFactory.getLogger(StockCheck.class);
    private static final int MAX_LISTED = 50;

    /**
     * One check.
     *
     * @param skus how many SKUs were checked
     * @param differences how many SKUs differ
     * @param detail the first differences, one a line, e.g. {@code SKU-1: 実在庫 10 / 履歴 9}
     */
    public record Result(OffsetDateTime checkedAt, int skus, int differences, String detail) {

        public boolean alert() {
            return differences > 0;
        }
    }

    private final JdbcClient jdbc;

    StockCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Checks now and records the result. */
    @Transactional
    public Result run() {
        List<String> differences = new ArrayList<>();
        int[] skus = {0};
        jdbc.sql("""
                        with s as (select product_id, on_hand, allocated from stock where warehouse_id = 1),
                        l as (select product_id, sum(on_hand_change) as on_hand, sum(allocated_change) as allocated
                              from stock_ledger where warehouse_id = 1 group by product_id),
                        a as (select x.product_id, sum(x.quantity) as allocated from order_allocation_line x
                              join order_allocation o on o.order_id = x.order_id
                              where x.allocated and o.state <> 'SHIPPED' group by x.product_id)
                        select p.code, coalesce(s.on_hand, 0) as on_hand, coalesce(l.on_hand, 0) as ledger_on_hand,
                               coalesce(s.allocated, 0) as allocated, coalesce(l.allocated, 0) as ledger_allocated,
                               coalesce(a.allocated, 0) as lines_allocated
                        from s full join l using (product_id)
                        left join a using (product_id)
                        join product p on p.id = coalesce(s.product_id, l.product_id)
                        order by p.code
                        """).query(rs -> {
            skus[0]++;
            int onHand = rs.getInt("on_hand");
            int ledgerOnHand = rs.getInt("ledger_on_hand");
            int allocated = rs.getInt("allocated");
            int ledgerAllocated = rs.getInt("ledger_allocated");
            int linesAllocated = rs.getInt("lines_allocated");
            if (onHand != ledgerOnHand || allocated != ledgerAllocated || allocated != linesAllocated) {
                differences.add(rs.getString("code") + ": 実在庫 " + onHand + " / 履歴 " + ledgerOnHand + ", 引当数 "
                        + allocated + " / 履歴 " + ledgerAllocated + " / 受注明細 " + linesAllocated);
            }
        });
        String detail = String.join("\n", differences.subList(0, Math.min(MAX_LISTED, differences.size())))
                + (differences.size() > MAX_LISTED ? "\nほか " + (differences.size() - MAX_LISTED) + " SKU" : "");
        Result result = jdbc.sql("insert into stock_check (skus, differences, detail) values (?, ?, ?)"
                        + " returning checked_at, skus, differences, detail")
                .params(skus[0], differences.size(), detail)
                .query(Result.class)
                .single();
        if (result.alert()) {
            log.warn("Stock check: {} of {} SKUs differ from their ledger", result.differences(), result.skus());
        }
        jdbc.sql("delete from stock_check where id not in (select id from stock_check order by id desc limit 100)")
                .update();
        return result;
    }

    /** The last check, if any ran. */
    public Optional<Result> latest() {
        return jdbc.sql("select checked_at, skus, differences, detail from stock_check order by id desc limit 1")
                .query(Result.class)
                .optional();
    }
}
