package jp.juchu.shop.system;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The error page's specific reason: code that refuses a request with a status may leave a message code in
 * {@link #ATTRIBUTE}; the page ({@code error.html}) shows that message instead of the general one. The
 * exception's own text never reaches the page.
 */
@Component
public class ErrorReasons extends DefaultErrorAttributes {

    public static final String ATTRIBUTE = ErrorReasons.class.getName() + ".reason";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object reason = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (reason instanceof String code) {
            attributes.put("reason", code);
        }
        return attributes;
    }
}
