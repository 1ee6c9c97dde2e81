package jp.juchu.shop.storefront;

import java.util.Optional;

/** A shop's members as the storefront needs them. A port: the customers module provides it. */
public interface StorefrontMembers {

    record Registration(
            String account,
            String password,
            String name,
            String kana,
            String email,
            String phone,
            String postalCode,
            String prefecture,
            String address1,
            String address2) {}

    Optional<MemberView> find(String shopId, String account);

    boolean passwordMatches(String shopId, String account, String password);

    /** Registers a member; the password is stored hashed. */
    void register(String shopId, Registration registration);
}
