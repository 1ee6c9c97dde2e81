package jp.juchu.shop.accesslog;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir where the daily logs are written, one directory per shop
 * @param defaultEnabled whether a shop that has not chosen logs its storefront
 * @param defaultRetentionDays how many days of logs a shop that has not chosen keeps
 * @param cleanupCron when logs past their retention are deleted (Asia/Tokyo)
 */
@ConfigurationProperties("shop.accesslog")
public record AccessLogSettings(
        @DefaultValue("./data/access-logs") Path dir,
        @DefaultValue("true") boolean defaultEnabled,
        @DefaultValue("30") int defaultRetentionDays,
        @DefaultValue("0 30 3 * * *") String cleanupCron) {}
