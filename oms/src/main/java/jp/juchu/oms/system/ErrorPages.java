package jp.juchu.oms.system;

import java.util.Map;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The error page says what was wrong in the merchant's words when the OMS knows it ({@code detail}); the request
 * gate ({@link RequestLimits}) runs before Spring Security, so the CSRF check can read an upload's token.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPages {

    /** Before Spring Security (-100), after the character encoding filter. */
    private static final int BEFORE_SECURITY = -150;

    @Bean
    RequestLimits requestLimits(MessageSource messages, LocaleResolver locales, MultipartProperties multipart) {
        return new RequestLimits(
                messages, locales, multipart.getMaxFileSize(), multipart.getMaxRequestSize(), BEFORE_SECURITY);
    }

    @Bean
    ErrorAttributes errorAttributes() {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                Map<String, Object> attributes = super.getErrorAttributes(request, options);
                Object detail = request.getAttribute(RequestLimits.DETAIL, RequestAttributes.SCOPE_REQUEST);
                if (detail != null) {
                    attributes.put("detail", detail);
                }
                return attributes;
            }
        };
    }
}
