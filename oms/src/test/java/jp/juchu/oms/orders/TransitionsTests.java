package jp.juchu.oms.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The workflow's rules on their own: who may make which move, and the preconditions. */
class TransitionsTests {

    private static final Actor ADMIN = Actor.person("admin", true);
    private static final Actor STAFF = Actor.person("staff", false);
    private static final Actor SYSTEM = Actor.system("import");

    private static Transitions.OrderState order(String status) {
        return new Transitions.OrderState(1, "A-1", status, false, false, false, null, null);
    }

    private static Optional<String> refusal(Transitions.OrderState order, String to, Actor actor) {
        return Transitions.refusal(order, to, actor, false, false, code -> code);
    }

    @Test
    void aCancelledOrderMovesNowhereButToAnOpenStatusByAnAdmin() {
        Transitions.OrderState cancelled = order("CANCELLED");
        assertThat(refusal(cancelled, "NEW", ADMIN)).isEmpty();
        assertThat(refusal(cancelled, "CUSTOM_1", ADMIN)).isEmpty();
        assertThat(refusal(cancelled, "NEW", STAFF)).contains("キャンセルした受注を戻せるのは管理者だけです");
        for (Actor actor : new Actor[] {ADMIN, STAFF, SYSTEM}) {
            assertThat(refusal(cancelled, "READY_TO_SHIP", actor)).isPresent();
            assertThat(refusal(cancelled, "PRINTED", actor)).isPresent();
            assertThat(refusal(cancelled, "SHIPPED", actor)).isPresent();
        }
        assertThat(refusal(cancelled, "NEW", SYSTEM)).isPresent();
    }

    @Test
    void anOrderCancelledAtTheShopNeverShipsAndOnlyAnAdminMovesIt() {
        Transitions.OrderState shopCancelled =
                new Transitions.OrderState(1, "A-1", "READY_TO_SHIP", true, false, false, null, null);
        assertThat(refusal(shopCancelled, "PRINTED", ADMIN)).get().asString().contains("ショップでキャンセル");
        assertThat(refusal(shopCancelled, "SHIPPED", SYSTEM)).isPresent();
        assertThat(refusal(shopCancelled, "READY_TO_SHIP", ADMIN)).isPresent();
        assertThat(refusal(shopCancelled, "NEW", STAFF)).isPresent();
        assertThat(refusal(shopCancelled, "NEW", ADMIN)).isEmpty();
        assertThat(refusal(shopCancelled, "CANCELLED", SYSTEM)).isEmpty();
    }

    @Test
    void anUnpaidPrepaidOrderShipsOnlyWithThePersonsOverrideOrOneRecorded() {
        Transitions.OrderState unpaid = new Transitions.OrderState(1, "A-1", "NEW", false, true, false, null, null);
        assertThat(refusal(unpaid, "READY_TO_SHIP", STAFF)).get().asString().contains("入金前に出荷する");
        assertThat(Transitions.refusal(unpaid, "READY_TO_SHIP", STAFF, true, false, c -> c))
                .isEmpty();
        assertThat(Transitions.refusal(unpaid, "READY_TO_SHIP", SYSTEM, true, false, c -> c))
                .isPresent();
        Transitions.OrderState approved =
                new Transitions.OrderState(1, "A-1", "READY_TO_SHIP", false, true, true, null, null);
        assertThat(refusal(approved, "PRINTED", SYSTEM)).isEmpty();
        assertThat(refusal(approved, "SHIPPED", STAFF)).isEmpty();
    }

    @Test
    void aHeldOrderIsNeitherPrintedNorShippedAndTheSystemCannotHold() {
        Transitions.OrderState held = order("ON_HOLD");
        assertThat(refusal(held, "PRINTED", ADMIN)).get().asString().contains("保留中");
        assertThat(refusal(held, "SHIPPED", SYSTEM)).get().asString().contains("保留中");
        assertThat(refusal(held, "READY_TO_SHIP", STAFF)).isEmpty();
        assertThat(refusal(held, "CANCELLED", SYSTEM)).isEmpty();
        assertThat(refusal(order("NEW"), "ON_HOLD", SYSTEM)).isPresent();
        assertThat(Transitions.refusal(held, "PRINTED", STAFF, false, true, c -> c))
                .isEmpty();
    }

    @Test
    void shippingGoesThroughReadyToShipAndOnlyAnAdminTakesItBack() {
        assertThat(refusal(order("NEW"), "SHIPPED", STAFF)).isPresent();
        assertThat(refusal(order("NEW"), "PRINTED", SYSTEM)).isPresent();
        assertThat(refusal(order("READY_TO_SHIP"), "SHIPPED", SYSTEM)).isEmpty();
        assertThat(refusal(order("PRINTED"), "SHIPPED", STAFF)).isEmpty();
        assertThat(refusal(order("SHIPPED"), "READY_TO_SHIP", STAFF))
                .get()
                .asString()
                .contains("管理者だけ");
        assertThat(refusal(order("SHIPPED"), "READY_TO_SHIP", ADMIN)).isEmpty();
        assertThat(refusal(order("PRINTED"), "CANCELLED", SYSTEM)).isPresent();
        assertThat(refusal(order("PRINTED"), "CANCELLED", STAFF)).isEmpty();
    }

    @Test
    void anOrderEntersCancelledShippedOrNewAsTheShopHasIt() {
        ShopOrder placed = SampleOrders.order("e1", java.time.OffsetDateTime.now());
        assertThat(Transitions.entry(placed, true)).isEqualTo("NEW");
        ShopOrder cancelled = SampleOrders.withStates(placed, "Cancelled", "NotShipped");
        assertThat(Transitions.entry(cancelled, false)).isEqualTo("CANCELLED");
        ShopOrder shipped = SampleOrders.withStates(placed, "Processing", "Shipped");
        assertThat(Transitions.entry(shipped, true)).isEqualTo("SHIPPED");
        assertThat(Transitions.entry(shipped, false)).isEqualTo("NEW");
        assertThat(Transitions.entry(SampleOrders.withStates(placed, "Completed", "NotShipped"), true))
                .isEqualTo("SHIPPED");
    }
}
