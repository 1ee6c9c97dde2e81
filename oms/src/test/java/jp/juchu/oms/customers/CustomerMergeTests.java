package jp.juchu.oms.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.orders.Orders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class CustomerMergeTests {

    @Autowired
    Orders orders;

    @Autowired
    Customers customers;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    CustomerFixture fixture;
    String tag;

    @BeforeEach
    void setUp() {
        fixture = new CustomerFixture(orders, customers, jdbc);
        tag = "m" + System.nanoTime();
    }

    @Test
    void mergingMovesTheOrdersAndTotalsAndFillsOnlyEmptyFields() {
        long a1 = fixture.order(7001, tag + "-a1", "加藤 八郎", tag + "-a@example.jp", null, 1000);
        long b1 = fixture.order(7002, tag + "-b1", "加藤 ハチロウ", tag + "-b@example.jp", "03-3333-4444", 2000);
        long b2 = fixture.order(7002, tag + "-b2", "加藤 ハチロウ", tag + "-b@example.jp", "03-3333-4444", 3000);
        long a = fixture.customerOf(a1).id();
        long b = fixture.customerOf(b1).id();
        fixture.customerOf(b2);
        customers.blacklist(b, true, "いたずら注文", "staff");

        Customer survivor = customers.merge(a, b, "staff");

        assertThat(survivor.orderCount()).isEqualTo(3);
        assertThat(survivor.totalSpent()).isEqualTo(6000);
        assertThat(survivor.name()).isEqualTo("加藤 八郎");
        assertThat(survivor.email()).isEqualTo(tag + "-a@example.jp");
        assertThat(survivor.phone()).isEqualTo("03-3333-4444");
        assertThat(survivor.blacklisted()).isTrue();
        assertThat(survivor.blacklistReason()).isEqualTo("いたずら注文");
        assertThat(customers.ofOrder(b2).orElseThrow().id()).isEqualTo(a);
        assertThat(customers.find(b).orElseThrow().id())
                .as("the merged id leads to the survivor")
                .isEqualTo(a);
        assertThat(customers.search(tag, 10)).extracting(Customer::id).containsExactly(a);
        assertThat(audit.recent("CUSTOMER_MERGED", 0, 20))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo("customer:" + a));
    }

    @Test
    void theLinkedOrderCountFollowsLinkingMergingAndDeletion() {
        long a1 = fixture.order(7001, tag + "-a1", "森 十郎", tag + "-a@example.jp", null, 1000);
        long b1 = fixture.order(7002, tag + "-b1", "森 ジュウロウ", tag + "-b@example.jp", null, 2000);
        long b2 = fixture.order(7002, tag + "-b2", "森 ジュウロウ", tag + "-b@example.jp", null, 3000);
        long a = fixture.customerOf(a1).id();
        long b = fixture.customerOf(b1).id();
        fixture.customerOf(b2);
        assertThat(linkedOrders(a)).isEqualTo(1);
        assertThat(linkedOrders(b)).isEqualTo(2);

        customers.merge(a, b, "staff");
        assertThat(linkedOrders(a)).isEqualTo(3);
        assertThat(linkedOrders(b)).isZero();
        assertThat(previousOrders(b2, "森 ジュウロウ", tag + "-b@example.jp"))
                .as("a merged customer's buyer: the survivor's other orders")
                .isEqualTo(2);

        jdbc.sql("delete from customer_order where order_id = ?").param(a1).update();
        assertThat(linkedOrders(a)).isEqualTo(2);
        assertThat(previousOrders(b2, "森 ジュウロウ", tag + "-b@example.jp")).isEqualTo(1);
    }

    private int linkedOrders(long customerId) {
        return jdbc.sql("select linked_orders from customer where id = ?")
                .param(customerId)
                .query(Integer.class)
                .single();
    }

    private long previousOrders(long orderId, String name, String email) {
        return customers
                .standings(java.util.List.of(new Customers.Buyer(orderId, name, email, null, java.util.List.of())))
                .get(orderId)
                .previousOrders();
    }

    @Test
    void anOrderWithTheMergedCustomersEmailGoesToTheSurvivor() {
        long a = fixture.customerOf(fixture.order(7001, tag + "-a", "木村 九郎", tag + "-a@example.jp", null, 1000))
                .id();
        long b = fixture.customerOf(fixture.order(7001, tag + "-b", "木村 九郎", tag + "-b@example.jp", null, 1000))
                .id();
        customers.merge(a, b, "staff");

        long later = fixture.order(7003, tag + "-c", "木村 九郎", tag + "-b@example.jp", null, 500);

        assertThat(fixture.customerOf(later).id()).isEqualTo(a);
    }

    @Test
    void mergingIntoItselfOrIntoAMergedAwayCustomerIsRefused() {
        long a = fixture.customerOf(fixture.order(7001, tag + "-a", "林 十郎", tag + "-a@example.jp", null, 1000))
                .id();
        long b = fixture.customerOf(fixture.order(7001, tag + "-b", "林 十郎", tag + "-b@example.jp", null, 1000))
                .id();
        long c = fixture.customerOf(fixture.order(7001, tag + "-c", "林 十郎", tag + "-c@example.jp", null, 1000))
                .id();

        assertThatThrownBy(() -> customers.merge(a, a, "staff"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("同じ顧客");
        customers.merge(a, b, "staff");
        assertThatThrownBy(() -> customers.merge(b, c, "staff"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("統合済み");
        assertThat(customers.find(a).orElseThrow().orderCount()).isEqualTo(2);
    }
}
