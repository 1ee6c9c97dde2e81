package jp.juchu.shop.shops;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The platform's shops: look-up for the other modules, and opening a new shop. */
@Service
public class Shops {

    /** Half-width lower-case letters and digits, as the platform's shop IDs are. */
    public static final Pattern SHOP_ID = Pattern.compile("[a-z0-9]{4,20}");

    public static final int DEFAULT_PRODUCT_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    Shops(JdbcClient jdbc, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    public Optional<Shop> find(String shopId) {
        return jdbc.sql("select shop_id, name, product_limit, created_at from shop where shop_id = ?")
                .param(shopId)
                .query(Shop.class)
                .optional();
    }

    /** The shop whose merchant is signed in to the admin. */
    public Shop current(Principal principal) {
        return find(principal.getName())
                .orElseThrow(() -> new IllegalStateException("Signed in to a shop that does not exist"));
    }

    public boolean exists(String shopId) {
        return find(shopId).isPresent();
    }

    /** Changes the shop's name (店の名前), as お店設定 does. */
    public void rename(String shopId, String name) {
        jdbc.sql("update shop set name = ? where shop_id = ?")
                .params(name, shopId)
                .update();
    }

    /** Opens a shop with its admin password; refuses a malformed or taken shop ID. */
    @Transactional
    public Shop open(String shopId, String name, String password) {
        return open(shopId, name, password, false);
    }

    /** Opens the demo shop, which the other modules fill with demo products, members and orders. */
    @Transactional
    public Shop openDemo(String shopId, String name, String password) {
        return open(shopId, name, password, true);
    }

    private Shop open(String shopId, String name, String password, boolean demo) {
        if (!SHOP_ID.matcher(shopId).matches()) {
            throw new IllegalArgumentException(
                    "shop ID must be 4-20 half-width lower-case letters or digits: " + shopId);
        }
        if (exists(shopId)) {
            throw new IllegalArgumentException("shop ID already taken: " + shopId);
        }
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("insert into shop (shop_id, name, product_limit, created_at) values (?, ?, ?, ?)")
                .params(shopId, name, DEFAULT_PRODUCT_LIMIT, now)
                .update();
        jdbc.sql("insert into shop_login (shop_id, password_hash) values (?, ?)")
                .params(shopId, passwordEncoder.encode(password))
                .update();
        events.publishEvent(new ShopOpened(shopId, name, demo));
        return new Shop(shopId, name, DEFAULT_PRODUCT_LIMIT, now);
    }
}
