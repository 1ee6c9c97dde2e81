package jp.juchu.oms.malls;

import java.time.OffsetDateTime;

/**
 * A shop of the merchant's on a mall and how the OMS reaches it (APIアクセス設定). The keys are not part of
 * it: they stay encrypted inside this module.
 *
 * @param daysToFetch days of orders the first fetch reads (受注を取得する日数)
 * @param autoFetch whether orders are fetched on a schedule (自動取得)
 * @param fetchIntervalMinutes the schedule's interval
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
        OffsetDateTime updatedAt) {}
