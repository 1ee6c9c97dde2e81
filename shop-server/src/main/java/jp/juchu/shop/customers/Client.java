package jp.juchu.shop.customers;

/**
 * A customer as the client search finds them (顧客): a member (with their account and points) or a guest
 * known from their orders (account {@code null}).
 */
public record Client(String name, String kana, String email, String phone, String account, Long points) {

    public boolean member() {
        return account != null;
    }
}
