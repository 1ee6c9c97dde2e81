package jp.juchu.oms;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** The merchant's back office (受注管理システム): mall connections, order import, workflow, shipping, stock. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "system")
public class OmsApplication {

    public static void main(String[] args) {
        // Merchants and buyers are in Japan: every time is shown and reasoned about in Asia/Tokyo.
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        SpringApplication.run(OmsApplication.class, args);
    }
}
