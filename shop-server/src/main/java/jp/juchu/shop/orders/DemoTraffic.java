package jp.juchu.shop.orders;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.OutOfStock;
import jp.juchu.shop.catalog.StockLine;
import jp.juchu.shop.shops.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A live demo shop (デモ店の注文の流れ): with {@code shop.orders.traffic-per-minute} above 0 and the demo enabled, the
 * demo shop gets new orders every second, and for each a change to one of its recent orders — paid, cancelled, its
 * address corrected or shipped with a tracking number — through the same module methods the storefront and the
 * admin use. With {@code traffic-in-every-demo-shop} the orders go to each demo shop in turn; with {@code
 * traffic-takes-stock} each order takes its units from the shop's stock in its own transaction, as a storefront sale
 * does, or is not placed when the shop has not got them. Counted in the metric {@code shop.demo.traffic} by kind and
 * shop, for the fault soak's table.
 */
@Component
class DemoTraffic {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final String[] STREETS = {"中央区1-1-1", "北区2-3-4 コーポ201", "南町5-6", "西が丘7-8-9", "東通り10-11"};

    private final Orders orders;
    private final OrderRecording recording;
    private final Catalog catalog;
    private final TransactionTemplate transactions;
    private final DemoOrders demo;
    private final OrderSettings settings;
    private final ShopSettings shops;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Random random = new Random();
    private ScheduledExecutorService ticks;
    private double owed;

    DemoTraffic(
            Orders orders,
            OrderRecording recording,
            Catalog catalog,
            TransactionTemplate transactions,
            DemoOrders demo,
            OrderSettings settings,
            ShopSettings shops,
            MeterRegistry meters,
            Clock clock) {
        this.orders = orders;
        this.recording = recording;
        this.catalog = catalog;
        this.transactions = transactions;
        this.demo = demo;
        this.settings = settings;
        this.shops = shops;
        this.meters = meters;
        this.clock = clock;
    }

    /** Starts once the demo shop exists (it is opened during startup). */
    @EventListener(ApplicationReadyEvent.class)
    void begin() {
        if (settings.trafficPerMinute() <= 0 || !shops.demo().enabled()) {
            return;
        }
        ticks = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demo-traffic"));
        ticks.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        log.info(
                "Demo traffic: {} orders a minute for {}{}",
                settings.trafficPerMinute(),
                shopIds(),
                settings.trafficTakesStock() ? ", taking stock" : "");
    }

    void tick() {
        try {
            owed += settings.trafficPerMinute() / 60.0;
            int count = (int) owed;
            owed -= count;
            if (count == 0) {
                return;
            }
            List<String> shopIds = shopIds();
            OffsetDateTime now = OffsetDateTime.now(clock);
            for (int s = 0; s < shopIds.size(); s++) {
                String shopId = shopIds.get(s);
                // the tick's orders dealt out in turn, the first shops getting the odd ones
                int share = count / shopIds.size() + (s < count % shopIds.size() ? 1 : 0);
                int created = place(shopId, share, now);
                List<String> recent = orders.recentSerialCodes(shopId, 500);
                for (int i = 0; i < created && !recent.isEmpty(); i++) {
                    change(shopId, recent.get(random.nextInt(recent.size())));
                }
            }
        } catch (RuntimeException e) {
            // the shop goes on; a failed tick is retried by the next one
            log.warn("Demo traffic tick failed: {}", e.toString());
        }
    }

    private List<String> shopIds() {
        String second = shops.demo().secondShopId();
        if (settings.trafficInEveryDemoShop() && second != null && !second.isBlank()) {
            return List.of(shops.demo().shopId(), second);
        }
        return List.of(shops.demo().shopId());
    }

    /** Places the shop's orders of this tick; how many were placed. */
    private int place(String shopId, int count, OffsetDateTime now) {
        if (count == 0) {
            return 0;
        }
        if (!settings.trafficTakesStock()) {
            List<NewOrder> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(demo.order(shopId, now, now, random));
            }
            recording.record(batch);
            count(shopId, "created", count);
            return count;
        }
        int placed = 0;
        for (int i = 0; i < count; i++) {
            NewOrder order = demo.order(shopId, now, now, random);
            List<StockLine> lines = new ArrayList<>();
            order.deliveries()
                    .forEach(d -> d.items()
                            .forEach(item -> lines.add(new StockLine(
                                    item.itemCode(),
                                    item.variation() == null ? "" : item.variation(),
                                    item.quantity()))));
            try {
                transactions.executeWithoutResult(status -> {
                    catalog.take(shopId, lines);
                    recording.record(List.of(order));
                });
                // counted as soon as it is committed (the fault soak reads the count with the order table held still)
                count(shopId, "created", 1);
                placed++;
            } catch (OutOfStock soldOut) {
                count(shopId, "soldout", 1);
            }
        }
        return placed;
    }

    private void count(String shopId, String kind, int n) {
        if (n > 0) {
            meters.counter("shop.demo.traffic", "kind", kind, "shop", shopId).increment(n);
        }
    }

    private void change(String shopId, String serial) {
        Order order = orders.find(shopId, serial).orElse(null);
        if (order == null || order.orderStatus() == OrderStatus.Cancelled) {
            return;
        }
        String kind;
        int pick = random.nextInt(10);
        if (pick < 4 && order.paymentStatus() == PaymentStatus.Unpaid) {
            orders.changeState(shopId, serial, new StateChange(null, PaymentStatus.Paid, null, null, null, null, null));
            kind = "paid";
        } else if (pick < 5 && order.shippingStatus() == ShippingStatus.NotShipped) {
            orders.changeState(
                    shopId, serial, new StateChange(OrderStatus.Cancelled, null, null, null, null, null, null));
            kind = "cancelled";
        } else if (pick < 8) {
            orders.correctAddress(shopId, serial, 1, STREETS[random.nextInt(STREETS.length)]);
            kind = "address";
        } else if (order.shippingStatus() == ShippingStatus.NotShipped) {
            orders.changeState(
                    shopId,
                    serial,
                    new StateChange(
                            OrderStatus.Processing,
                            null,
                            ShippingStatus.Shipped,
                            Carrier.Yamato,
                            String.valueOf(100_000_000_000L + random.nextInt(900_000_000)),
                            null,
                            null));
            kind = "shipped";
        } else {
            return;
        }
        count(shopId, kind, 1);
    }

    /** Stops before the database goes away at shutdown. */
    @jakarta.annotation.PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.shutdownNow();
        }
    }
}
