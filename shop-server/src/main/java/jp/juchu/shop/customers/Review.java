package jp.juchu.shop.customers;

import java.time.OffsetDateTime;

/** A product review (商品レビュー): a rating from 1 to 5 with its text. */
public record Review(
        long id,
        String itemCode,
        int rating,
        String title,
        String body,
        String nickname,
        OffsetDateTime postedAt,
        boolean published) {}
