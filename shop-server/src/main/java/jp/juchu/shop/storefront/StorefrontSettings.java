package jp.juchu.shop.storefront;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param earliestDeliveryDays the first delivery date a buyer may ask for, in days from today
 * @param deliveryDaysOffered how many delivery dates the checkout offers from the earliest one
 * @param mailFrom sender of the order-confirmation mail
 * @param mailDir where mails are written as {@code .eml} files when no SMTP host is configured
 * @param shipping the rule of a shop that has not set its own
 */
@ConfigurationProperties("shop.storefront")
public record StorefrontSettings(
        @DefaultValue("3") int earliestDeliveryDays,
        @DefaultValue("14") int deliveryDaysOffered,
        @DefaultValue("order@shop.juchu.example") String mailFrom,
        @DefaultValue("./data/mail") Path mailDir,
        @DefaultValue Shipping shipping) {

    /**
     * @param flatFee shipping fee per destination (yen)
     * @param freeOver items total from which shipping is free (remote extras still apply)
     * @param remoteExtra added per destination in a remote prefecture
     * @param giftWrappingFee per destination with gift wrapping
     */
    public record Shipping(
            @DefaultValue("800") int flatFee,
            @DefaultValue("10000") int freeOver,
            @DefaultValue("1000") int remoteExtra,
            @DefaultValue("330") int giftWrappingFee) {}
}
