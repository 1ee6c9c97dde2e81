package jp.juchu.shop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import jp.juchu.shop.shops.ShopSettings;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The live demo shop: each second brings its share of new orders and as many changes to recent ones. */
@SpringBootTest
class DemoTrafficTests {

    @Autowired
    Orders orders;

    @Autowired
    DemoOrders demo;

    @Autowired
    Shops shops;

    @Autowired
    Clock clock;

    @Autowired
    OrderRecording recording;

    @Autowired
    jp.juchu.shop.catalog.Catalog catalog;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void everyTickPlacesItsShareOfOrdersAndChangesRecentOnes() {
        String shopId = "traffic" + System.nanoTime() % 100000;
        shops.open(shopId, "流れのある店", "password-1");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DemoTraffic traffic = new DemoTraffic(
                orders,
                recording,
                catalog,
                transactions,
                demo,
                new OrderSettings(0, 0, 120, false, false),
                new ShopSettings(new ShopSettings.Demo(true, shopId, "流れのある店", "password-1", "", "")),
                meters,
                clock);
        OffsetDateTime before = OffsetDateTime.now(clock).minusSeconds(1);

        for (int i = 0; i < 10; i++) {
            traffic.tick();
        }

        List<String> placed = orders.recentSerialCodes(shopId, 100);
        assertThat(placed).hasSize(20);
        assertThat(meters.counter("shop.demo.traffic", "kind", "created", "shop", shopId)
                        .count())
                .isEqualTo(20);
        double changes = List.of("paid", "cancelled", "address", "shipped").stream()
                .mapToDouble(kind -> meters.counter("shop.demo.traffic", "kind", kind, "shop", shopId)
                        .count())
                .sum();
        assertThat(changes).isPositive().isLessThanOrEqualTo(20);
        OrderPage page = orders.search(
                shopId, new OrderSearch(before, null, List.of(), List.of(), List.of(), 0, 100, null), false);
        assertThat(page.totalCount()).isEqualTo(20);
    }
}
