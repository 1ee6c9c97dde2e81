package jp.juchu.shop.shops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** With {@code shop.demo.enabled}, the first start opens the demo shop; later starts keep what is there. */
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
        if (!demo.enabled() || shops.exists(demo.shopId())) {
            return;
        }
        log.info("Opening the demo shop {} ({})", demo.shopId(), demo.name());
        shops.openDemo(demo.shopId(), demo.name(), demo.password());
        log.info("Demo shop ready: admin login with shop ID {}", demo.shopId());
    }
}
