package jp.juchu.oms.bundles;

import jp.juchu.oms.orders.OrdersImported;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Looks for 同梱 candidates among the orders just imported — every path (API import, CSV, 受注登録) publishes
 * {@link OrdersImported} — right after their page commits, retried by the event registry; when the merchant has
 * switched it on (取込時に同梱候補を探す, off on a fresh OMS; the demo turns it on once).
 */
@Component
class BundleFinding {

    private final Bundles bundles;
    private final JdbcClient jdbc;
    private final boolean demo;

    BundleFinding(Bundles bundles, JdbcClient jdbc, @Value("${oms.demo.enabled:false}") boolean demo) {
        this.bundles = bundles;
        this.jdbc = jdbc;
        this.demo = demo;
    }

    @ApplicationModuleListener
    void on(OrdersImported imported) {
        if (bundles.findsOnImport()) {
            bundles.find(imported.orderIds());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void switchOnForTheDemo() {
        if (demo) {
            jdbc.sql("update bundle_setting set find_on_import = true, demo_applied = true where id = 1"
                            + " and not demo_applied")
                    .update();
        }
    }
}
