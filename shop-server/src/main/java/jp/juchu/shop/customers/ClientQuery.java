package jp.juchu.shop.customers;

/** A client search (顧客検索): every part optional; name and kana match partly, ignoring spaces. */
public record ClientQuery(String email, String account, String name, String kana, String phone) {

    public boolean isEmpty() {
        return blank(email) && blank(account) && blank(name) && blank(kana) && blank(phone);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
