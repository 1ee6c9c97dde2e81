package jp.juchu.oms.sales;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The check of the sales facts against the orders (受注と集計の照合), nightly and on demand, with its result recorded:
 * the last check, when it found a difference, is the alert ホーム and 集計の確認・再集計 show until a check matches.
 */
@Service
public class FactChecks {

    private static final Logger log = LoggerFactory.getLogger(FactChecks.class);

    /** Checks kept; older ones are dropped. */
    static final int KEPT = 100;

    /** One recorded check. */
    public record Recorded(OffsetDateTime checkedAt, FactCheck check) {}

    private final SalesFacts facts;
    private final JdbcClient jdbc;

    FactChecks(SalesFacts facts, JdbcClient jdbc) {
        this.facts = facts;
        this.jdbc = jdbc;
    }

    /** Compares the facts with the orders now and records the result; a difference is logged as a warning. */
    public Recorded run() {
        FactCheck check = facts.check();
        OffsetDateTime at = jdbc.sql("insert into sales_fact_check (orders, facts, differing_orders, differing_days,"
                        + " matches) values (?, ?, ?, ?, ?) returning checked_at")
                .params(
                        check.orders(),
                        check.facts(),
                        String.join(",", check.differingOrders()),
                        String.join(",", check.differingDays()),
                        check.matches())
                .query(OffsetDateTime.class)
                .single();
        jdbc.sql("delete from sales_fact_check where id not in"
                        + " (select id from sales_fact_check order by id desc limit " + KEPT + ")")
                .update();
        if (!check.matches()) {
            log.warn(
                    "Sales facts differ from the orders: {} orders, {} with facts, orders {}, days {}",
                    check.orders(),
                    check.facts(),
                    check.differingOrders(),
                    check.differingDays());
        }
        return new Recorded(at, check);
    }

    /** The last check, if one ran. */
    public Optional<Recorded> latest() {
        return jdbc.sql("select checked_at, orders, facts, differing_orders, differing_days from sales_fact_check"
                        + " order by id desc limit 1")
                .query((rs, n) -> new Recorded(
                        rs.getObject(1, OffsetDateTime.class),
                        new FactCheck(rs.getLong(2), rs.getLong(3), split(rs.getString(4)), split(rs.getString(5)))))
                .optional();
    }

    /** The last check when it found a difference: the alert to show. */
    public Optional<Recorded> alert() {
        return latest().filter(r -> !r.check().matches());
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
