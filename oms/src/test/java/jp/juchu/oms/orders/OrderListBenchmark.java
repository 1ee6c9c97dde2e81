package jp.juchu.oms.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
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
 * Issue 5's order list benchmark, run on demand (not part of {@code verify}):
 * {@code ./mvnw -B install -DskipTests && ./mvnw -B -pl oms verify -Dtest=OrderListBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (with {@code -Dbenchmark.orders=N}; default 1,000,000). N orders over a year, three shops, realistic spreads of
 * statuses, payment methods, names and products, are written straight into the OMS's tables; then the whole order
 * list page — tab counts, the match count and the first page of 50, rendered — is asked for per filter, one request
 * at a time, and the percentiles are appended to {@code docs/benchmarks.md}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrderListBenchmark {

    private static final int ORDERS = Integer.getInteger("benchmark.orders", 1_000_000);
    private static final int CHUNK = 100_000;
    private static final int WARM_UP = 10;
    private static final int REQUESTS = 60;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsAndFirstPagePerFilterAtAMillionOrders() throws Exception {
        long started = System.nanoTime();
        for (int from = 0; from < ORDERS; from += CHUNK) {
            generate(from, Math.min(ORDERS, from + CHUNK));
        }
        generateShipments();
        jdbc.sql("vacuum analyze oms_order").update();
        jdbc.sql("vacuum analyze shipment").update();
        jdbc.sql("vacuum analyze order_item").update();
        long generationSeconds = (System.nanoTime() - started) / 1_000_000_000L;
        String day = LocalDate.now().minusDays(100).toString();

        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("no filter (すべて)", "");
        filters.put("status tab 出荷待ち", "status=READY_TO_SHIP");
        filters.put("status tab 出荷済み (the largest)", "status=SHIPPED");
        filters.put("keyword, a common surname (山田)", "keyword=山田");
        filters.put("keyword, one phone number", "keyword=090-0777-3063");
        filters.put("keyword, one order number", "keyword=B-000123456");
        filters.put("order date, one day", "from=" + day + "&to=" + day);
        filters.put("payment method 代金引換", "payment=CashOnDelivery");
        filters.put("payment state 未入金", "paid=Unpaid");
        filters.put("shipping state 未発送", "shipped=NotShipped");
        filters.put("one shop", "shop=2");
        filters.put("product code", "item=tea-007");
        filters.put("total 30,000–50,000円", "min=30000&max=50000");
        filters.put("alerts only (要確認)", "alerts=true");
        filters.put("sorted by total, no filter", "sort=total");

        // warm every page's path first, so the first filter measured does not pay for the JIT
        for (String query : filters.values()) {
            for (int i = 0; i < WARM_UP; i++) {
                call("/orders?" + query);
            }
        }
        Map<String, long[]> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            results.put(filter.getKey(), measure("/orders?" + filter.getValue()));
        }
        report(generationSeconds, filters, results);
    }

    private long[] measure(String url) throws Exception {
        long[] nanos = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long started = System.nanoTime();
            call(url);
            nanos[i] = System.nanoTime() - started;
        }
        return nanos;
    }

    private void call(String url) throws Exception {
        MvcResult page =
                mvc.perform(get(url).with(user("bench").roles("STAFF"))).andReturn();
        assertThat(page.getResponse().getStatus()).as(url).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString()).as(url).contains("data-testid=\"status-tabs\"");
    }

    /** Orders [from, to): one year back from now, newest first by number; one shipment and one or two items each. */
    private void generate(int from, int to) {
        jdbc.sql("""
                insert into oms_order (connection_id, serial_code, order_number, ordered_at, shop_updated_at,
                    shop_order_status, shop_payment_status, shop_shipping_status, buyer_name, buyer_kana, buyer_email,
                    buyer_phone, buyer_postal_code, buyer_prefecture, buyer_address1, buyer_address2, member_account,
                    payment_method, items_total, shipping_fee, cod_fee, gift_wrapping_fee, coupon_discount,
                    points_used, total, tax, remarks, content_hash, payload, workflow_status, alert)
                select 1 + g % 3, 'bench-' || g, 'B-' || lpad(g::text, 9, '0'),
                       now() - make_interval(secs => g * 31.536),
                       now() - make_interval(secs => g * 31.536),
                       case when w < 7 then 'Cancelled' when w < 80 then 'Completed' else 'New' end,
                       case when w between 80 and 87 then 'Unpaid' else 'Paid' end,
                       case when w between 7 and 79 then 'Shipped' else 'NotShipped' end,
                       s.surname || ' ' || s.given, s.surname_kana || ' ' || s.given_kana,
                       'buyer' || (g % 50000) || '@example.jp',
                       '090-' || lpad((g % 10000)::text, 4, '0') || '-' || lpad(((g * 7919) % 10000)::text, 4, '0'),
                       lpad((g % 1000)::text, 3, '0') || '-' || lpad((g % 10000)::text, 4, '0'),
                       (array['東京都','大阪府','北海道','福岡県','愛知県','静岡県','京都府','宮城県'])[1 + g % 8],
                       '中央区' || (g % 50) || '-' || (g % 9 + 1), null, null,
                       (array['CreditCard','CreditCard','CreditCard','BankTransfer','CashOnDelivery','ConvenienceStore'])[1 + g % 6],
                       amount, 660, case when g % 6 = 4 then 330 else 0 end, 0, 0, 0,
                       amount + 660 + case when g % 6 = 4 then 330 else 0 end, '[]', null, 'bench', '{}',
                       case when w < 7 then 'CANCELLED' when w < 80 then 'SHIPPED' when w < 88 then 'AWAITING_PAYMENT'
                            when w < 91 then 'NEW' when w < 94 then 'CONFIRMING' when w < 97 then 'READY_TO_SHIP'
                            when w < 99 then 'PRINTED' else 'ON_HOLD' end,
                       case when g % 997 = 0 then 'ショップで変更されました' end
                from (select g, (g * 37) % 100 as w, 1080 + (g * 7907) % 60000 as amount,
                             1 + (g * 13) % 10 as si, 1 + (g * 17) % 8 as gi
                      from generate_series(cast(? as bigint), cast(? as bigint)) g) x
                join (select * from (values
                        (1, '山田', 'ヤマダ'), (2, '佐藤', 'サトウ'), (3, '鈴木', 'スズキ'), (4, '高橋', 'タカハシ'),
                        (5, '田中', 'タナカ'), (6, '伊藤', 'イトウ'), (7, '渡辺', 'ワタナベ'), (8, '中村', 'ナカムラ'),
                        (9, '小林', 'コバヤシ'), (10, '加藤', 'カトウ')) v(i, surname, surname_kana)) sn on sn.i = x.si
                join (select * from (values
                        (1, '太郎', 'タロウ'), (2, '花子', 'ハナコ'), (3, '一郎', 'イチロウ'), (4, '美咲', 'ミサキ'),
                        (5, '健太', 'ケンタ'), (6, '由美', 'ユミ'), (7, '翔', 'ショウ'), (8, '愛', 'アイ'))
                        v(i, given, given_kana)) gn on gn.i = x.gi
                cross join lateral (select sn.surname, sn.surname_kana, gn.given, gn.given_kana) s
                """).params(from, to - 1).update();
    }

    private void generateShipments() {
        jdbc.sql("""
                insert into shipment (order_id, delivery_id, name, phone, postal_code, prefecture, address1)
                select id, 1, buyer_name, buyer_phone, buyer_postal_code, buyer_prefecture, buyer_address1
                from oms_order where content_hash = 'bench'
                """).update();
        jdbc.sql("""
                insert into order_item (shipment_id, line_no, item_code, name, unit_price, quantity, tax_rate)
                select s.id, n, 'tea-' || lpad(((s.id * 31 + n) % 40)::text, 3, '0'), '煎茶 ' || ((s.id * 31 + n) % 40),
                       1080, 1, 8
                from shipment s cross join generate_series(1, 2) n
                where n = 1 or s.id % 3 = 0
                """).update();
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private static void report(long generationSeconds, Map<String, String> filters, Map<String, long[]> results)
            throws Exception {
        StringBuilder rows = new StringBuilder();
        results.forEach((kind, nanos) -> {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            rows.append("| %s | `%s` | %.1f ms | %.1f ms | %.1f ms |\n"
                    .formatted(
                            kind,
                            filters.get(kind).isEmpty() ? "/orders" : "/orders?" + filters.get(kind),
                            percentile(sorted, 50),
                            percentile(sorted, 95),
                            percentile(sorted, 99)));
        });
        Files.writeString(
                Path.of("..", "docs", "benchmarks.md"),
                """

                ## Order list at %,d orders (issue 5) — %s

                Machine: %d cores, the OMS's embedded PostgreSQL 17, in one JVM with the OMS (MockMvc: the request goes
                through security, the controller, the queries and the Thymeleaf page, without a socket). %,d orders over
                a year in three shops (status, payment, names, products spread as a shop's are), written with SQL in
                %d s, then `vacuum analyze`. Each request is the whole list page: the tab counts, the match count (exact,
                or "1,000件以上" beyond 1,000 when a filter is set) and the first page of 50. %d warm-up requests per
                filter (all filters warmed first), then %d measured, one at a time.
                Command: `./mvnw -B install -DskipTests && ./mvnw -B -pl oms verify -Dtest=OrderListBenchmark -Dsurefire.failIfNoSpecifiedTests=false`

                | filter | request | p50 | p95 | p99 |
                |---|---|---|---|---|
                %s""".formatted(
                                ORDERS,
                                LocalDate.now(),
                                Runtime.getRuntime().availableProcessors(),
                                ORDERS,
                                generationSeconds,
                                WARM_UP,
                                REQUESTS,
                                rows),
                StandardOpenOption.APPEND);
    }
}
