package jp.juchu.oms.customers;

/** What a person may edit on a customer (顧客情報の編集). Blank values are stored as empty. */
public record CustomerChange(
        String name,
        String kana,
        String email,
        String phone,
        String postalCode,
        String prefecture,
        String address,
        String note) {}
