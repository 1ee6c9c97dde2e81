package jp.juchu.shop;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** The shop platform (ショップサーバ): merchant admin, storefront and the platform API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "system")
public class ShopServerApplication {

    public static void main(String[] args) {
        // Merchants and buyers are in Japan: every time is shown and reasoned about in Asia/Tokyo.
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        SpringApplication.run(ShopServerApplication.class, args);
    }
}
