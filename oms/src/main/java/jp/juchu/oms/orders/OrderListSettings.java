package jp.juchu.oms.orders;

import java.util.List;

/**
 * How the order list (受注一覧) opens (各種設定 › その他設定).
 *
 * @param pageSize orders per page, one of {@link #PAGE_SIZES}
 * @param defaultSort the sort when the merchant has not chosen one, one of {@link OrderFilter#SORTS}
 */
public record OrderListSettings(int pageSize, String defaultSort) {

    public static final List<Integer> PAGE_SIZES = List.of(20, 50, 100, 200);

    /** The sorts in the order the settings page offers them. */
    public static final List<String> SORTS =
            List.of("date", "date_asc", "number", "number_desc", "buyer", "buyer_desc", "total", "total_asc");

    public OrderListSettings {
        if (!PAGE_SIZES.contains(pageSize)) {
            throw new IllegalArgumentException("受注一覧の表示件数: 20・50・100・200件から選んでください");
        }
        if (defaultSort == null || !OrderFilter.SORTS.contains(defaultSort)) {
            throw new IllegalArgumentException("受注一覧の並び順: 一覧から選んでください");
        }
    }
}
