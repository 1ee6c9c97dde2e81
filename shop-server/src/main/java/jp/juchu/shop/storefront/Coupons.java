package jp.juchu.shop.storefront;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A shop's coupons (クーポン): a code worth a fixed amount or a percentage of the items total. */
@Service
public class Coupons {

    /** Why a code gives no discount. */
    public enum Refusal {
        UNKNOWN,
        NOT_YET_VALID,
        EXPIRED,
        UNDER_MINIMUM
    }

    /** A coupon's effect on an order: the discount, or why there is none. */
    public record Applied(String code, long discount, Refusal refusal, int minItemsTotal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    public record Coupon(
            String code,
            String description,
            Integer discountYen,
            Integer discountPercent,
            int minItemsTotal,
            LocalDate validFrom,
            LocalDate validUntil) {}

    private final JdbcClient jdbc;

    Coupons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Coupon> find(String shopId, String code) {
        return jdbc.sql("""
                        select code, description, discount_yen, discount_percent, min_items_total, valid_from, valid_until
                        from storefront_coupon where shop_id = ? and code = ?""").params(shopId, normalise(code)).query(Coupon.class).optional();
    }

    public void add(String shopId, Coupon coupon) {
        jdbc.sql("""
                        insert into storefront_coupon (shop_id, code, description, discount_yen, discount_percent,
                          min_items_total, valid_from, valid_until) values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (shop_id, code) do nothing""")
                .params(
                        shopId,
                        normalise(coupon.code()),
                        coupon.description(),
                        coupon.discountYen(),
                        coupon.discountPercent(),
                        coupon.minItemsTotal(),
                        coupon.validFrom(),
                        coupon.validUntil())
                .update();
    }

    /** The discount a code gives on an items total today; never more than the items total. */
    public Applied apply(String shopId, String code, long itemsTotal, LocalDate today) {
        Optional<Coupon> found = find(shopId, code);
        if (found.isEmpty()) {
            return new Applied(normalise(code), 0, Refusal.UNKNOWN, 0);
        }
        Coupon c = found.get();
        if (today.isBefore(c.validFrom())) {
            return new Applied(c.code(), 0, Refusal.NOT_YET_VALID, c.minItemsTotal());
        }
        if (today.isAfter(c.validUntil())) {
            return new Applied(c.code(), 0, Refusal.EXPIRED, c.minItemsTotal());
        }
        if (itemsTotal < c.minItemsTotal()) {
            return new Applied(c.code(), 0, Refusal.UNDER_MINIMUM, c.minItemsTotal());
        }
        long discount =
                c.discountYen() != null ? c.discountYen() : Math.floorDiv(itemsTotal * c.discountPercent(), 100);
        return new Applied(c.code(), Math.min(discount, itemsTotal), null, c.minItemsTotal());
    }

    static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }
}
