package jp.juchu.shop.shops;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** The merchant signs in to the admin with the shop ID and the shop's password. */
@Component
class MerchantLogins implements UserDetailsService {

    private final JdbcClient jdbc;

    MerchantLogins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String shopId) {
        return jdbc.sql("select password_hash from shop_login where shop_id = ?")
                .param(shopId)
                .query(String.class)
                .optional()
                .map(hash -> User.withUsername(shopId)
                        .password(hash)
                        .roles("MERCHANT")
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such shop"));
    }
}
