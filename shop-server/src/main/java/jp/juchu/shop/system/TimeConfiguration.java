package jp.juchu.shop.system;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shops trade in Japan: every date the platform shows or reasons about is Asia/Tokyo. */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Bean
    Clock clock() {
        return Clock.system(TOKYO);
    }
}
