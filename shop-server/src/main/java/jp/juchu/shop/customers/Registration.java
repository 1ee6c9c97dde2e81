package jp.juchu.shop.customers;

/** What a buyer gives to become a member; the password is stored hashed. */
public record Registration(
        String account,
        String password,
        String name,
        String kana,
        String email,
        String phone,
        String postalCode,
        String prefecture,
        String address1,
        String address2) {}
