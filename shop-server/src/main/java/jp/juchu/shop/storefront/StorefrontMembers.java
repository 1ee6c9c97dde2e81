package jp.juchu.shop.storefront;

import java.util.Optional;
import jp.juchu.shop.customers.Members;
import org.springframework.stereotype.Component;

/** A shop's members as the storefront needs them: sign-in check, details with points, registration. */
@Component
public class StorefrontMembers {

    public record Registration(
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

    private final Members members;

    StorefrontMembers(Members members) {
        this.members = members;
    }

    public Optional<MemberView> find(String shopId, String account) {
        return members.find(shopId, account)
                .map(m -> new MemberView(
                        m.account(),
                        m.name(),
                        m.kana(),
                        m.email(),
                        m.phone(),
                        m.postalCode(),
                        m.prefecture(),
                        m.address1(),
                        m.address2(),
                        m.points(),
                        members.pendingPoints(shopId, account)));
    }

    public boolean passwordMatches(String shopId, String account, String password) {
        return members.passwordMatches(shopId, account, password);
    }

    public void register(String shopId, Registration r) {
        members.register(
                shopId,
                new jp.juchu.shop.customers.Registration(
                        r.account(),
                        r.password(),
                        r.name(),
                        r.kana(),
                        r.email(),
                        r.phone(),
                        r.postalCode(),
                        r.prefecture(),
                        r.address1(),
                        r.address2()));
    }
}
