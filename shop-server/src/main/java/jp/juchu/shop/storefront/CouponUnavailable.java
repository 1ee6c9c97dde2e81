package jp.juchu.shop.storefront;

/** The coupon could not be used when the order was placed (uses ran out, or its period ended); nothing was saved. */
public class CouponUnavailable extends RuntimeException {

    private final Coupons.Refusal refusal;

    public CouponUnavailable(String code, Coupons.Refusal refusal) {
        super("coupon " + code + " refused at placing: " + refusal);
        this.refusal = refusal;
    }

    public Coupons.Refusal refusal() {
        return refusal;
    }
}
