package jp.juchu.shop.customers;

/** No member with that account at this shop. */
public class MemberNotFound extends RuntimeException {

    public MemberNotFound(String account) {
        super("会員 " + account + " は登録されていません");
    }
}
