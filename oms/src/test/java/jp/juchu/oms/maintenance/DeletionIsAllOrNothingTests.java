package jp.juchu.oms.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.OrdersDeleted;
import jp.juchu.oms.orders.SampleOrders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** A module that fails to forget deleted orders keeps them from being deleted at all. */
@SpringBootTest
class DeletionIsAllOrNothingTests {

    static final long FAILING_SHOP = 3_999_999;

    @TestConfiguration
    static class FailingModule {

        @Bean
        FailingListener failingListener() {
            return new FailingListener();
        }
    }

    static class FailingListener {

        @EventListener
        public void forget(OrdersDeleted deleted) {
            throw new IllegalStateException("this module could not delete its rows");
        }
    }

    @Autowired
    OrderDataMaintenance maintenance;

    @Autowired
    Orders orders;

    @Autowired
    AuditLog audit;

    @Test
    void aListenerThatFailsKeepsTheOrdersAndWritesNoAuditEntry() {
        OffsetDateTime orderedAt = LocalDate.of(2005, 6, 1)
                .atTime(10, 0)
                .atZone(ZoneId.of("Asia/Tokyo"))
                .toOffsetDateTime();
        orders.applyFromShop(
                FAILING_SHOP, List.of(new IncomingOrder(SampleOrders.order("fail-1", orderedAt), "{}", "fail-1")));
        var criteria =
                new OrderDataMaintenance.Criteria(FAILING_SHOP, LocalDate.of(2005, 6, 1), LocalDate.of(2005, 6, 1));
        int auditEntries = audit.recent("ORDERS_DELETED", 0, 1000).size();

        assertThatThrownBy(() -> maintenance.delete(criteria, 1, "boss")).isInstanceOf(IllegalStateException.class);

        assertThat(maintenance.count(criteria)).isOne();
        assertThat(audit.recent("ORDERS_DELETED", 0, 1000)).hasSize(auditEntries);
    }
}
