package jp.juchu.shop.system;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * What every form field and request parameter of every controller (admin, storefront, API) goes through
 * when Spring binds it: text with a control character is refused as a type mismatch of that field
 * (message {@code typeMismatch.java.lang.String}; outside forms a 400, answered by the API's problem
 * handler, which also answers the pages' framework errors). Form list indexes are bounded before binding,
 * by {@link FormListIndexes}.
 */
@ControllerAdvice
class InputBinding {

    @InitBinder
    void bind(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new NoControlCharacters());
    }

    /** A new one per binder: property editors keep their value. */
    private static final class NoControlCharacters extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (InputRules.hasControlCharacters(text)) {
                throw new IllegalArgumentException("control character");
            }
            setValue(text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
