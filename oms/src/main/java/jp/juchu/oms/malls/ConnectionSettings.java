package jp.juchu.oms.malls;

/**
 * What the merchant enters on "APIアクセス設定". A blank key when editing keeps the stored one.
 *
 * @param writeBack whether shipments (carrier, tracking number) are reported to the shop (出荷連絡)
 */
public record ConnectionSettings(
        String shopId,
        String openKey,
        String managerKey,
        int daysToFetch,
        boolean autoFetch,
        int fetchIntervalMinutes,
        String managementUrl,
        String itemUrl,
        boolean writeBack) {

    /** Settings with the write-back on, as a new connection has it. */
    public ConnectionSettings(
            String shopId,
            String openKey,
            String managerKey,
            int daysToFetch,
            boolean autoFetch,
            int fetchIntervalMinutes,
            String managementUrl,
            String itemUrl) {
        this(shopId, openKey, managerKey, daysToFetch, autoFetch, fetchIntervalMinutes, managementUrl, itemUrl, true);
    }
}
