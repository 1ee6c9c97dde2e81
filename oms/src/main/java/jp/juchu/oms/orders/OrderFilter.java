package jp.juchu.oms.orders;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the order list (受注一覧) shows: a workflow status tab, filters (each optional) and a sort. Bound from the
 * list's query string, and written back to one ({@link #query()}) for paging links and saved searches.
 *
 * @param keyword part of the order number, buyer name or kana, phone, e-mail or address
 * @param from first order day (Asia/Tokyo), inclusive
 * @param to last order day, inclusive
 * @param payment payment method ({@code CashOnDelivery} …)
 * @param alerts only orders with an alert (要確認)
 * @param shop a mall connection's id
 * @param paid the shop's payment state ({@code Paid} / {@code Unpaid})
 * @param shipped the shop's shipping state ({@code Shipped} / {@code NotShipped})
 * @param item a product code one of the order's items has
 * @param min lowest total, yen
 * @param max highest total, yen
 * @param sort one of {@link #SORTS}; newest first when absent
 */
public record OrderFilter(
        String status,
        String keyword,
        LocalDate from,
        LocalDate to,
        String payment,
        boolean alerts,
        Long shop,
        String paid,
        String shipped,
        String item,
        Long min,
        Long max,
        String sort) {

    public static final Set<String> SORTS =
            Set.of("date", "date_asc", "total", "total_asc", "number", "number_desc", "buyer", "buyer_desc");

    public static OrderFilter none() {
        return new OrderFilter(null, null, null, null, null, false, null, null, null, null, null, null, null);
    }

    public OrderFilter withStatus(String status) {
        return new OrderFilter(status, keyword, from, to, payment, alerts, shop, paid, shipped, item, min, max, sort);
    }

    public OrderFilter withSort(String sort) {
        return new OrderFilter(status, keyword, from, to, payment, alerts, shop, paid, shipped, item, min, max, sort);
    }

    /** The sort in effect: a known one, else newest first. */
    public String sortOrDefault() {
        return sort != null && SORTS.contains(sort) ? sort : "date";
    }

    /** True when only a status tab (or nothing) narrows the list, so its size is the tab's count. */
    public boolean onlyStatus() {
        return blank(keyword)
                && from == null
                && to == null
                && blank(payment)
                && !alerts
                && shop == null
                && blank(paid)
                && blank(shipped)
                && blank(item)
                && min == null
                && max == null;
    }

    /** The filter as a query string ({@code ?status=NEW&q=…}), without the empty parts; "" for no filter. */
    public String query() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("status", status);
        parts.put("keyword", keyword);
        parts.put("from", from);
        parts.put("to", to);
        parts.put("payment", payment);
        parts.put("alerts", alerts ? "true" : null);
        parts.put("shop", shop);
        parts.put("paid", paid);
        parts.put("shipped", shipped);
        parts.put("item", item);
        parts.put("min", min);
        parts.put("max", max);
        parts.put("sort", sort);
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        parts.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam(name, value);
            }
        });
        return uri.encode().build().toUriString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
