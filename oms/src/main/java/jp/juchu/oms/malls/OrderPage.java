package jp.juchu.oms.malls;

import java.time.OffsetDateTime;
import java.util.List;

/** A page of the shop's order search: the window's total, the shop's clock at the search, the orders. */
public record OrderPage(long totalCount, OffsetDateTime searchedAt, List<RawOrder> orders) {}
