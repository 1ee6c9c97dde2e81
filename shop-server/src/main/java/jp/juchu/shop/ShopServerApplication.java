package jp.juchu.shop;

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
        SpringApplication.run(ShopServerApplication.class, args);
    }
}
