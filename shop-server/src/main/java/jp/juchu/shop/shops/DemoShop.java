package jp.juchu.shop.shops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code shop.demo.enabled}, the first start opens the demo shop and a second one selling the same products;
 * later starts keep what is there.
 */
@Component
class DemoShop {

    private static final Logger log = LoggerFactory.getLogger(DemoShop.class);

    private final Shops shops;
    private final ShopSettings settings;

    DemoShop(Shops shops, ShopSettings settings) {
        this.shops = shops;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void openOnFirstStart() {
        ShopSettings.Demo demo = settings.demo();
        if (!demo.enabled()) {
            return;
        }
        open(demo.shopId(), demo.name(), demo.password());
        if (demo.secondShopId() != null && !demo.secondShopId().isBlank()) {
            open(demo.secondShopId(), demo.secondName(), demo.password());
        }
    }

    private void open(String shopId, String name, String password) {
        if (shops.exists(shopId)) {
            return;
        }
        log.info("Opening the demo shop {} ({})", shopId, name);
        shops.openDemo(shopId, name, password);
        log.info("Demo shop ready: admin login with shop ID {}", shopId);
    }
}
