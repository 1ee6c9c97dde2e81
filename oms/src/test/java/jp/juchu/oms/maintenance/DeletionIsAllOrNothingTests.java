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
import jp.juchu.oms.orders.ShopOrder;
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
        orders.applyFromShop(FAILING_SHOP, List.of(new IncomingOrder(order("fail-1", orderedAt), "{}", "fail-1")));
        var criteria =
                new OrderDataMaintenance.Criteria(FAILING_SHOP, LocalDate.of(2005, 6, 1), LocalDate.of(2005, 6, 1));
        int auditEntries = audit.recent("ORDERS_DELETED", 0, 1000).size();

        assertThatThrownBy(() -> maintenance.delete(criteria, 1, "boss")).isInstanceOf(IllegalStateException.class);

        assertThat(maintenance.count(criteria)).isOne();
        assertThat(audit.recent("ORDERS_DELETED", 0, 1000)).hasSize(auditEntries);
    }

    private static ShopOrder order(String code, OffsetDateTime orderedAt) {
        return new ShopOrder(
                code,
                code,
                orderedAt,
                orderedAt,
                "New",
                "Paid",
                "NotShipped",
                new ShopOrder.Buyer(
                        "山田 太郎", "ヤマダ タロウ", "t@example.jp", "03-1234-5678", "150-0001", "東京都", "渋谷区", null, null),
                "CreditCard",
                List.of(new ShopOrder.Delivery(
                        1,
                        "佐藤 花子",
                        "サトウ ハナコ",
                        "06-1234-5678",
                        "530-0001",
                        "大阪府",
                        "大阪市北区梅田2-4-9",
                        null,
                        null,
                        null,
                        false,
                        null,
                        800,
                        List.of(new ShopOrder.Item("tea-1", "", "煎茶", 1080, 1, 8)),
                        null,
                        null,
                        null)),
                new ShopOrder.Amounts(1080, 800, 0, 0, 0, 0, 1880, List.of()),
                null);
    }
}
