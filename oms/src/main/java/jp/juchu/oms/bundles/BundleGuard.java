package jp.juchu.oms.bundles;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.juchu.oms.orders.PrintGuard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An order that is an undecided 同梱 candidate — its group still has another order that could ship with it — is not
 * printed (slip, 納品書, picking list, 印刷済み by hand or by a rule) until someone merges or declines the group. The
 * same holds for a merged group a new order waits to join: neither the group nor the new order prints until someone
 * adds it (同梱に加える) or leaves it out (加えない).
 */
@Component
class BundleGuard implements PrintGuard {

    static final String JOINING = "同梱に加える候補があります (同梱 #%d: %s)。同梱の画面で「同梱に加える」か「加えない」を選んでから印刷してください";

    static final String UNDECIDED = "同梱候補です (同梱候補 #%d: %s)。同梱の画面で「同梱する」か「同梱しない」を選んでから印刷してください";

    private final JdbcClient jdbc;

    BundleGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> refusals(Collection<Long> orderIds) {
        Map<Long, String> refusals = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return refusals;
        }
        jdbc.sql("""
                        select mine.order_id, b.id,
                               string_agg(o.order_number, '、' order by o.id) as numbers
                        from bundle_order mine
                        join bundle b on b.id = mine.bundle_id and b.state = 'CANDIDATE'
                        join bundle_order theirs on theirs.bundle_id = b.id and theirs.open
                        join oms_order o on o.id = theirs.order_id
                        where mine.open and mine.order_id = any (?)
                        group by mine.order_id, b.id
                        having count(*) filter (where o.id <> mine.order_id
                                                and o.workflow_status not in ('PRINTED', 'SHIPPED', 'CANCELLED')
                                                and o.shop_order_status <> 'Cancelled') > 0
                        """).param(orderIds.toArray(Long[]::new)).query(rs -> {
            refusals.put(rs.getLong(1), UNDECIDED.formatted(rs.getLong(2), rs.getString(3)));
        });
        // a merged group and the orders waiting to join it hold each other back, while the other side is still open
        jdbc.sql("""
                        select mine.order_id, b.id,
                               string_agg(o.order_number, '、' order by o.id) as numbers
                        from bundle_order mine
                        join bundle b on b.id = mine.bundle_id and b.state = 'MERGED'
                        join bundle_order theirs on theirs.bundle_id = b.id and theirs.open
                                                    and theirs.joining <> mine.joining
                        join oms_order o on o.id = theirs.order_id
                        where mine.open and mine.order_id = any (?)
                        group by mine.order_id, b.id
                        having count(*) filter (where o.workflow_status not in ('PRINTED', 'SHIPPED', 'CANCELLED')
                                                and o.shop_order_status <> 'Cancelled') > 0
                        """).param(orderIds.toArray(Long[]::new)).query(rs -> {
            refusals.putIfAbsent(rs.getLong(1), JOINING.formatted(rs.getLong(2), rs.getString(3)));
        });
        return refusals;
    }
}
