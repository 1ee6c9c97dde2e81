package jp.juchu.shop.system;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The error page's specific reason: code that refuses a request with a status may leave a message code in
 * {@link #ATTRIBUTE} and the field or parameter it concerns in {@link #FIELD}; the page ({@code error.html}) shows
 * that message, naming the field, instead of the general one. The exception's own text never reaches the page.
 */
@Component
public class ErrorReasons extends DefaultErrorAttributes {

    public static final String ATTRIBUTE = ErrorReasons.class.getName() + ".reason";
    public static final String FIELD = ErrorReasons.class.getName() + ".field";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object reason = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (reason instanceof String code) {
            attributes.put("reason", code);
            if (request.getAttribute(FIELD, RequestAttributes.SCOPE_REQUEST) instanceof String field) {
                attributes.put("reasonField", field);
            }
        }
        return attributes;
    }
}
