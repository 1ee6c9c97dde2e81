package jp.juchu.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * How far the OMS ran behind the shop during a soak: for each order the shop's traffic placed during the run, the time
 * from its placing (its {@code order_date}, the shop's clock) to its arrival in the OMS ({@code imported_at}, the OMS
 * database's clock; both on one host). Orders that arrived only while the OMS caught up at the end count with their
 * whole wait.
 */
record SoakLag(long orders, double p50Seconds, double p95Seconds, double maxSeconds) {

    static SoakLag measure(Connection oms, long connection, Instant runStarted) throws SQLException {
        try (PreparedStatement sql = oms.prepareStatement("""
                select count(*),
                       coalesce(percentile_cont(0.5) within group (order by extract(epoch from imported_at - ordered_at)), 0),
                       coalesce(percentile_cont(0.95) within group (order by extract(epoch from imported_at - ordered_at)), 0),
                       coalesce(max(extract(epoch from imported_at - ordered_at)), 0)
                from oms_order where connection_id = ? and ordered_at >= ?
                """)) {
            sql.setLong(1, connection);
            sql.setTimestamp(2, Timestamp.from(runStarted));
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return new SoakLag(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
            }
        }
    }

    String describe() {
        return "%.1f s / %.1f s / %.1f s (%,d orders)".formatted(p50Seconds, p95Seconds, maxSeconds, orders);
    }
}
