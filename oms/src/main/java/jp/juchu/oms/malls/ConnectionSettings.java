package jp.juchu.oms.malls;

/**
 * What the merchant enters on "APIアクセス設定". A blank key when editing keeps the stored one.
 *
 * @param writeBack whether shipments (carrier, tracking number) are reported to the shop (出荷連絡)
 * @param fetchIntervalMinutes the automatic fetch's interval: 1, 5, 10, 15, 30 or 60 minutes
 * @param fetchOnNotification "通知で取得": fetch when the shop notifies a change; the interval's poll stays as a safety net
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
        boolean writeBack,
        boolean fetchOnNotification) {

    /** The automatic fetch's intervals a merchant may choose, in minutes. */
    public static final java.util.List<Integer> INTERVALS = java.util.List.of(1, 5, 10, 15, 30, 60);

    /** The safety poll's interval of a connection that fetches on notification. */
    public static final int SAFETY_POLL_MINUTES = 30;

    public ConnectionSettings {
        if (!INTERVALS.contains(fetchIntervalMinutes)) {
            throw new IllegalArgumentException(
                    "fetch interval must be one of " + INTERVALS + ": " + fetchIntervalMinutes);
        }
    }

    /** Settings that poll at the interval only. */
    public ConnectionSettings(
            String shopId,
            String openKey,
            String managerKey,
            int daysToFetch,
            boolean autoFetch,
            int fetchIntervalMinutes,
            String managementUrl,
            String itemUrl,
            boolean writeBack) {
        this(
                shopId,
                openKey,
                managerKey,
                daysToFetch,
                autoFetch,
                fetchIntervalMinutes,
                managementUrl,
                itemUrl,
                writeBack,
                false);
    }

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
