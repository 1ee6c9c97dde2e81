package jp.juchu.shop.customers;

import java.time.OffsetDateTime;

/** A member (会員) of a shop: the account they sign in with, their details and their points balance. */
public record Member(
        String shopId,
        String account,
        String name,
        String kana,
        String email,
        String phone,
        String postalCode,
        String prefecture,
        String address1,
        String address2,
        long points,
        OffsetDateTime registeredAt) {}
