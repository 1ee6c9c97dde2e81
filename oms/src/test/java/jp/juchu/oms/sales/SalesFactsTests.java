package jp.juchu.oms.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.sales.SalesFixture.Line;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The sales facts follow the orders on every path: imports, changes at the shop, cancellations, edits, deletions. */
@SpringBootTest
@AutoConfigureMockMvc
class SalesFactsTests {

    static final LocalDate DAY = LocalDate.of(2025, 3, 10);

    @Autowired
    Orders orders;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    SalesFacts facts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    FactChecks checks;

    @Autowired
    PlatformTransactionManager transactionManager;

    SalesFixture shop;

    @BeforeEach
    void newShop() {
        shop = SalesFixture.create(orders, jdbc);
    }

    private long teaOrder(String serial, String status, long price) {
        return shop.order(
                serial, DAY, 10, status, "CreditCard", "東京都", 500, List.of(new Line("tea-1", "煎茶", price, 2, 8)));
    }

    @Test
    void factsEqualTheOrdersAfterImportsChangesCancellationsEditsAndDeletions() throws Exception {
        long first = teaOrder("A-1", "New", 1080);
        long second = teaOrder("A-2", "New", 2160);
        long third = shop.order(
                "A-3",
                DAY.plusDays(1),
                21,
                "New",
                "CashOnDelivery",
                "大阪府",
                800,
                List.of(new Line("mug-1", "マグカップ", 3300, 1, 10), new Line("tea-1", "煎茶", 1080, 3, 8)));
        shop.awaitFactsEqualOrders();
        assertThat(shop.ofFacts())
                .isEqualTo(new SalesFixture.Sums(3, 2 * 1080 + 500 + 2 * 2160 + 500 + 3300 + 3240 + 800, 8));
        // tax per rate, as the order has it: 8 % on 3,240, 10 % on 3,300 + 800 shipping
        assertThat(shop.fact(third, "tax_8")).isEqualTo(String.valueOf(3240 * 8 / 108));
        assertThat(shop.fact(third, "tax_10")).isEqualTo(String.valueOf((3300 + 800) * 10 / 110));
        assertThat(shop.fact(third, "prefecture")).isEqualTo("大阪府");
        assertThat(shop.fact(third, "ordered_hour")).isEqualTo("21");

        // the shop changes an order's price
        teaOrder("A-1", "New", 1500);
        await().atMost(Duration.ofSeconds(15)).until(() -> "3500".equals(shop.fact(first, "sales_incl")));
        shop.awaitFactsEqualOrders();

        // the shop cancels one
        teaOrder("A-2", "Cancelled", 2160);
        await().atMost(Duration.ofSeconds(15)).until(() -> "CANCELLED".equals(shop.fact(second, "workflow_status")));
        shop.awaitFactsEqualOrders();

        // a person moves one along the workflow
        workflow.move(third, "CONFIRMING", Actor.person("sato", false), false);
        await().atMost(Duration.ofSeconds(15)).until(() -> "CONFIRMING".equals(shop.fact(third, "workflow_status")));

        // a person edits one: three more cups of tea
        mvc.perform(edit(first, "lines[0].quantity", "5")).andExpect(redirectedUrl("/orders/" + first));
        await().atMost(Duration.ofSeconds(15)).until(() -> "5".equals(shop.fact(first, "units")));
        assertThat(shop.fact(first, "sales_incl")).isEqualTo(String.valueOf(5 * 1500 + 500));
        shop.awaitFactsEqualOrders();

        // the orders of the first day are deleted: their facts go in the same transaction
        orders.deleteOrdered(shop.shop(), DAY, DAY, "admin");
        assertThat(shop.fact(first, "sales_incl")).isNull();
        assertThat(shop.fact(second, "sales_incl")).isNull();
        assertThat(shop.ofFacts()).isEqualTo(shop.ofOrders());
        assertThat(shop.ofRollup()).isEqualTo(shop.ofOrders());
        assertThat(shop.ofOrders().orders()).isEqualTo(1);
    }

