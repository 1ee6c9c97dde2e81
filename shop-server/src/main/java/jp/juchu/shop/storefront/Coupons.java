package jp.juchu.shop.storefront;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shop's coupons (クーポン, 集客・運営): a code worth a fixed amount or a percentage of the items total, from a
 * minimum order, within a period, with optional limits on uses in total and per member. The limits are
 * counted when the order is placed, in its transaction, on the coupon's row — so buyers checking out at once
 * can never use a coupon more often than it allows.
 */
@Service
public class Coupons {

    static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{3,40}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** Why a code gives no discount. */
    public enum Refusal {
        UNKNOWN,
        NOT_YET_VALID,
        EXPIRED,
        UNDER_MINIMUM,
        USED_UP,
        MEMBER_LIMIT,
        MEMBERS_ONLY
    }

    /** A coupon's effect on an order: the discount, or why there is none. */
    public record Applied(String code, long discount, Refusal refusal, int minItemsTotal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    /**
     * @param maxUses uses in total, {@code null} unlimited
     * @param maxUsesPerMember uses per member, {@code null} unlimited; a limited coupon is for members only
     */
    public record Coupon(
            String code,
            String description,
            Integer discountYen,
            Integer discountPercent,
            int minItemsTotal,
            LocalDate validFrom,
            LocalDate validUntil,
            Integer maxUses,
            Integer maxUsesPerMember) {}

    /** A coupon with how often it has been used. */
    public record Usage(Coupon coupon, int usedCount) {}

    private static final String COLUMNS = "code, description, discount_yen, discount_percent, min_items_total,"
            + " valid_from, valid_until, max_uses, max_uses_per_member";

    private final JdbcClient jdbc;

    Coupons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Coupon> find(String shopId, String code) {
        return jdbc.sql("select " + COLUMNS + " from storefront_coupon where shop_id = ? and code = ?")
                .params(shopId, normalise(code))
                .query(Coupon.class)
                .optional();
    }

    /** The shop's coupons with their uses, newest period first (bounded). */
    public List<Usage> list(String shopId) {
        return jdbc.sql("select " + COLUMNS + ", used_count from storefront_coupon where shop_id = ?"
                        + " order by valid_until desc, code limit 500")
                .param(shopId)
                .query(Coupons::usageRow)
                .list();
    }

    /**
     * Adds a coupon after checking every field.
     *
     * @throws InvalidCoupon naming the field that is wrong, or the code when it is taken
     */
    @Transactional
    public Coupon add(String shopId, Coupon coupon) {
        Coupon c = check(coupon);
        try {
            jdbc.sql("insert into storefront_coupon (shop_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            shopId,
                            c.code(),
                            c.description(),
                            c.discountYen(),
                            c.discountPercent(),
                            c.minItemsTotal(),
                            c.validFrom(),
                            c.validUntil(),
                            c.maxUses(),
                            c.maxUsesPerMember())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidCoupon("code", "クーポンコード " + c.code() + " はすでに登録されています");
        }
        return c;
    }

    /** Deletes a coupon; orders that used it keep their discount. */
    public boolean delete(String shopId, String code) {
        return jdbc.sql("delete from storefront_coupon where shop_id = ? and code = ?")
                        .params(shopId, normalise(code))
                        .update()
                > 0;
    }

    /**
     * The discount a code gives on an items total today; never more than the items total. The limits are read
     * here as they stand now; {@link #use} counts them for good.
     *
     * @param account the signed-in member, {@code null} for a guest
     */
    public Applied apply(String shopId, String code, long itemsTotal, LocalDate today, String account) {
        Optional<Usage> found = usage(shopId, code);
        if (found.isEmpty()) {
            return new Applied(normalise(code), 0, Refusal.UNKNOWN, 0);
        }
        Coupon c = found.get().coupon();
        Refusal refusal = refusal(c, found.get().usedCount(), itemsTotal, today, account, shopId);
        if (refusal != null) {
            return new Applied(c.code(), 0, refusal, c.minItemsTotal());
        }
        long discount =
                c.discountYen() != null ? c.discountYen() : Math.floorDiv(itemsTotal * c.discountPercent(), 100);
        return new Applied(c.code(), Math.min(discount, itemsTotal), null, c.minItemsTotal());
    }

    /**
     * Counts one use of a coupon for an order, in the caller's transaction. The coupon's row is updated (and so
     * locked) first: concurrent checkouts with the same code take turns, and the total and per-member limits
     * hold.
     *
     * @throws CouponUnavailable when the coupon can no longer be used; the caller's transaction must roll back
     */
    @Transactional
    public void use(String shopId, String code, long itemsTotal, LocalDate today, String orderSerial, String account) {
        String normalised = normalise(code);
        Optional<Integer> counted = jdbc.sql("""
                        update storefront_coupon set used_count = used_count + 1
                        where shop_id = ? and code = ? and valid_from <= ? and valid_until >= ?
                          and min_items_total <= ? and (max_uses is null or used_count < max_uses)
                        returning coalesce(max_uses_per_member, 0)""")
                .params(shopId, normalised, today, today, itemsTotal)
                .query(Integer.class)
                .optional();
        if (counted.isEmpty()) {
            Applied applied = apply(shopId, normalised, itemsTotal, today, account);
            throw new CouponUnavailable(normalised, applied.accepted() ? Refusal.USED_UP : applied.refusal());
        }
        int perMember = counted.get();
        if (perMember > 0) {
            if (account == null) {
                throw new CouponUnavailable(normalised, Refusal.MEMBERS_ONLY);
            }
            if (usesBy(shopId, normalised, account) >= perMember) {
                throw new CouponUnavailable(normalised, Refusal.MEMBER_LIMIT);
            }
        }
        jdbc.sql("insert into storefront_coupon_use (shop_id, code, order_serial, account) values (?, ?, ?, ?)")
                .params(shopId, normalised, orderSerial, account)
                .update();
    }

    private Refusal refusal(Coupon c, int used, long itemsTotal, LocalDate today, String account, String shopId) {
        if (today.isBefore(c.validFrom())) {
            return Refusal.NOT_YET_VALID;
        }
        if (today.isAfter(c.validUntil())) {
            return Refusal.EXPIRED;
        }
        if (itemsTotal < c.minItemsTotal()) {
            return Refusal.UNDER_MINIMUM;
        }
        if (c.maxUses() != null && used >= c.maxUses()) {
            return Refusal.USED_UP;
        }
        if (c.maxUsesPerMember() != null) {
            if (account == null) {
                return Refusal.MEMBERS_ONLY;
            }
            if (usesBy(shopId, c.code(), account) >= c.maxUsesPerMember()) {
                return Refusal.MEMBER_LIMIT;
            }
        }
        return null;
    }

    private Optional<Usage> usage(String shopId, String code) {
        return jdbc.sql("select " + COLUMNS + ", used_count from storefront_coupon where shop_id = ? and code = ?")
                .params(shopId, normalise(code))
                .query(Coupons::usageRow)
                .optional();
    }

    private static Usage usageRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Usage(
                new Coupon(
                        rs.getString("code"),
                        rs.getString("description"),
                        rs.getObject("discount_yen", Integer.class),
                        rs.getObject("discount_percent", Integer.class),
                        rs.getInt("min_items_total"),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_until", LocalDate.class),
                        rs.getObject("max_uses", Integer.class),
                        rs.getObject("max_uses_per_member", Integer.class)),
                rs.getInt("used_count"));
    }

