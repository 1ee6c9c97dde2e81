package jp.juchu.oms.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import jp.juchu.oms.orders.Orders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class CustomerLinkingTests {

    @Autowired
    Orders orders;

    @Autowired
    Customers customers;

    @Autowired
    CustomerLinking linking;

    @Autowired
    JdbcClient jdbc;

    CustomerFixture fixture;
    String tag;

    @BeforeEach
    void setUp() {
        fixture = new CustomerFixture(orders, customers, jdbc);
        tag = "c" + System.nanoTime();
    }

    @Test
    void oneEmailWrittenDifferentlyInTwoShopsIsOneCustomer() {
        long first = fixture.order(7001, tag + "-1", "鈴木 一郎", tag + "@Example.jp", "03-1111-0001", 1000);
        long second = fixture.order(7002, tag + "-2", "鈴木 イチロウ", " " + tag + "@example.JP ", "090-0000-0001", 2500);

        Customer customer = fixture.customerOf(first);
        assertThat(fixture.customerOf(second).id()).isEqualTo(customer.id());
        Customer both = customers.find(customer.id()).orElseThrow();
        assertThat(both.orderCount()).isEqualTo(2);
        assertThat(both.totalSpent()).isEqualTo(3500);
        assertThat(customers.orders(customer.id(), 10))
                .extracting(CustomerOrder::orderId)
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void withoutEmailThePhoneDigitsAndTheNameWithoutSpacesMatch() {
        String phone = "03-5555-1234";
        String sameInFullWidth = "０３５５５５１２３４";
        long first = fixture.order(7001, tag + "-1", "佐藤 花子" + tag, null, phone, 1000);
        long second = fixture.order(7002, tag + "-2", "佐藤　花子" + tag, "", sameInFullWidth, 1000);

        assertThat(fixture.customerOf(second).id())
                .isEqualTo(fixture.customerOf(first).id());
    }

    @Test
    void anotherEmailAndAnotherPhoneMakeANewCustomer() {
        long first = fixture.order(7001, tag + "-1", "高橋 次郎" + tag, tag + "-a@example.jp", "03-2222-0001", 1000);
        long samePhoneOtherName = fixture.order(7001, tag + "-2", "高橋 三郎" + tag, null, "03-2222-0001", 1000);
        long sameNameOtherPhone =
                fixture.order(7001, tag + "-3", "高橋 次郎" + tag, tag + "-b@example.jp", "03-2222-0002", 1000);

        long customer = fixture.customerOf(first).id();
        assertThat(fixture.customerOf(samePhoneOtherName).id()).isNotEqualTo(customer);
        assertThat(fixture.customerOf(sameNameOtherPhone).id())
                .isNotEqualTo(customer)
                .isNotEqualTo(fixture.customerOf(samePhoneOtherName).id());
    }

    @Test
    void linkingAnOrderAgainChangesNothing() {
        long order = fixture.order(7001, tag, "伊藤 四郎", tag + "@example.jp", null, 1200);
        Customer customer = fixture.customerOf(order);

        assertThat(linking.link(orders.buyers(List.of(order)).get(0))).isFalse();

        assertThat(customers.find(customer.id()).orElseThrow().orderCount()).isEqualTo(1);
        assertThat(customers.search(tag, 10)).hasSize(1);
    }

    @Test
    void aDeletedOrderLeavesItsCustomersHistory() {
        long connection = 7100 + (System.nanoTime() % 1000);
        long kept = fixture.order(7001, tag + "-kept", "削除 一郎", tag + "@example.jp", null, 1000);
        long deleted = fixture.order(connection, tag + "-gone", "削除 一郎", tag + "@example.jp", null, 2500);
        Customer customer = fixture.customerOf(kept);
        fixture.customerOf(deleted);

        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        orders.deleteOrdered(connection, today.minusDays(1), today.plusDays(1), "admin");

        Customer after = customers.find(customer.id()).orElseThrow();
        assertThat(after.orderCount()).isEqualTo(1);
        assertThat(after.totalSpent()).isEqualTo(1000);
    }

    @Test
    void aBlacklistedCustomersNewOrderGetsAnAlertAndEarlierOrdersDoNot() {
        long earlier = fixture.order(7001, tag + "-1", "渡辺 五郎", tag + "@example.jp", null, 1000);
        Customer customer = fixture.customerOf(earlier);

        customers.blacklist(customer.id(), true, "受取拒否が2回", "staff");
        long later = fixture.order(7002, tag + "-2", "渡辺 五郎", tag + "@example.jp", null, 1000);
        fixture.customerOf(later);

        assertThat(orders.detail(earlier).orElseThrow().alert()).isNull();
        assertThat(orders.detail(later).orElseThrow().alert())
                .contains("ブラックリスト")
                .contains("受取拒否が2回");
        assertThat(orders.detail(later).orElseThrow().history())
                .anySatisfy(h -> assertThat(h.kind()).isEqualTo("ALERT"));
    }

    @Test
    void standingsOfABatchMatchTheBuyerByEmailOrPhoneAndNameAndTheBlacklistByRecipient() {
        long first = fixture.order(7001, tag + "-1", "高橋 六郎", tag + "@example.jp", null, 1000);
        long second = fixture.order(7002, tag + "-2", "高橋 六郎", tag + "@example.jp", null, 1000);
        fixture.customerOf(first);
        fixture.customerOf(second);
        long byPhone = fixture.order(7001, tag + "-3", "伊藤 七子" + tag, null, "03-7777-0001", 1000);
        Customer listed = fixture.customerOf(byPhone);
        customers.blacklist(listed.id(), true, "受取拒否", "staff");
        customers.setTags(listed.id(), "ＶＩＰ, 要注意 VIP", "staff");

        var standings = customers.standings(java.util.List.of(
                new Customers.Buyer(second, "高橋 六郎", " " + tag + "@EXAMPLE.jp", null, java.util.List.of("高橋 六郎")),
                new Customers.Buyer(-1, "だれか", null, null, java.util.List.of("伊藤　七子" + tag)),
                new Customers.Buyer(-2, "伊藤 七子" + tag, null, "０３７７７７０００１", java.util.List.of()),
                new Customers.Buyer(-3, "初めて" + tag, null, null, java.util.List.of("初めて" + tag))));

        assertThat(standings.get(second)).isEqualTo(new Customers.Standing(false, 1, List.of()));
        assertThat(standings.get(-1L)).isEqualTo(new Customers.Standing(true, 0, List.of()));
        assertThat(standings.get(-2L)).isEqualTo(new Customers.Standing(true, 1, List.of("VIP", "要注意")));
        assertThat(standings.get(-3L)).isEqualTo(new Customers.Standing(false, 0, List.of()));
    }

    @Test
    void anAlertIsAddedToTheTextAlreadyOnTheOrder() {
        long order = fixture.order(7001, tag, "中村 六郎", tag + "@example.jp", null, 1000);

        orders.raiseAlert(order, "一つ目", "test");
        orders.raiseAlert(order, "二つ目", "test");

        assertThat(orders.detail(order).orElseThrow().alert()).isEqualTo("一つ目\n二つ目");
    }

    @Test
    void anOrderCancelledAtTheShopNoLongerCountsInTheTotal() {
        long kept = fixture.order(7001, tag + "-1", "山本 八子", tag + "@example.jp", null, 1000);
        long cancelled = fixture.order(7001, tag + "-2", "山本 八子", tag + "@example.jp", null, 4000);
        long customer = fixture.customerOf(kept).id();
        fixture.customerOf(cancelled);

        fixture.cancelAtShop(7001, tag + "-2", "山本 八子", tag + "@example.jp", null, 4000);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> customers.find(customer).orElseThrow().totalSpent() == 1000);
        assertThat(customers.find(customer).orElseThrow().orderCount()).isEqualTo(1);
        assertThat(customers.orders(customer, 10))
                .anySatisfy(o -> assertThat(o.cancelled()).isTrue());
    }

    @Test
    void theBackfillLinksOrdersNoCustomerHas() {
        long order = fixture.order(7001, tag, "小林 七郎", tag + "@example.jp", null, 1000);
        fixture.customerOf(order);
        jdbc.sql("delete from customer_order where order_id = ?").param(order).update();

        OptionalLong next = CustomerBackfill.linkBatch(orders, linking, order - 1);

        assertThat(customers.ofOrder(order)).isPresent();
        assertThat(next).isEmpty();
    }
}