    @Test
    void anOrderKeepsTheDayItWasFirstSeenPaidWhenTheShopUpdatesItLater() {
        OffsetDateTime placed = DAY.atTime(10, 15).atZone(SalesFixture.TOKYO).toOffsetDateTime();
        List<Line> tea = List.of(new Line("tea-1", "煎茶", 1080, 2, 8));
        long id = shop.order("P-1", placed, placed, "New", "CreditCard", "東京都", 500, tea);
        await().atMost(Duration.ofSeconds(15)).until(() -> DAY.toString().equals(shop.fact(id, "paid_on")));

        // three days later the shop changes the order's price: its facts are computed again, the payment day stays
        shop.order(
                "P-1",
                placed,
                placed.plusDays(3),
                "New",
                "CreditCard",
                "東京都",
                500,
                List.of(new Line("tea-1", "煎茶", 1500, 2, 8)));
        await().atMost(Duration.ofSeconds(15)).until(() -> "3500".equals(shop.fact(id, "sales_incl")));
        assertThat(shop.fact(id, "paid_on")).isEqualTo(DAY.toString());

        // a new order first seen paid on its last update is paid that day
        long later = shop.order("P-2", placed, placed.plusDays(2), "New", "CreditCard", "東京都", 500, tea);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> DAY.plusDays(2).toString().equals(shop.fact(later, "paid_on")));
    }

    @Test
    void theCostComesFromTheProductMasterForSkusAndSets() {
        shop.product(shop.prefix() + "-MUG", 1200, "mug-1");
        long setId = jdbc.sql("insert into product (code, name, kind) values (?, 'ギフトセット', 'SET') returning id")
                .param(shop.prefix() + "-SET")
                .query(Long.class)
                .single();
        long tea = jdbc.sql("insert into product (code, name, cost_price) values (?, '煎茶', 300) returning id")
                .param(shop.prefix() + "-TEA")
                .query(Long.class)
                .single();
        long cup = jdbc.sql("select id from product where code = ?")
                .param(shop.prefix() + "-MUG")
                .query(Long.class)
                .single();
        jdbc.sql("insert into product_set_component (set_id, component_id, quantity) values (?, ?, 2), (?, ?, 1)")
                .params(setId, tea, setId, cup)
                .update();
        jdbc.sql("insert into listing (connection_id, item_code, product_id) values (?, 'gift-1', ?)")
                .params(shop.shop(), setId)
                .update();
        long id = shop.order(
                "C-1",
                DAY,
                9,
                "New",
                "CreditCard",
                "北海道",
                0,
                List.of(
                        new Line("mug-1", "マグカップ", 3300, 2, 10),
                        new Line("gift-1", "ギフトセット", 5500, 1, 10),
                        new Line("free-1", "未登録の品", 1000, 1, 10)));
        shop.awaitFactsEqualOrders();
        // 2 mugs × 1,200 + one set (2 teas × 300 + 1 mug × 1,200); the unmapped item has no cost
        assertThat(shop.fact(id, "cost")).isEqualTo(String.valueOf(2 * 1200 + 600 + 1200));
        assertThat(jdbc.sql("select product_code from sales_line where order_id = ? and item_code = 'gift-1'")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(shop.prefix() + "-SET");
        assertThat(jdbc.sql("select count(*) from sales_line where order_id = ? and cost is null")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theCheckFindsFactsThatDifferFromTheOrdersAndRebuildingTheMonthMendsThem() {
        long id = teaOrder("R-1", "New", 1080);
        teaOrder("R-2", "New", 1080);
        shop.awaitFactsEqualOrders();
        String number = shop.prefix() + "R-1";
        jdbc.sql("update sales_order set sales_incl = 1 where order_id = ?")
                .param(id)
                .update();
        jdbc.sql("delete from sales_line where order_id = ?").param(id).update();

        assertThat(facts.check().differingOrders()).contains(number);

        assertThat(facts.rebuild(YearMonth.from(DAY))).isGreaterThanOrEqualTo(2);
        assertThat(facts.check().differingOrders()).doesNotContain(number);
        assertThat(shop.ofFacts()).isEqualTo(shop.ofOrders());
        assertThat(jdbc.sql("select count(*) from sales_line where order_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void rebuildingEverythingKeepsTheFactsEqualToTheOrdersAndFoldingKeepsTheRollup() {
        teaOrder("B-1", "New", 1080);
        teaOrder("B-2", "Cancelled", 2160);
        shop.awaitFactsEqualOrders();
        facts.rebuildAll();
        assertThat(shop.ofFacts()).isEqualTo(shop.ofOrders());
        assertThat(shop.ofRollup()).isEqualTo(shop.ofOrders());
        facts.fold();
        assertThat(shop.ofRollup()).isEqualTo(shop.ofOrders());
        assertThat(jdbc.sql("select count(*) from sales_day where connection_id = ? and basis = 'O'")
                        .param(shop.shop())
                        .query(Long.class)
                        .single())
                .as("one folded row per day and status")
                .isEqualTo(2);
    }

    @Test
    void theNightlyCheckRaisesAnAlertOnHomeUntilARebuildMendsTheFacts() throws Exception {
        long id = teaOrder("N-1", "New", 1080);
        shop.awaitFactsEqualOrders();
        String number = shop.prefix() + "N-1";
        jdbc.sql("update sales_order set sales_incl = sales_incl + 1 where order_id = ?")
                .param(id)
                .update();
        long before = lastCheckId();

        // the night comes: db-scheduler runs the recurring task, which records the difference
        jdbc.sql("update scheduled_tasks set execution_time = now() where task_name = 'sales-fact-check'")
                .update();
        await().atMost(Duration.ofSeconds(30)).until(() -> lastCheckId() > before);
        assertThat(checks.alert())
                .hasValueSatisfying(r -> assertThat(r.check().differingOrders()).contains(number));
        OffsetDateTime next = jdbc.sql(
                        "select execution_time from scheduled_tasks where task_name = 'sales-fact-check'")
                .query(OffsetDateTime.class)
                .single();
        assertThat(next.atZoneSameInstant(ZoneId.of("Asia/Tokyo")).toLocalTime())
                .as("nightly, at 4:15 in Japan")
                .isEqualTo(LocalTime.of(4, 15));
        assertThat(next).isAfter(OffsetDateTime.now());
        mvc.perform(get("/").with(user("boss").roles("ADMIN")))
                .andExpect(content().string(containsString("売上データの集計が受注と一致しません")));
        mvc.perform(get("/sales/facts").with(user("boss").roles("ADMIN")))
                .andExpect(content().string(containsString(number)));

        // a rebuild asks first, and says how many orders it recomputes
        mvc.perform(post("/sales/facts/rebuild")
                        .param("scope", "month")
                        .param("month", YearMonth.from(DAY).toString())
                        .with(user("boss").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"rebuild-confirm\"")));
        assertThat(checks.alert()).as("nothing rebuilt before the confirmation").isPresent();
        mvc.perform(post("/sales/facts/rebuild")
                        .param("scope", "month")
                        .param("month", YearMonth.from(DAY).toString())
                        .param("confirmed", "true")
                        .with(user("boss").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/sales/facts"));
        assertThat(checks.latest().orElseThrow().check().differingOrders()).doesNotContain(number);
        assertThat(shop.ofFacts()).isEqualTo(shop.ofOrders());
    }

    @Test
    void aSecondFullRebuildIsRefusedWhileOneRuns() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread running = new Thread(() -> tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(21002)").query(Object.class).list();
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        running.start();
        try {
            held.await();
            mvc.perform(post("/sales/facts/rebuild")
                            .param("scope", "all")
                            .param("confirmed", "true")
                            .with(user("boss").roles("ADMIN"))
                            .with(csrf()))
                    .andExpect(redirectedUrl("/sales/facts"))
                    .andExpect(flash().attribute("error", "別の再集計が実行中です。終わってからやり直してください"));
        } finally {
            release.countDown();
            running.join();
        }
    }

    private long lastCheckId() {
        return jdbc.sql("select coalesce(max(id), 0) from sales_fact_check")
                .query(Long.class)
                .single();
    }

    /** The edit form as the order page posts it (one destination, one line of tea), with changes typed over it. */
    private MockHttpServletRequestBuilder edit(long id, String... changes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", String.valueOf(orders.detail(id).orElseThrow().version()));
        form.put("buyer.name", "売上 太郎");
        form.put("buyer.phone", "03-1234-5678");
        form.put("buyer.postalCode", "150-0001");
        form.put("buyer.prefecture", "東京都");
        form.put("buyer.address1", "1-1");
        form.put("buyerKana", "ウリアゲ タロウ");
        form.put("buyerEmail", "A-1@example.jp");
        form.put("paymentMethod", "CreditCard");
        form.put("destinations[0].key", "1");
        form.put("destinations[0].recipient.name", "売上 太郎");
        form.put("destinations[0].recipient.phone", "03-1234-5678");
        form.put("destinations[0].recipient.postalCode", "150-0001");
        form.put("destinations[0].recipient.prefecture", "東京都");
        form.put("destinations[0].recipient.address1", "1-1");
        form.put("lines[0].destination", "1");
        form.put("lines[0].itemCode", "tea-1");
        form.put("lines[0].name", "煎茶");
        form.put("lines[0].unitPrice", "1500");
        form.put("lines[0].taxRate", "8");
        form.put("lines[0].quantity", "2");
        form.put("shippingFee", "500");
        form.put("codFee", "0");
        form.put("giftWrappingFee", "0");
        form.put("couponDiscount", "0");
        form.put("pointsUsed", "0");
        for (int i = 0; i < changes.length; i += 2) {
            form.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/orders/" + id + "/edit");
        form.forEach(request::param);
        return request.with(user("sato").roles("STAFF")).with(csrf());
    }
}
