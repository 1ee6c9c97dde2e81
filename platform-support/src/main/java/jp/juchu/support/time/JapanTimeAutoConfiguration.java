package jp.juchu.support.time;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Gives templates {@code @jst} to format times in Japan time. */
@AutoConfiguration
public class JapanTimeAutoConfiguration {

    @Bean("jst")
    JapanTime jst() {
        return new JapanTime();
    }
}
