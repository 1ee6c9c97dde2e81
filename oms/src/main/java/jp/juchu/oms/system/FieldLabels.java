package jp.juchu.oms.system;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A form field's name as the merchant reads it: {@code destinations[1].name} is looked up as
 * {@code field.destinations.name} (indexes dropped) and shown with its position, else the name itself.
 */
final class FieldLabels {

    private FieldLabels() {}

    static String label(MessageSource messages, String parameter, Locale locale) {
        String key = "field." + parameter.replaceAll("\\[[^]]*]", "");
        String label = messages.getMessage(key, null, null, locale);
        if (label == null) {
            return parameter;
        }
        java.util.regex.Matcher index =
                java.util.regex.Pattern.compile("\\[(\\d{1,9})]").matcher(parameter);
        StringBuilder positions = new StringBuilder();
        while (index.find()) {
            positions.append(positions.isEmpty() ? " " : "-").append(Integer.parseInt(index.group(1)) + 1);
        }
        return label + positions;
    }
}
