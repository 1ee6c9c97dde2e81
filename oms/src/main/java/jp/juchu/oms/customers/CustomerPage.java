package jp.juchu.oms.customers;

import java.util.List;

/** One page of the customer list (顧客一覧). */
public record CustomerPage(List<Customer> rows, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
