package jp.juchu.oms.bundles;

import jp.juchu.oms.orders.OrdersImported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Looks for 同梱 candidates among the orders just imported — every path (API import, CSV, 受注登録) publishes
 * {@link OrdersImported} — right after their page commits, retried by the event registry; when the merchant has
 * switched it on (取込時に同梱候補を探す on the 同梱 screen, off on a fresh OMS).
 */
@Component
class BundleFinding {

    private final Bundles bundles;

    BundleFinding(Bundles bundles) {
        this.bundles = bundles;
    }

    @ApplicationModuleListener
    void on(OrdersImported imported) {
        if (bundles.findsOnImport()) {
            bundles.find(imported.orderIds());
        }
    }
}
