package jp.juchu.shop.accesslog;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The storefront's access log filter, around the security filters so refused requests are logged too. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AccessLogConfiguration {

    @Bean
    FilterRegistrationBean<AccessLogFilter> accessLogFilter(AccessLog accessLog, Clock clock) {
        FilterRegistrationBean<AccessLogFilter> registration =
                new FilterRegistrationBean<>(new AccessLogFilter(accessLog, clock));
        registration.addUrlPatterns("/shops/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
