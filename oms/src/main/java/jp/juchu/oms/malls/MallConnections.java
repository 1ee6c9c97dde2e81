package jp.juchu.oms.malls;

import java.util.List;
import java.util.Optional;
import jp.juchu.oms.malls.internal.ConnectionKeys;
import jp.juchu.oms.malls.internal.KeyVault;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's sales channels: the connections to shops on the malls (look-up for the other modules, status
 * changes, saving settings) and the merchant's own channels for orders entered by hand and read from CSV files, one
 * row each, so that every order belongs to a real channel.
 */
@Service
public class MallConnections {

    private static final String COLUMNS = """
            id, mall, shop_id, days_to_fetch, auto_fetch, fetch_interval_minutes, management_url, item_url, status,
            status_message, status_changed_at, write_back, open_key_hint, manager_key_hint, created_at, updated_at,
            fetch_on_notification
            """;

    private final JdbcClient jdbc;
    private final KeyVault vault;
    private final ConnectionKeys keys;
    private final ApplicationEventPublisher events;

    MallConnections(JdbcClient jdbc, KeyVault vault, ConnectionKeys keys, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.keys = keys;
        this.events = events;
    }

    /** The connections to shops on the malls (モール), without the merchant's own channels. */
    public List<MallConnection> all() {
        return jdbc.sql("select " + COLUMNS + " from mall_connection where mall not in (?, ?) order by id")
                .params(Mall.MANUAL.name(), Mall.CSV.name())
                .query(MallConnection.class)
                .list();
    }

    /** Every sales channel an order can come from: the mall connections, then the own channels. */
    public List<MallConnection> channels() {
        return jdbc.sql("select " + COLUMNS + " from mall_connection order by mall in (?, ?), id")
                .params(Mall.MANUAL.name(), Mall.CSV.name())
                .query(MallConnection.class)
                .list();
    }

    /** One of the merchant's own channels ({@link Mall#MANUAL}, {@link Mall#CSV}); the migrations create both. */
    public MallConnection ownChannel(Mall kind) {
        if (!kind.ownChannel()) {
            throw new IllegalArgumentException(kind + " is not an own channel");
        }
        return jdbc.sql("select " + COLUMNS + " from mall_connection where mall = ? order by id limit 1")
                .param(kind.name())
                .query(MallConnection.class)
                .single();
    }

    public Optional<MallConnection> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from mall_connection where id = ?")
                .param(id)
                .query(MallConnection.class)
                .optional();
    }

    public Optional<MallConnection> findByShopId(Mall mall, String shopId) {
        return jdbc.sql("select " + COLUMNS + " from mall_connection where mall = ? and shop_id = ?")
                .params(mall.name(), shopId)
                .query(MallConnection.class)
                .optional();
    }

    /**
     * Whether orders already shipped or completed at the shop when the OMS first reads them (history from before the
     * link) enter as 出荷済み rather than 新規受付 (モール詳細設定, on by default). False for an unknown connection.
     */
    public boolean finishedAsShipped(long id) {
        return jdbc.sql("select finished_as_shipped from mall_connection where id = ?")
                .param(id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public void setFinishedAsShipped(long id, boolean finishedAsShipped) {
        jdbc.sql("update mall_connection set finished_as_shipped = ?, updated_at = now() where id = ?")
                .params(finishedAsShipped, id)
                .update();
    }

    /**
     * オプション設定: switches a shop's scheduled fetching (自動取得) and its shipment reports (出荷実績の送信), the same flags
     * the import schedule and the write-back read.
     *
     * @throws IllegalArgumentException when there is no such shop (the OMS's own channels have neither switch)
     */
    @Transactional
    public void setSwitches(long id, boolean autoFetch, boolean writeBack) {
        MallConnection connection = find(id).filter(c -> !c.ownChannel())
                .orElseThrow(() -> new IllegalArgumentException("ショップ " + id + " はありません"));
        jdbc.sql("update mall_connection set auto_fetch = ?, write_back = ?, updated_at = now() where id = ?")
                .params(autoFetch, writeBack, connection.id())
                .update();
    }

    public void markKeyInvalid(long id, String message) {
        setStatus(id, ConnectionStatus.KEY_INVALID, message);
    }

    public void markHealthy(long id) {
        setStatus(id, ConnectionStatus.OK, null);
    }

    public void markError(long id, String message) {
        setStatus(id, ConnectionStatus.ERROR, message);
    }

    private void setStatus(long id, ConnectionStatus status, String message) {
        jdbc.sql("""
                        update mall_connection set status = ?, status_message = ?,
                            status_changed_at = case when status = ? then status_changed_at else now() end
                        where id = ?
                        """).params(status.name(), message, status.name(), id).update();
    }

    /**
     * Saves a connection's settings (new when {@code id} is null) with the status the caller verified, and
     * announces it. A blank key keeps the stored one.
     */
    @Transactional
    public MallConnection save(Long id, ConnectionSettings settings, ConnectionStatus status) {
        long saved;
        if (id == null) {
            saved = jdbc.sql("""
                            insert into mall_connection (mall, shop_id, open_key_enc, manager_key_enc, open_key_hint,
                                manager_key_hint, days_to_fetch, auto_fetch, fetch_interval_minutes, management_url,
                                item_url, status, write_back, fetch_on_notification)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                            """)
                    .params(
                            Mall.SHOP_SERVE.name(),
                            settings.shopId(),
                            vault.encrypt(settings.openKey()),
                            vault.encrypt(settings.managerKey()),
                            hint(settings.openKey()),
                            hint(settings.managerKey()),
                            settings.daysToFetch(),
                            settings.autoFetch(),
                            settings.fetchIntervalMinutes(),
                            settings.managementUrl(),
                            settings.itemUrl(),
                            status.name(),
                            settings.writeBack(),
                            settings.fetchOnNotification())
                    .query(Long.class)
                    .single();
        } else {
            saved = id;
            jdbc.sql("""
                            update mall_connection set shop_id = ?, days_to_fetch = ?, auto_fetch = ?,
                                fetch_interval_minutes = ?, management_url = ?, item_url = ?, status = ?,
                                write_back = ?, fetch_on_notification = ?, status_message = null,
                                status_changed_at = now(), updated_at = now()
                            where id = ?
                            """)
                    .params(
                            settings.shopId(),
                            settings.daysToFetch(),
                            settings.autoFetch(),
                            settings.fetchIntervalMinutes(),
                            settings.managementUrl(),
                            settings.itemUrl(),
                            status.name(),
                            settings.writeBack(),
                            settings.fetchOnNotification(),
                            id)
                    .update();
            if (present(settings.openKey())) {
                jdbc.sql("update mall_connection set open_key_enc = ?, open_key_hint = ? where id = ?")
                        .params(vault.encrypt(settings.openKey()), hint(settings.openKey()), id)
                        .update();
            }
            if (present(settings.managerKey())) {
                jdbc.sql("update mall_connection set manager_key_enc = ?, manager_key_hint = ? where id = ?")
                        .params(vault.encrypt(settings.managerKey()), hint(settings.managerKey()), id)
                        .update();
            }
        }
        events.publishEvent(new MallConnectionSaved(saved));
        return find(saved).orElseThrow();
    }

    /** The stored keys, decrypted for a call; they never leave this module. */
    ConnectionKeys.Credentials credentials(long id) {
        return keys.credentials(id);
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String hint(String key) {
        return key.substring(0, Math.min(4, key.length()));
    }
}
