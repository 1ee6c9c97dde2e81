package jp.juchu.shop.orders;

import java.util.List;

/** A page of the admin order list. */
public record AdminOrderList(List<Order> orders, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
