package jp.juchu.shop.storefront;

/**
 * A signed-in member as the storefront shows and pre-fills them, with the points balance (approved points)
 * and the points earned on orders still awaiting the shop's approval.
 */
public record MemberView(
        String account,
        String name,
        String kana,
        String email,
        String phone,
        String postalCode,
        String prefecture,
        String address1,
        String address2,
        long points,
        long pendingPoints) {}
