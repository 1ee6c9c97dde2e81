package jp.juchu.shop.orders;

import java.time.OffsetDateTime;
import java.util.List;

/** A page of an order search, with the total of the window and the server's clock at the search. */
public record OrderPage(long totalCount, OffsetDateTime searchedAt, List<Order> orders) {}
