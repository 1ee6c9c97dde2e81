package jp.juchu.shop.orders;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A page of an order search: the total of the window (null on pages read after a cursor, where counting
 * again would cost a scan per page), the server's clock at the search, the orders, and the cursor for the
 * next page (null on the last page).
 */
public record OrderPage(Long totalCount, OffsetDateTime searchedAt, List<Order> orders, Long nextSearchAfter) {}
