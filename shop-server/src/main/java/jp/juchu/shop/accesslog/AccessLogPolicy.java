package jp.juchu.shop.accesslog;

/** A shop's choice: log its storefront or not, and for how many days to keep the logs (1–365). */
public record AccessLogPolicy(boolean enabled, int retentionDays) {

    public static final int MAX_RETENTION_DAYS = 365;

    public static boolean validRetention(Integer days) {
        return days != null && days >= 1 && days <= MAX_RETENTION_DAYS;
    }
}
