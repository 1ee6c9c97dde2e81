package jp.juchu.oms.orders.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import jp.juchu.oms.orders.OrderFilter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/** Reads an order list query string (as {@link OrderFilter#query()} wrote it) back into a filter. */
final class OrderFilters {

    private OrderFilters() {}

    static OrderFilter parse(String query) {
        MultiValueMap<String, String> p = UriComponentsBuilder.fromUriString(
                        query.startsWith("?") ? query : "?" + query)
                .build()
                .getQueryParams();
        return new OrderFilter(
                text(p, "status"),
                text(p, "keyword"),
                date(p, "from"),
                date(p, "to"),
                text(p, "payment"),
                "true".equals(text(p, "alerts")),
                number(p, "shop"),
                text(p, "paid"),
                text(p, "shipped"),
                text(p, "item"),
                number(p, "min"),
                number(p, "max"),
                text(p, "sort"));
    }

    private static String text(MultiValueMap<String, String> p, String name) {
        String value = p.getFirst(name);
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static LocalDate date(MultiValueMap<String, String> p, String name) {
        String value = text(p, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("検索条件の日付が読めません: " + name + "=" + value);
        }
    }

    private static Long number(MultiValueMap<String, String> p, String name) {
        String value = text(p, name);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("検索条件の数値が読めません: " + name + "=" + value);
        }
    }
}
