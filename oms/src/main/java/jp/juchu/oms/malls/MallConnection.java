package jp.juchu.oms.malls;

import java.time.OffsetDateTime;

/**
 * A sales channel: a shop of the merchant's on a mall and how the OMS reaches it (APIアクセス設定), or one of the
 * merchant's own channels ({@link Mall#ownChannel()}: 受注登録, データ取込), which has no keys, URLs nor fetching. The
 * keys are not part of it: they stay encrypted inside this module.
 *
 * @param daysToFetch days of orders the first fetch reads (受注を取得する日数)
 * @param autoFetch whether orders are fetched on a schedule (自動取得)
 * @param fetchIntervalMinutes the schedule's interval (with {@code fetchOnNotification}, the safety poll's)
 * @param fetchOnNotification "通知で取得": a run starts when the shop notifies a change, besides the schedule
 */
public record MallConnection(
        long id,
        Mall mall,
        String shopId,
        int daysToFetch,
        boolean autoFetch,
        int fetchIntervalMinutes,
        String managementUrl,
        String itemUrl,
        ConnectionStatus status,
        String statusMessage,
        OffsetDateTime statusChangedAt,
        boolean writeBack,
        String openKeyHint,
        String managerKeyHint,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        boolean fetchOnNotification) {

    /** Whether this is one of the merchant's own channels rather than a shop on a mall. */
    public boolean ownChannel() {
        return mall.ownChannel();
    }
}
