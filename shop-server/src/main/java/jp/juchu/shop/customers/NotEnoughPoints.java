package jp.juchu.shop.customers;

/** A member tried to use more points than they have; nothing was taken. */
public class NotEnoughPoints extends RuntimeException {

    private final long balance;

    public NotEnoughPoints(long wanted, long balance) {
        super("ポイントが足りません (利用 " + wanted + " / 残高 " + balance + ")");
        this.balance = balance;
    }

    public long balance() {
        return balance;
    }
}
