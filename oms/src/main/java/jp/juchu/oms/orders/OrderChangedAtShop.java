package jp.juchu.oms.orders;

import java.util.List;

/** The shop changed an order the OMS already had (paid, address, items …). */
public record OrderChangedAtShop(long orderId, long connectionId, String serialCode, List<String> changes) {}
