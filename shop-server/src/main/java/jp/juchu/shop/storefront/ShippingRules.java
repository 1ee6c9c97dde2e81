package jp.juchu.shop.storefront;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Each shop's shipping rule; a shop without its own row uses the configured default. */
@Service
public class ShippingRules {

    static final Set<String> DEFAULT_REMOTE = Set.of("北海道", "沖縄県");

    private final JdbcClient jdbc;
    private final StorefrontSettings settings;

    ShippingRules(JdbcClient jdbc, StorefrontSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public ShippingRule of(String shopId) {
        return jdbc.sql("""
                        select flat_fee, free_over, remote_extra, remote_prefectures, gift_wrapping_fee
                        from storefront_shipping_rule where shop_id = ?""")
                .param(shopId)
                .query((rs, n) -> new ShippingRule(
                        rs.getInt("flat_fee"),
                        rs.getObject("free_over", Integer.class),
                        rs.getInt("remote_extra"),
                        Arrays.stream(rs.getString("remote_prefectures").split(","))
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .collect(Collectors.toUnmodifiableSet()),
                        rs.getInt("gift_wrapping_fee")))
                .optional()
                .orElseGet(() -> {
                    StorefrontSettings.Shipping d = settings.shipping();
                    return new ShippingRule(
                            d.flatFee(), d.freeOver(), d.remoteExtra(), DEFAULT_REMOTE, d.giftWrappingFee());
                });
    }

    /** Sets a shop's own rule (the demo shop's, and tests'). */
    public void set(String shopId, ShippingRule rule) {
        jdbc.sql("""
                        insert into storefront_shipping_rule
                          (shop_id, flat_fee, free_over, remote_extra, remote_prefectures, gift_wrapping_fee)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (shop_id) do update set flat_fee = excluded.flat_fee,
                          free_over = excluded.free_over, remote_extra = excluded.remote_extra,
                          remote_prefectures = excluded.remote_prefectures,
                          gift_wrapping_fee = excluded.gift_wrapping_fee""")
                .params(
                        shopId,
                        rule.flatFee(),
                        rule.freeOver(),
                        rule.remoteExtra(),
                        String.join(",", rule.remotePrefectures()),
                        rule.giftWrappingFee())
                .update();
    }
}
