package jp.juchu.oms.malls;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A page of the shop's order search: the window's total (null when the shop does not count again on pages
 * read after a cursor), the shop's clock at the search, the orders, and the cursor for the next page when
 * the shop offers one.
 */
public record OrderPage(Long totalCount, OffsetDateTime searchedAt, List<RawOrder> orders, String nextSearchAfter) {}
