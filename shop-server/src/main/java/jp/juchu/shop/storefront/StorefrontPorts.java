package jp.juchu.shop.storefront;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The storefront's three ports — {@link Shelf} (catalog), {@link StorefrontMembers} (customers) and
 * {@link MemberOrders} (orders) — each provided by the module that owns the data. A port no module
 * provides yet makes the pages that need it answer 503 instead of keeping the app from starting.
 */
@Component
public class StorefrontPorts {

    private final ObjectProvider<Shelf> shelf;
    private final ObjectProvider<StorefrontMembers> members;
    private final ObjectProvider<MemberOrders> orders;

    StorefrontPorts(
            ObjectProvider<Shelf> shelf,
            ObjectProvider<StorefrontMembers> members,
            ObjectProvider<MemberOrders> orders) {
        this.shelf = shelf;
        this.members = members;
        this.orders = orders;
    }

    public Shelf shelf() {
        Shelf found = shelf.getIfAvailable();
        if (found == null) {
            throw new StorefrontUnavailable("catalog (Shelf)");
        }
        return found;
    }

    public StorefrontMembers members() {
        StorefrontMembers found = members.getIfAvailable();
        if (found == null) {
            throw new StorefrontUnavailable("customers (StorefrontMembers)");
        }
        return found;
    }

    public MemberOrders orders() {
        MemberOrders found = orders.getIfAvailable();
        if (found == null) {
            throw new StorefrontUnavailable("orders (MemberOrders)");
        }
        return found;
    }

    /** Whether members can sign in yet (the header shows the links only then). */
    public boolean membersAvailable() {
        return members.getIfAvailable() != null;
    }
}
