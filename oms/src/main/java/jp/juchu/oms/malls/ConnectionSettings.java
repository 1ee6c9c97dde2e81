package jp.juchu.oms.malls;

/**
 * What the merchant enters on "APIアクセス設定". A blank key when editing keeps the stored one.
 */
public record ConnectionSettings(
        String shopId,
        String openKey,
        String managerKey,
        int daysToFetch,
        boolean autoFetch,
        int fetchIntervalMinutes,
        String managementUrl,
        String itemUrl) {}
