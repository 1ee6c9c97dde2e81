package jp.juchu.shop.storefront;

import org.springframework.stereotype.Component;

/**
 * What the storefront uses of the other modules, through three narrow interfaces: {@link Shelf} (the
 * catalog, reviews and ranking), {@link StorefrontMembers} (customers) and {@link MemberOrders} (placing
 * orders and a member's history). Each is implemented in this module on the owning module's public API.
 */
@Component
public class StorefrontPorts {

    private final Shelf shelf;
    private final StorefrontMembers members;
    private final MemberOrders orders;

    StorefrontPorts(Shelf shelf, StorefrontMembers members, MemberOrders orders) {
        this.shelf = shelf;
        this.members = members;
        this.orders = orders;
    }

    public Shelf shelf() {
        return shelf;
    }

    public StorefrontMembers members() {
        return members;
    }

    public MemberOrders orders() {
        return orders;
    }
}
