package jp.juchu.shop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The order search's {@code total_count} comes from the hourly tally plus the partial hours at a window's edges;
 * it must equal counting the orders one by one, for any window and filter, after orders are placed, change state
 * and are deleted.
 */
@SpringBootTest
class OrderWindowCountTests {

    private static final AtomicInteger SHOPS = new AtomicInteger();

    @Autowired
    Shops shops;

    @Autowired
    DemoOrders demo;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    String shopId;
    final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

    @BeforeEach
    void openShopWithThreeDaysOfOrders() {
        shopId = "tally" + SHOPS.incrementAndGet();
        shops.open(shopId, "集計テスト店", "password-1");
        demo.generate(shopId, 400, now.minusDays(3), now.minusMinutes(1), 42L);
    }

    @Test
    void totalCountEqualsCountingOrderByOrderForEveryWindowAndFilter() {
        assertCountsMatchBruteForce(new Random(1));
    }

    @Test
    void totalCountStaysExactAfterStateChangesAndDeletions() {
        List<Order> page = orders.search(shopId, search(now.minusDays(4), null, List.of(), 0, 100), false)
                .orders();
        for (int i = 0; i < 30; i++) {
            orders.changeState(
                    shopId,
                    page.get(i).serialCode(),
                    new StateChange(
                            i % 3 == 0 ? OrderStatus.Cancelled : OrderStatus.Processing,
                            PaymentStatus.Paid,
                            null,
                            null,
                            null,
                            null,
                            null));
        }
        jdbc.sql("delete from shop_order where shop_id = ? and seq in (select seq from shop_order where shop_id = ?"
                        + " order by seq desc limit 25)")
                .params(shopId, shopId)
                .update();

        assertCountsMatchBruteForce(new Random(2));
    }

    private void assertCountsMatchBruteForce(Random random) {
        List<List<PaymentStatus>> filters =
                List.of(List.of(), List.of(PaymentStatus.Unpaid), List.of(PaymentStatus.Paid));
        for (int i = 0; i < 40; i++) {
            OffsetDateTime since = now.minusMinutes(random.nextInt(4 * 24 * 60)).minusSeconds(random.nextInt(60));
            OffsetDateTime until = random.nextBoolean()
                    ? null
                    : since.plusMinutes(random.nextInt(3 * 24 * 60)).plusSeconds(random.nextInt(60));
            List<PaymentStatus> payment = filters.get(i % filters.size());
            OrderPage page = orders.search(shopId, search(since, until, payment, 0, 100), false);

            List<String> expected = matching(since, until, payment);
            assertThat(page.totalCount())
                    .as("since %s until %s payment %s", since, until, payment)
                    .isEqualTo((long) expected.size());
            assertThat(page.orders().stream().map(Order::serialCode).toList())
                    .as("first page of the window")
                    .isEqualTo(expected.subList(0, Math.min(100, expected.size())));
        }
    }

    private List<String> matching(OffsetDateTime since, OffsetDateTime until, List<PaymentStatus> payment) {
        return jdbc.sql("select serial_code from shop_order where shop_id = ? and updated_at >= ?"
                        + " and (cast(? as timestamptz) is null or updated_at < ?)"
                        + " and (cardinality(?::text[]) = 0 or payment_status = any (?::text[])) order by seq")
                .params(
                        shopId,
                        since,
                        until,
                        until,
                        payment.stream().map(Enum::name).toArray(String[]::new),
                        payment.stream().map(Enum::name).toArray(String[]::new))
                .query(String.class)
                .list();
    }

    private static OrderSearch search(
            OffsetDateTime since, OffsetDateTime until, List<PaymentStatus> payment, int from, int size) {
        return new OrderSearch(since, until, List.of(), payment, List.of(), from, size, null);
    }
}
