package jp.juchu.shop.shops;

import java.time.OffsetDateTime;

/**
 * A shop on the platform (店舗).
 *
 * @param shopId half-width shop ID, e.g. {@code sptest18pj}
 * @param name the shop's name (店の名前)
 * @param productLimit how many products the shop's plan allows (商品数の上限)
 */
public record Shop(String shopId, String name, int productLimit, OffsetDateTime createdAt) {}
