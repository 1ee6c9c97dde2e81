package jp.juchu.oms.malls;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The merchant's mall connections: look-up for the other modules, status changes, and saving settings. */
@Service
public class MallConnections {

    private static final String COLUMNS = """
            id, mall, shop_id, days_to_fetch, auto_fetch, fetch_interval_minutes, management_url, item_url, status,
            status_message, status_changed_at, write_back, open_key_hint, manager_key_hint, created_at, updated_at
            """;

    private final JdbcClient jdbc;
    private final KeyVault vault;
    private final ApplicationEventPublisher events;

    MallConnections(JdbcClient jdbc, KeyVault vault, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.events = events;
    }

    public List<MallConnection> all() {
        return jdbc.sql("select " + COLUMNS + " from mall_connection order by id")
                .query(MallConnection.class)
                .list();
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
                                item_url, status, write_back)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
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
                            settings.writeBack())
                    .query(Long.class)
                    .single();
        } else {
            saved = id;
            jdbc.sql("""
                            update mall_connection set shop_id = ?, days_to_fetch = ?, auto_fetch = ?,
                                fetch_interval_minutes = ?, management_url = ?, item_url = ?, status = ?,
                                write_back = ?, status_message = null, status_changed_at = now(), updated_at = now()
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
    Credentials credentials(long id) {
        record Stored(String shopId, String openKeyEnc, String managerKeyEnc, String managementUrl, String itemUrl) {}
        Stored stored = jdbc.sql(
                        "select shop_id, open_key_enc, manager_key_enc, management_url, item_url from mall_connection where id = ?")
                .param(id)
                .query(Stored.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no connection " + id));
        return new Credentials(
                stored.shopId(),
                vault.decrypt(stored.openKeyEnc()),
                vault.decrypt(stored.managerKeyEnc()),
                stored.managementUrl(),
                stored.itemUrl());
    }

    /** A shop's API access; {@code toString} never shows the keys. */
    record Credentials(String shopId, String openKey, String managerKey, String managementUrl, String itemUrl) {
        @Override
        public String toString() {
            return "Credentials[shopId=" + shopId + ", keys=****]";
        }
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String hint(String key) {
        return key.substring(0, Math.min(4, key.length()));
    }
}
