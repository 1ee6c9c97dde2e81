package jp.juchu.oms.home;

/**
 * One line of the day's work on ホーム: what waits (失敗したメール 3件), how many, and the page that lists them.
 *
 * @param link an address inside the OMS, e.g. {@code /orders?status=AWAITING_STOCK}
 */
public record WorkItem(String label, long count, String link) {}
