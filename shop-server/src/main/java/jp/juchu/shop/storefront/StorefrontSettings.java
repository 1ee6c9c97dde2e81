package jp.juchu.shop.storefront;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The storefront's platform settings; each shop's fees, payment methods and delivery dates are its own
 * (お店設定, module {@code settings}).
 *
 * @param mailFrom sender of the order-confirmation mail
 * @param mailDir where mails are written as {@code .eml} files when no SMTP host is configured
 */
@ConfigurationProperties("shop.storefront")
public record StorefrontSettings(
        @DefaultValue("order@shop.juchu.example") String mailFrom,
        @DefaultValue("./data/mail") Path mailDir) {}
