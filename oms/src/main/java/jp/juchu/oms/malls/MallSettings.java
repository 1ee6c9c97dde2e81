package jp.juchu.oms.malls;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param masterKey base64 AES-256 key encrypting the stored API keys; when absent one is generated into
 *     {@code masterKeyFile} on first start and read from there afterwards
 * @param masterKeyFile where a generated master key is kept
 * @param connectTimeout how long to wait for a connection to the shop's API
 * @param readTimeout how long to wait for an answer (order pages can be large)
 * @param defaultManagementUrl the platform's management API host
 * @param defaultItemUrl the platform's item (open) API host
 */
@ConfigurationProperties("oms.malls")
public record MallSettings(
        String masterKey,
        @DefaultValue("./data/oms/master.key") Path masterKeyFile,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("https://management.api.shopserve.jp") String defaultManagementUrl,
        @DefaultValue("https://item.api.shopserve.jp") String defaultItemUrl) {}
