package jp.juchu.oms.orders;

import java.time.LocalDate;

/**
 * What the order list (受注一覧) shows: a workflow status tab and filters, each optional.
 *
 * @param keyword part of the order number, buyer name or kana, phone, e-mail or address
 * @param from first order day (Asia/Tokyo), inclusive
 * @param to last order day, inclusive
 * @param alertsOnly only orders with an alert (要確認)
 */
public record OrderFilter(
        String status, String keyword, LocalDate from, LocalDate to, String paymentMethod, boolean alertsOnly) {

    public static OrderFilter none() {
        return new OrderFilter(null, null, null, null, null, false);
    }
}
