package jp.juchu.oms.notifications;

import jp.juchu.oms.malls.MallConnectionSaved;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.malls.MallNotifications;
import jp.juchu.oms.malls.ShopApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When the merchant saves a connection (its keys checked), the OMS registers its endpoint at the shop, if the
 * platform offers notifications, and keeps the secret the shop gives. A shop that cannot be asked just now leaves the
 * connection on its poll; the next save tries again.
 */
@Component
class NotificationRegistration {

    private static final Logger log = LoggerFactory.getLogger(NotificationRegistration.class);

    private final MallConnections connections;
    private final MallNotifications notifications;
    private final NotificationSettings settings;
    private volatile int localPort = 8080;

    NotificationRegistration(
            MallConnections connections, MallNotifications notifications, NotificationSettings settings) {
        this.connections = connections;
        this.notifications = notifications;
        this.settings = settings;
    }

    @EventListener
    void on(WebServerInitializedEvent started) {
        localPort = started.getWebServer().getPort();
    }

    @ApplicationModuleListener
    void on(MallConnectionSaved saved) {
        if (!settings.register()) {
            return;
        }
        connections.find(saved.connectionId()).filter(c -> !c.ownChannel()).ifPresent(connection -> {
            String url = endpointUrl(connection.id());
            try {
                boolean offered = notifications.subscribe(connection.id(), url);
                log.info(
                        offered
                                ? "Connection {} receives change notifications at {}"
                                : "Connection {}: the shop offers no change notifications; the poll imports ({})",
                        connection.id(),
                        url);
            } catch (ShopApiException e) {
                log.warn(
                        "Connection {}: could not register change notifications ({}); the poll imports meanwhile",
                        connection.id(),
                        e.getMessage());
            }
        });
    }

    String endpointUrl(long connectionId) {
        String base = settings.baseUrl() == null || settings.baseUrl().isBlank()
                ? "http://localhost:" + localPort
                : settings.baseUrl().strip();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/notifications/"
                + connectionId;
    }
}
