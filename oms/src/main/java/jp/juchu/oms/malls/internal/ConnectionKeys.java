package jp.juchu.oms.malls.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A connection's stored API access, decrypted for a call. Only the {@code malls} module reaches it (it is internal),
 * so the keys never leave the module: a connector reads them here just before it calls its mall.
 */
@Component
public class ConnectionKeys {

    private final JdbcClient jdbc;
    private final KeyVault vault;

    ConnectionKeys(JdbcClient jdbc, KeyVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** A shop's API access; {@code toString} never shows the keys. */
    public record Credentials(String shopId, String openKey, String managerKey, String managementUrl, String itemUrl) {
        @Override
        public String toString() {
            return "Credentials[shopId=" + shopId + ", keys=****]";
        }
    }

    /**
     * @throws IllegalArgumentException when there is no such connection, or it keeps no keys (an own channel)
     */
    public Credentials credentials(long connectionId) {
        record Stored(String shopId, String openKeyEnc, String managerKeyEnc, String managementUrl, String itemUrl) {}
        Stored stored = jdbc.sql(
                        "select shop_id, open_key_enc, manager_key_enc, management_url, item_url from mall_connection where id = ?")
                .param(connectionId)
                .query(Stored.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no connection " + connectionId));
        if (stored.openKeyEnc() == null || stored.managerKeyEnc() == null) {
            throw new IllegalArgumentException("connection " + connectionId + " keeps no API keys");
        }
        return new Credentials(
                stored.shopId(),
                vault.decrypt(stored.openKeyEnc()),
                vault.decrypt(stored.managerKeyEnc()),
                stored.managementUrl(),
                stored.itemUrl());
    }
}
