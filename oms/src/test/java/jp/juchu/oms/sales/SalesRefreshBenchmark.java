package jp.juchu.oms.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the sales facts cost a first import, run on demand (not part of {@code verify}):
 * {@code ./mvnw -B -pl oms -am test -Dtest=SalesRefreshBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipSystemTests}
 * (with {@code -Dbenchmark.pages=N}, default 50, of 100 orders). New orders (one to three lines, mostly mapped to
 * SKUs) are written straight into the OMS's tables; then, page by page as an import and its routing do, the facts of
 * the page are refreshed as {@code OrdersImported} refreshes them, the page is routed (新規受付 → 出荷待ち, 保留,
 * 確認待ち, 入金待ち) and the facts are refreshed again as {@code StatusesChanged} refreshes them. Prints the milliseconds a page of each, on the wall
 * clock and in the database's CPU time; the facts and both rollups must equal the orders afterwards.
 */
@SpringBootTest
class SalesRefreshBenchmark {

    private static final int PAGES = Integer.getInteger("benchmark.pages", 50);
    private static final int PAGE = 100;
    private static final int WARM_UP = 10;

    @Autowired
    SalesFacts facts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refreshesOfNewAndRoutedPages() {
        long shop = jdbc.sql("insert into mall_connection (mall, shop_id, auto_fetch, write_back, status)"
                        + " values ('SHOP_SERVE', 'refresh-bench', false, false, 'OK') returning id")
                .query(Long.class)
                .single();
        jdbc.sql("insert into product (code, kind, name, tax_rate, sale_price, cost_price)"
                        + " select 'RB-T' || t, 'SKU', '煎茶 ' || t, 8, 1080, 300 + t from generate_series(0, 39) t")
                .update();
        jdbc.sql("insert into listing (connection_id, item_code, variation, product_id)"
                        + " select ?, 'tea-' || substr(code, 5), '', id from product where code like 'RB-T%'")
                .param(shop)
                .update();
        jdbc.sql("""
                insert into oms_order (connection_id, serial_code, order_number, ordered_at, shop_updated_at,
                    shop_order_status, shop_payment_status, shop_shipping_status, buyer_name, buyer_prefecture,
                    payment_method, items_total, shipping_fee, cod_fee, gift_wrapping_fee, coupon_discount,
                    points_used, total, tax, content_hash, payload, workflow_status)
                select ?, 'rb-' || g, 'RB-' || g, now() - make_interval(mins => g), now() - make_interval(mins => g),
                       'New', case when g % 5 = 0 then 'Unpaid' else 'Paid' end, 'NotShipped', '売上 太郎',
                       (array['東京都', '大阪府', '北海道', '福岡県'])[1 + g % 4],
                       (array['CreditCard', 'BankTransfer', 'CashOnDelivery'])[1 + g % 3],
                       1080 * (1 + g % 3), 660, 0, 0, 0, 0, 1080 * (1 + g % 3) + 660,
                       jsonb_build_array(jsonb_build_object('rate', 8, 'tax', 80 * (1 + g % 3)),
                                         jsonb_build_object('rate', 10, 'tax', 60)),
                       'refresh-bench', '{}', 'NEW'
                from generate_series(1, ?) g
                """).params(shop, (WARM_UP + PAGES) * PAGE).update();
        jdbc.sql("""
                insert into shipment (order_id, delivery_id, name, prefecture, address1, shipping_fee)
                select id, 1, buyer_name, buyer_prefecture, '1-1', shipping_fee from oms_order
                where connection_id = ?
                """).param(shop).update();
        jdbc.sql("""
                insert into order_item (shipment_id, line_no, item_code, name, unit_price, quantity, tax_rate)
                select s.id, n, 'tea-' || ((s.id + n) % 44), '煎茶', 1080, 1, 8
                from shipment s join oms_order o on o.id = s.order_id and o.connection_id = ?
                cross join lateral generate_series(1, 1 + (substr(o.serial_code, 4)::int % 3)) n
                """).param(shop).update();
        jdbc.sql("analyze oms_order").update();
        jdbc.sql("analyze shipment").update();
        jdbc.sql("analyze order_item").update();
        List<Long> ids = jdbc.sql("select id from oms_order where connection_id = ? order by id")
                .param(shop)
                .query(Long.class)
                .list();

        // the first ten pages warm the JVM and the database up and are not counted
        long imported = 0;
        long routed = 0;
        long importedCpu = 0;
        long routedCpu = 0;
        long postmaster = postmaster();
        for (int i = 0; i < ids.size(); i += PAGE) {
            Long[] page = ids.subList(i, Math.min(ids.size(), i + PAGE)).toArray(Long[]::new);
            long cpu = databaseCpu(postmaster);
            long started = System.nanoTime();
            facts.refresh(List.of(page));
            long importing = System.nanoTime() - started;
            long importingCpu = databaseCpu(postmaster) - cpu;
            jdbc.sql("""
                            update oms_order set workflow_status = (array['READY_TO_SHIP', 'READY_TO_SHIP',
                                'ON_HOLD', 'CONFIRMING', 'AWAITING_PAYMENT'])[1 + id % 5],
                                version = version + 1, updated_at = now()
                            where id = any (?)
                            """).param(page).update();
            cpu = databaseCpu(postmaster);
            started = System.nanoTime();
            facts.refresh(List.of(page));
            if (i >= WARM_UP * PAGE) {
                imported += importing;
                importedCpu += importingCpu;
                routed += System.nanoTime() - started;
                routedCpu += databaseCpu(postmaster) - cpu;
            }
        }
        facts.fold();
        System.out.printf(
                "SalesRefreshBenchmark: %d pages of %d orders: refresh of new orders %.2f ms a page (database CPU"
                        + " %.2f ms); after routing %.2f ms a page (database CPU %.2f ms)%n",
                PAGES,
                PAGE,
                imported / 1e6 / PAGES,
                importedCpu * 10.0 / PAGES,
                routed / 1e6 / PAGES,
                routedCpu * 10.0 / PAGES);
        FactCheck check = facts.check();
        assertThat(check.matches()).as(check.toString()).isTrue();
    }

    /** The embedded PostgreSQL's postmaster: the parent of this connection's backend. */
    private long postmaster() {
        long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        return Long.parseLong(stat(backend)[3]);
    }

    /**
     * The CPU time (in ticks of 10 ms) the database's processes have used so far: a measure that other work on the
     * shared machine changes far less than the wall clock.
     */
    private static long databaseCpu(long postmaster) {
        long ticks = 0;
        File[] processes =
                new File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        for (File process : processes == null ? new File[0] : processes) {
            String[] stat = stat(Long.parseLong(process.getName()));
            if (stat != null && stat[3].equals(String.valueOf(postmaster))) {
                ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
            }
        }
        return ticks;
    }

    /** A process's /proc/PID/stat fields (the name in parentheses taken out), or null when it is gone. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String rest = line.substring(line.lastIndexOf(')') + 2);
            String[] fields = rest.split(" ");
            String[] all = new String[fields.length + 2];
            all[0] = String.valueOf(pid);
            all[1] = "";
            System.arraycopy(fields, 0, all, 2, fields.length);
            return all;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
