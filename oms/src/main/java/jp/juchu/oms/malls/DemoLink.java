package jp.juchu.oms.malls;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo links itself: with {@code oms.demo.enabled}, the shop server's demo shops (whose keys the shop
 * server wrote to a hand-off file) become connections with automatic fetch on, unless they exist.
 */
@Component
class DemoLink {

    private static final Logger log = LoggerFactory.getLogger(DemoLink.class);

    /**
     * @param enabled link the demo shop on start
     * @param handoffFile the shop server demo's file with shop ID, keys and API URLs
     */
    @ConfigurationProperties("oms.demo")
    record DemoSettings(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("./data/demo-shop.properties") Path handoffFile) {}

    private final DemoSettings settings;
    private final MallConnections connections;
    private final ConnectionSetup setup;

    DemoLink(DemoSettings settings, MallConnections connections, ConnectionSetup setup) {
        this.settings = settings;
        this.connections = connections;
        this.setup = setup;
    }

    /** Before the other modules' demo data (which use the connections): order 0. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void linkDemoShop() {
        if (!settings.enabled()) {
            return;
        }
        Path file = settings.handoffFile();
        if (!Files.exists(file)) {
            log.info("No demo hand-off file at {}; the demo shop is not linked", file.toAbsolutePath());
            return;
        }
        Properties demo = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            demo.load(reader);
        } catch (IOException e) {
            log.warn("Could not read the demo hand-off file {}", file.toAbsolutePath());
            return;
        }
        String listed = demo.getProperty("shops");
        if (listed == null || listed.isBlank()) {
            link(demo, "");
            return;
        }
        for (String shopId : listed.split(",")) {
            if (!shopId.isBlank()) {
                link(demo, shopId.strip() + ".");
            }
        }
    }

    /** One shop of the hand-off, its properties under {@code prefix}, unless it is linked already. */
    private void link(Properties demo, String prefix) {
        String shopId = demo.getProperty(prefix + "shop-id");
        if (shopId == null || connections.findByShopId(Mall.SHOP_SERVE, shopId).isPresent()) {
            return;
        }
        ConnectionSettings connection = new ConnectionSettings(
                shopId,
                demo.getProperty(prefix + "open-key"),
                demo.getProperty(prefix + "manager-key"),
                7,
                true,
                30,
                demo.getProperty(prefix + "management-url"),
                demo.getProperty(prefix + "item-url"));
        ConnectionSetup.Result result = setup.verifyAndSave(null, connection);
        if (!result.saved()) {
            setup.saveUnverified(connection);
        }
        log.info("Linked the demo shop {} (automatic fetch every 30 minutes)", shopId);
    }
}