    private long usesBy(String shopId, String code, String account) {
        return jdbc.sql("select count(*) from storefront_coupon_use where shop_id = ? and code = ? and account = ?")
                .params(shopId, code, account)
                .query(Long.class)
                .single();
    }

    private static Coupon check(Coupon c) {
        String code = normalise(c.code());
        if (!CODE.matcher(code).matches()) {
            throw new InvalidCoupon("code", "クーポンコードは半角英大文字・数字・- _ で3〜40文字で入力してください");
        }
        String description = c.description() == null ? "" : c.description().strip();
        if (description.isEmpty() || description.length() > 200) {
            throw new InvalidCoupon("description", "説明を1〜200文字で入力してください");
        }
        if (CONTROL.matcher(description).find()) {
            throw new InvalidCoupon("description", "説明に制御文字は使えません");
        }
        if ((c.discountYen() == null) == (c.discountPercent() == null)) {
            throw new InvalidCoupon("discount", "値引きは金額か割合のどちらか一方を入力してください");
        }
        if (c.discountYen() != null && (c.discountYen() < 1 || c.discountYen() > 1_000_000)) {
            throw new InvalidCoupon("discount", "値引き額は1〜1,000,000円で入力してください");
        }
        if (c.discountPercent() != null && (c.discountPercent() < 1 || c.discountPercent() > 100)) {
            throw new InvalidCoupon("discount", "値引き率は1〜100%で入力してください");
        }
        if (c.minItemsTotal() < 0 || c.minItemsTotal() > 10_000_000) {
            throw new InvalidCoupon("minItemsTotal", "最低注文金額は0〜10,000,000円で入力してください");
        }
        if (c.validFrom() == null || c.validUntil() == null) {
            throw new InvalidCoupon("validFrom", "有効期間の開始日と終了日を入力してください");
        }
        if (c.validUntil().isBefore(c.validFrom())) {
            throw new InvalidCoupon("validUntil", "有効期間の終了日は開始日以降にしてください");
        }
        if (c.validUntil().isAfter(c.validFrom().plusYears(10))) {
            throw new InvalidCoupon("validUntil", "有効期間は10年以内にしてください");
        }
        if (c.maxUses() != null && (c.maxUses() < 1 || c.maxUses() > 10_000_000)) {
            throw new InvalidCoupon("maxUses", "利用回数の上限は1〜10,000,000回で入力してください (空欄で無制限)");
        }
        if (c.maxUsesPerMember() != null && (c.maxUsesPerMember() < 1 || c.maxUsesPerMember() > 1_000)) {
            throw new InvalidCoupon("maxUsesPerMember", "会員ごとの利用回数は1〜1,000回で入力してください (空欄で無制限)");
        }
        return new Coupon(
                code,
                description,
                c.discountYen(),
                c.discountPercent(),
                c.minItemsTotal(),
                c.validFrom(),
                c.validUntil(),
                c.maxUses(),
                c.maxUsesPerMember());
    }

    static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }
}
