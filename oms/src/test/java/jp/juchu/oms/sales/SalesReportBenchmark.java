package jp.juchu.oms.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 19's sales benchmark, run on demand (not part of {@code verify}), within the reactor:
 * {@code ./mvnw -B -pl oms -am verify -Dtest=SalesReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipSystemTests}
 * (with {@code -Dbenchmark.orders=N}, default 1,000,000; {@code -Dbenchmark.out=FILE}, default
 * {@code docs/benchmarks.md}). N orders over two years, three shops, are written straight into the OMS's tables (as
 * {@code OrderListBenchmark} does); the facts of all of them are rebuilt (timed); then every report is asked for over
 * a month and over 24 months, with the filters merchants use (which date counts, shops, tax excluded), one request
 * at a time, and the percentiles and the machine's load average are appended to the file.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SalesReportBenchmark {

    private static final int ORDERS = Integer.getInteger("benchmark.orders", 1_000_000);
    private static final double SPREAD = 2 * 365 * 86_400.0 / ORDERS;
    private static final int CHUNK = 100_000;
    private static final int WARM_UP = 3;
    private static final int REQUESTS = 40;
    /** A slow report stops being asked after this long (with at least {@link #MIN_REQUESTS} answers). */
    private static final long BUDGET_NANOS = 20_000_000_000L;

    private static final int MIN_REQUESTS = 5;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesFacts facts;

    /** The three shops the orders are placed in. */
    private final long[] shops = new long[3];

    private Long[] boxed() {
        return Arrays.stream(shops).boxed().toArray(Long[]::new);
    }

    @Test
    void monthlyAnd24MonthReportsAtAMillionOrders() throws Exception {
        long started = System.nanoTime();
        catalogue();
        // a bulk load: the keyword index is built once at the end, and the recipients are written with the orders
        // rather than by the shipment trigger (which would update every order a second time)
        jdbc.sql("drop index order_keyword_trgm_idx").update();
        jdbc.sql("alter table shipment disable trigger shipment_recipients_insert")
                .update();
        try {
            for (int from = 0; from < ORDERS; from += CHUNK) {
                generate(from, Math.min(ORDERS, from + CHUNK));
            }
            generateShipments();
        } finally {
            jdbc.sql("alter table shipment enable trigger shipment_recipients_insert")
                    .update();
        }
        jdbc.sql(KEYWORDS_INDEX).update();
        jdbc.sql("vacuum analyze oms_order").update();
        jdbc.sql("vacuum analyze shipment").update();
        jdbc.sql("vacuum analyze order_item").update();
        long generationSeconds = (System.nanoTime() - started) / 1_000_000_000L;

        // 収支's costs, so that every order has fees in its facts
        jdbc.sql("insert into sales_shop_fee (connection_id, monthly_fixed, percent_bp, per_order)"
                        + " select shop, 50000, 350, 50 from unnest(?::bigint[]) shop")
                .param(boxed())
                .update();
        jdbc.sql("insert into sales_payment_fee (payment_method, percent_bp, per_order)"
                        + " values ('CreditCard', 320, 0), ('CashOnDelivery', 0, 330), ('ConvenienceStore', 0, 130)"
                        + " on conflict (payment_method) do nothing")
                .update();
        jdbc.sql("insert into sales_carrier_cost (carrier, per_shipment)"
                        + " values ('YAMATO', 700), ('SAGAWA', 650), ('JAPAN_POST', 600)"
                        + " on conflict (carrier) do nothing")
                .update();

        started = System.nanoTime();
        long rebuilt = facts.rebuildAll();
        long rebuildSeconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(rebuilt).isGreaterThanOrEqualTo(ORDERS);
        jdbc.sql("vacuum analyze sales_order").update();
        jdbc.sql("vacuum analyze sales_line").update();
        jdbc.sql("vacuum analyze sales_day").update();
        jdbc.sql("vacuum analyze sales_month").update();

        YearMonth month = YearMonth.now().minusMonths(1);
        String period = "from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
        String twoYears = "from=" + month.minusMonths(23).atDay(1) + "&to=" + month.atEndOfMonth();
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("日次: a month by day, every shop", "/sales/daily?month=" + month);
        reports.put(
                "日次: a month by day, 出荷日, one shop, tax excluded",
                "/sales/daily?month=" + month + "&basis=SHIP&shop=" + shops[1] + "&tax=excl");
        reports.put("月次: 24 months, every shop", "/sales/monthly?month=" + month);
        reports.put("月次: 24 months, 入金日", "/sales/monthly?month=" + month + "&basis=PAY");
        reports.put(
                "月次: 24 months, one shop, tax excluded",
                "/sales/monthly?month=" + month + "&shop=" + shops[1] + "&tax=excl");
        for (String[] kind : new String[][] {
            {"ショップ別", "shops"},
            {"商品別 (ABC)", "products"},
            {"都道府県別", "prefectures"},
            {"支払方法別", "payments"},
            {"配送業者別", "carriers"},
            {"曜日別", "weekdays"},
            {"時間帯別", "hours"},
            {"収支 (ショップ別)", "profit"},
            {"収支 (商品別)", "profit-products"}
        }) {
            reports.put(kind[0] + ": a month", "/sales/" + kind[1] + "?" + period);
            reports.put(kind[0] + ": 24 months", "/sales/" + kind[1] + "?" + twoYears);
            reports.put(
                    kind[0] + ": 24 months, 出荷日, two shops, tax excluded",
                    "/sales/" + kind[1] + "?" + twoYears + "&basis=SHIP&shop=" + shops[0] + "&shop=" + shops[1]
                            + "&tax=excl");
        }
        String offMonths = "from=" + month.minusMonths(23).atDay(15) + "&to=" + month.atDay(14);
        reports.put(
                "商品別 (ABC): 24 months from the 15th (two partial months from the facts)",
                "/sales/products?" + offMonths);
        reports.put(
                "都道府県別: 24 months from the 15th (two partial months from the facts)",
                "/sales/prefectures?" + offMonths);

        String loadBefore = loadAverage();
        for (String url : reports.values()) {
            for (int i = 0; i < WARM_UP; i++) {
                call(url);
            }
        }
        Map<String, long[]> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> report : reports.entrySet()) {
            results.put(report.getKey(), measure(report.getValue()));
        }
        // before this change the breakdowns read every order's (line's) facts of their period: that query alone
        String from = month.minusMonths(23).atDay(1).toString();
        String to = month.atEndOfMonth().toString();
        Map<String, String> before = new LinkedHashMap<>();
        before.put(
                "都道府県別: 24 months, the order facts (the query before sales_month)",
                "select f.prefecture, count(*), sum(f.units), sum(f.sales_incl) from sales_order f"
                        + " where f.ordered_on between '" + from + "' and '" + to + "'"
                        + " and f.workflow_status <> all ('{CANCELLED}') group by 1 order by 4 desc");
        before.put(
                "商品別: 24 months, the line facts (the query before sales_month)",
                "select coalesce(l.product_code, l.item_code), max(l.name), coalesce(max(l.product_kind), ''),"
                        + " count(distinct l.order_id), sum(l.units), sum(l.amount_incl), sum(l.amount_excl),"
                        + " sum(l.cost) from sales_line l where l.ordered_on between '" + from + "' and '" + to + "'"
                        + " and l.workflow_status <> all ('{CANCELLED}') group by 1 order by 6 desc, 1");
        for (Map.Entry<String, String> query : before.entrySet()) {
            jdbc.sql(query.getValue()).query().listOfRows();
            long[] nanos = new long[REQUESTS];
            long begun = System.nanoTime();
            int n = 0;
            while (n < REQUESTS && (n < MIN_REQUESTS || System.nanoTime() - begun < BUDGET_NANOS)) {
                long t = System.nanoTime();
                jdbc.sql(query.getValue()).query().listOfRows();
                nanos[n++] = System.nanoTime() - t;
            }
            reports.put(query.getKey(), "SQL only");
            results.put(query.getKey(), Arrays.copyOf(nanos, n));
        }

        started = System.nanoTime();
        FactCheck check = facts.check();
        long checkSeconds = (System.nanoTime() - started) / 1_000_000_000L;
        started = System.nanoTime();
        long monthOrders = facts.rebuild(month);
        long monthRebuildSeconds = (System.nanoTime() - started) / 1_000_000_000L;

        report(
                generationSeconds,
                "%d s; the check of every order and both rollups (`SalesFacts.check`) %d s (%s); rebuilding one month (%,d orders, %d per transaction) %d s"
                        .formatted(
                                rebuildSeconds,
                                checkSeconds,
                                check.matches() ? "no difference" : "differences: " + check,
                                monthOrders,
                                SalesFacts.BATCH,
                                monthRebuildSeconds),
                loadBefore,
                reports,
                results);
        assertThat(check.matches()).as(check.toString()).isTrue();
    }

    private long[] measure(String url) throws Exception {
        long[] nanos = new long[REQUESTS];
        long begun = System.nanoTime();
        int n = 0;
        while (n < REQUESTS && (n < MIN_REQUESTS || System.nanoTime() - begun < BUDGET_NANOS)) {
            long started = System.nanoTime();
            call(url);
            nanos[n++] = System.nanoTime() - started;
        }
        return Arrays.copyOf(nanos, n);
    }

    private void call(String url) throws Exception {
        MvcResult page =
                mvc.perform(get(url).with(user("bench").roles("STAFF"))).andReturn();
        assertThat(page.getResponse().getStatus()).as(url).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString()).as(url).contains("data-testid=\"report-totals\"");
    }

    /**
     * The lines of the order numbered {@code g} (a column of the query around it), the same wherever they are read:
     * one to four lines (half of the orders one), 80 % teas mapped to 40 SKUs, 12 % gift sets mapped to 5 sets of
     * two SKUs, 8 % teapots that the 商品対応表 does not map (no cost); one in five lines of 1–3 units.
     */
    private static final String LINES = """
            select n,
                   case when k < 80 then 'tea-' || lpad(t::text, 3, '0') when k < 92 then 'set-' || lpad(v::text, 2, '0')
                        else 'pot-' || lpad(v::text, 2, '0') end as item_code,
                   case when k < 80 then '煎茶 ' || t when k < 92 then '詰め合わせ ' || v else '急須 ' || v end as name,
                   case when k < 80 then 540 + 54 * (t % 20) when k < 92 then 3240 + 540 * v
                        else 2200 + 1100 * v end as unit_price,
                   case when k % 5 = 0 then 1 + (g + n) % 3 else 1 end as quantity,
                   case when k < 92 then 8 else 10 end as tax_rate
            from generate_series(1, (array[1, 1, 1, 1, 1, 2, 2, 2, 3, 4])[1 + (g * 7) % 10]) n
            cross join lateral (select (g * 31 + n * 17) % 100 as k, (g * 13 + n * 7) % 40 as t, (g + n) % 5 as v) r
            """;

    /** The keyword index of the order list (V342), built once after the load rather than row by row. */
    private static final String KEYWORDS_INDEX =
            "create index order_keyword_trgm_idx on order_keyword using gin (keywords gin_trgm_ops)";

    /**
     * Products and the 商品対応表 of the three shops: 40 teas (SKUs with a cost price), 5 gift sets of two teas each
     * (their cost is their components'), the teapots left unmapped.
     */
    private void catalogue() {
        for (int i = 0; i < shops.length; i++) {
            shops[i] = jdbc.sql("""
                            insert into mall_connection (mall, shop_id, auto_fetch, write_back, status)
                            values ('SHOP_SERVE', ?, false, false, 'OK') returning id
                            """)
                    .param("sales-bench-" + (i + 1))
                    .query(Long.class)
                    .single();
        }
        jdbc.sql("""
                insert into product (code, kind, name, tax_rate, sale_price, cost_price)
                select 'BENCH-T' || lpad(t::text, 3, '0'), 'SKU', '煎茶 ' || t, 8, 540 + 54 * (t % 20),
                       200 + 20 * (t % 20)
                from generate_series(0, 39) t
                union all
                select 'BENCH-S' || lpad(v::text, 2, '0'), 'SET', '詰め合わせ ' || v, 8, 3240 + 540 * v, 0
                from generate_series(0, 4) v
                """).update();
        jdbc.sql("""
                insert into product_set_component (set_id, component_id, quantity)
                select s.id, c.id, 1 + v % 2
                from generate_series(0, 4) v
                cross join generate_series(0, 1) i
                join product s on s.code = 'BENCH-S' || lpad(v::text, 2, '0')
                join product c on c.code = 'BENCH-T' || lpad((v * 2 + i)::text, 3, '0')
                """).update();
        jdbc.sql("""
                insert into listing (connection_id, item_code, variation, product_id)
                select shop, 'tea-' || substr(p.code, 8), '', p.id
                from unnest(?::bigint[]) shop cross join product p where p.code like 'BENCH-T%'
                union all
                select shop, 'set-' || substr(p.code, 8), '', p.id
                from unnest(?::bigint[]) shop cross join product p where p.code like 'BENCH-S%'
                """).params(boxed(), boxed()).update();
    }

    /**
     * Orders [from, to) in one statement: two years back from now, newest first by number, three shops, statuses,
     * payment methods and prefectures spread as merchants see them; the totals and the tax per rate from their lines
     * ({@link #LINES}), 660 yen shipping, 330 yen COD fee, 100 points on one order in eleven. The recipients (which
     * the shipment trigger would write) are written with the order.
     */
    private void generate(int from, int to) {
        jdbc.sql("""
                insert into oms_order (connection_id, serial_code, order_number, ordered_at, shop_updated_at,
                    shop_order_status, shop_payment_status, shop_shipping_status, buyer_name, buyer_kana, buyer_email,
                    buyer_phone, buyer_postal_code, buyer_prefecture, buyer_address1, buyer_address2, member_account,
                    payment_method, items_total, shipping_fee, cod_fee, gift_wrapping_fee, coupon_discount,
                    points_used, total, tax, remarks, content_hash, payload, workflow_status, alert, recipients)
                select (?::bigint[])[1 + g % 3], 'sales-bench-' || g, 'S-' || lpad(g::text, 9, '0'),
                       now() - make_interval(secs => g * cast(? as double precision)),
                       now() - make_interval(secs => g * cast(? as double precision)),
                       case when w < 7 then 'Cancelled' when w < 80 then 'Completed' else 'New' end,
                       case when w between 80 and 87 then 'Unpaid' else 'Paid' end,
                       case when w between 7 and 79 then 'Shipped' else 'NotShipped' end,
                       b.name, b.kana, 'buyer' || (g % 50000) || '@example.jp', b.phone,
                       lpad((g % 1000)::text, 3, '0') || '-' || lpad((g % 10000)::text, 4, '0'), b.prefecture,
                       '中央区' || (g % 50) || '-' || (g % 9 + 1), null, null, x.payment,
                       it.items, 660, x.cod, 0, 0, x.points, it.items + 660 + x.cod - x.points,
                       jsonb_build_array(
                           jsonb_build_object('rate', 8, 'tax', floor(it.at8 * 8 / 108.0)::bigint),
                           jsonb_build_object('rate', 10,
                                              'tax', floor((it.at10 + 660 + x.cod - x.points) * 10 / 110.0)::bigint)),
                       null, 'sales-bench', '{}',
                       case when w < 7 then 'CANCELLED' when w < 80 then 'SHIPPED' when w < 88 then 'AWAITING_PAYMENT'
                            when w < 91 then 'NEW' when w < 94 then 'CONFIRMING' when w < 97 then 'READY_TO_SHIP'
                            when w < 99 then 'PRINTED' else 'ON_HOLD' end,
                       case when g % 997 = 0 then 'ショップで変更されました' end,
                       b.name || ' ' || b.kana || ' ' || replace(b.phone, '-', '')
                from (select g, (g * 37) % 100 as w, 1 + (g * 13) % 10 as si, 1 + (g * 17) % 8 as gi,
                             (array['CreditCard', 'CreditCard', 'CreditCard', 'BankTransfer', 'CashOnDelivery',
                                    'ConvenienceStore'])[1 + g % 6] as payment,
                             case when g % 6 = 4 then 330 else 0 end as cod,
                             case when g % 11 = 0 then 100 else 0 end as points
                      from generate_series(cast(? as bigint), cast(? as bigint)) g) x
                join (values (1, '山田', 'ヤマダ'), (2, '佐藤', 'サトウ'), (3, '鈴木', 'スズキ'), (4, '高橋', 'タカハシ'),
                             (5, '田中', 'タナカ'), (6, '伊藤', 'イトウ'), (7, '渡辺', 'ワタナベ'), (8, '中村', 'ナカムラ'),
                             (9, '小林', 'コバヤシ'), (10, '加藤', 'カトウ')) sn (i, surname, kana) on sn.i = x.si
                join (values (1, '太郎', 'タロウ'), (2, '花子', 'ハナコ'), (3, '一郎', 'イチロウ'), (4, '美咲', 'ミサキ'),
                             (5, '健太', 'ケンタ'), (6, '由美', 'ユミ'), (7, '翔', 'ショウ'), (8, '愛', 'アイ'))
                        gn (i, given, kana) on gn.i = x.gi
                cross join lateral (
                    select sn.surname || ' ' || gn.given as name, sn.kana || ' ' || gn.kana as kana,
                           '090-' || lpad((x.g % 10000)::text, 4, '0') || '-'
                               || lpad(((x.g * 7919) % 10000)::text, 4, '0') as phone,
                           (array['東京都', '東京都', '神奈川県', '大阪府', '愛知県', '北海道', '福岡県', '埼玉県',
                                  '千葉県', '兵庫県', '静岡県', '京都府', '宮城県', '広島県', '沖縄県'])[1 + x.g % 15]
                               as prefecture) b
                cross join lateral (
                    select sum(l.unit_price * l.quantity) as items,
                           coalesce(sum(l.unit_price * l.quantity) filter (where l.tax_rate = 8), 0) as at8,
                           coalesce(sum(l.unit_price * l.quantity) filter (where l.tax_rate = 10), 0) as at10
                    from (%s) l) it
                """.replace("%s", LINES))
                .params(boxed(), SPREAD, SPREAD, from, to - 1)
                .update();
    }

    /** One destination per order, shipped with one of three carriers 1–3 days after the order when it shipped. */
    private void generateShipments() {
        jdbc.sql("""
                insert into shipment (order_id, delivery_id, name, kana, phone, postal_code, prefecture, address1,
                                      shipping_fee, carrier, shipped_date)
                select id, 1, buyer_name, buyer_kana, buyer_phone, buyer_postal_code, buyer_prefecture, buyer_address1,
                       shipping_fee,
                       case when workflow_status in ('SHIPPED', 'PRINTED', 'READY_TO_SHIP')
                            then (array['yamato', 'yamato', 'sagawa', 'japanpost'])[1 + id % 4] end,
                       case when workflow_status = 'SHIPPED'
                            then (ordered_at at time zone 'Asia/Tokyo')::date + 1 + (id % 3)::int end
                from oms_order where content_hash = 'sales-bench'
                """).update();
        jdbc.sql("""
                insert into order_item (shipment_id, line_no, item_code, name, unit_price, quantity, tax_rate)
                select s.id, l.n, l.item_code, l.name, l.unit_price, l.quantity, l.tax_rate
                from shipment s
                join oms_order o on o.id = s.order_id and o.content_hash = 'sales-bench'
                cross join lateral (select substr(o.order_number, 3)::bigint as g) x
                cross join lateral (%s) l
                """.replace("%s", LINES)).update();
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    /** The load average (1, 5, 15 minutes) as the kernel reports it: the machine is shared. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void report(
            long generationSeconds,
            String maintenance,
            String loadBefore,
            Map<String, String> reports,
            Map<String, long[]> results)
            throws Exception {
        StringBuilder rows = new StringBuilder();
        results.forEach((kind, nanos) -> {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            double p95 = percentile(sorted, 95);
            rows.append("| %s | `%s` | %d | %.1f ms | %.1f ms | %.1f ms | %s |\n"
                    .formatted(
                            kind,
                            reports.get(kind),
                            sorted.length,
                            percentile(sorted, 50),
                            p95,
                            percentile(sorted, 99),
                            p95 < 200 ? "yes" : "**no**"));
        });
        String section = """

                ## Sales reports at %,d orders (issue 19) — %s

                Machine: %d cores (the load average tells whether other work shared them; 1/5/15 min: %s before the reports, %s
                after), the OMS's embedded PostgreSQL 17, in one JVM with the OMS (MockMvc: security, the
                controller, the queries and the Thymeleaf page with its chart data, without a socket). %,d orders over
                two years in three shops (1–4 lines, teas, gift sets, unmapped items), written set-based in SQL in %d s; **rebuilding the sales facts of all of them
                (`SalesFacts.rebuildAll`: order facts, line facts, daily and monthly rollups) took %s**. %d warm-up requests per
                report, then up to %d measured one at a time (fewer, at least %d, when a report takes more than %d s
                in all: the column n).
                Command: `./mvnw -B -pl oms -am verify -Dtest=SalesReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipSystemTests -Dbenchmark.orders=%d`

                | report | request | n | p50 | p95 | p99 | p95 < 200 ms |
                |---|---|---|---|---|---|---|
                %s""".formatted(
                        ORDERS,
                        LocalDate.now(),
                        Runtime.getRuntime().availableProcessors(),
                        loadBefore,
                        loadAverage(),
                        ORDERS,
                        generationSeconds,
                        maintenance,
                        WARM_UP,
                        REQUESTS,
                        MIN_REQUESTS,
                        BUDGET_NANOS / 1_000_000_000L,
                        ORDERS,
                        rows);
        System.out.println(section);
        Files.writeString(
                Path.of(System.getProperty("benchmark.out", "../docs/benchmarks.md")),
                section,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
