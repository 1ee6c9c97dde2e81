package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.customers.Members;
import jp.juchu.shop.customers.PointState;
import jp.juchu.shop.orders.Carrier;
import jp.juchu.shop.orders.OrderStatus;
import jp.juchu.shop.orders.Orders;
import jp.juchu.shop.orders.ShippingStatus;
import jp.juchu.shop.orders.StateChange;
import jp.juchu.shop.points.PointApprovals;
import jp.juchu.shop.settings.ShopSetup;
import jp.juchu.shop.settings.ShopSetups;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Points a member earns are pending until approved — by the merchant, or automatically after shipping. */
@StorefrontTest
class PendingPointsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StorefrontFixtures fixtures;

    @Autowired
    Checkout checkout;

    @Autowired
    Members members;

    @Autowired
    Orders orders;

    @Autowired
    ShopSetups setups;

    @Autowired
    PointApprovals approvals;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Clock clock;

    @Test
    void pointsEarnedOnAnOrderArePendingAndTheApiBalanceCountsOnlyApprovedOnes() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, null);
        fixtures.member(shopId, "hanako", "hanako-pass", 100);
        setups.savePoints(shopId, new ShopSetup.PointRules(5, ShopSetup.Approval.MANUAL, 7));

        checkout.place(shopId, CheckoutOrders.of("hanako", "", "BankTransfer", "tea-001", 2), checkout.setup(shopId));

        assertThat(fixtures.points(shopId, "hanako")).isEqualTo(100);
        assertThat(members.pendingPoints(shopId, "hanako")).isEqualTo(108);
        String key = apiKeys.issue(shopId).managerKey();
        mvc.perform(get("/api/management/v2/client/members-account/point")
                        .param("account", "hanako")
                        .with(httpBasic(shopId, key)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.point.valid_point").value(100))
                .andExpect(jsonPath("$.point.pending_point").value(108));
    }

    @Test
    void theMerchantApprovesAndRefusesInBulkAndEachEntryIsDecidedOnce() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1000, 8, null);
        fixtures.member(shopId, "hanako", "hanako-pass", 0);
        ShopSetup setup = checkout.setup(shopId);
        String first = checkout.place(shopId, CheckoutOrders.of("hanako", "", "BankTransfer", "tea-001", 3), setup)
                .serialCode();
        String second = checkout.place(shopId, CheckoutOrders.of("hanako", "", "BankTransfer", "tea-001", 5), setup)
                .serialCode();

        Document dashboard =
                Jsoup.parse(mvc.perform(get("/admin").with(user(shopId).roles("MERCHANT")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(dashboard.select("[data-testid=pending-points]").text()).isEqualTo("2");
        assertThat(dashboard.select("[data-testid=pending-points]").attr("href"))
                .isEqualTo("/admin/points");

        long firstId = entry(shopId, first);
        long secondId = entry(shopId, second);
        mvc.perform(post("/admin/points")
                .with(user(shopId).roles("MERCHANT"))
                .with(csrf())
                .param("decision", "approve")
                .param("id", String.valueOf(firstId)));
        mvc.perform(post("/admin/points")
                .with(user(shopId).roles("MERCHANT"))
                .with(csrf())
                .param("decision", "refuse")
                .param("id", String.valueOf(secondId)));
        assertThat(fixtures.points(shopId, "hanako")).isEqualTo(30);
        assertThat(members.pendingPoints(shopId, "hanako")).isZero();

        assertThat(approvals.approve(shopId, List.of(firstId, secondId))).isEqualTo(new PointApprovals.Decided(0, 2));
        assertThat(fixtures.points(shopId, "hanako")).isEqualTo(30);
        assertThat(members.ledger(shopId, "hanako", 10))
                .extracting(e -> e.state())
                .containsExactlyInAnyOrder(PointState.APPROVED, PointState.REFUSED);
        assertThat(approvals.pendingCount(shopId)).isZero();
    }

    @Test
    void anotherShopCannotDecideThisShopsPoints() {
        String shopId = fixtures.shop();
        String other = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1000, 8, null);
        fixtures.member(shopId, "hanako", "hanako-pass", 0);
        String serial = checkout.place(
                        shopId, CheckoutOrders.of("hanako", "", "BankTransfer", "tea-001", 1), checkout.setup(shopId))
                .serialCode();
        assertThat(approvals.approve(other, List.of(entry(shopId, serial))).decided())
                .isZero();
        assertThat(members.pendingPoints(shopId, "hanako")).isEqualTo(10);
    }

    @Test
    void pointsAreApprovedAutomaticallyTheSetDaysAfterShippingAndRefusedForCancelledOrders() {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1000, 8, null);
        fixtures.member(shopId, "hanako", "hanako-pass", 0);
        setups.savePoints(shopId, new ShopSetup.PointRules(10, ShopSetup.Approval.AFTER_SHIPPING, 3));
        ShopSetup setup = checkout.setup(shopId);
        LocalDate today = LocalDate.now(clock);
        String longAgo = place(shopId, setup, 1);
        String yesterday = place(shopId, setup, 2);
        String unshipped = place(shopId, setup, 4);
        String cancelled = place(shopId, setup, 8);
        ship(shopId, longAgo, today.minusDays(3));
        ship(shopId, yesterday, today.minusDays(1));
        orders.changeState(
                shopId, cancelled, new StateChange(OrderStatus.Cancelled, null, null, null, null, null, null));

        approvals.autoApprove();
        approvals.autoApprove();

        assertThat(fixtures.points(shopId, "hanako"))
                .as("only the order shipped 3 days ago")
                .isEqualTo(100);
        assertThat(members.pendingPoints(shopId, "hanako")).isEqualTo(200 + 400);
        assertThat(members.ledger(shopId, "hanako", 10).stream()
                        .filter(e -> cancelled.equals(e.orderSerial()))
                        .findFirst()
                        .orElseThrow()
                        .state())
                .isEqualTo(PointState.REFUSED);
        assertThat(unshipped).isNotNull();
    }

    @Test
    void aShopApprovingByHandIsNeverApprovedAutomatically() {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1000, 8, null);
        fixtures.member(shopId, "hanako", "hanako-pass", 0);
        String serial = place(shopId, checkout.setup(shopId), 1);
        ship(shopId, serial, LocalDate.now(clock).minusDays(60));
        approvals.autoApprove();
        assertThat(members.pendingPoints(shopId, "hanako")).isEqualTo(10);
    }

    private String place(String shopId, ShopSetup setup, int quantity) {
        return checkout.place(shopId, CheckoutOrders.of("hanako", "", "BankTransfer", "tea-001", quantity), setup)
                .serialCode();
    }

    private void ship(String shopId, String serial, LocalDate on) {
        orders.changeState(
                shopId,
                serial,
                new StateChange(null, null, ShippingStatus.Shipped, Carrier.Yamato, "123456789012", on, null));
    }

    private long entry(String shopId, String serial) {
        return members.pending(shopId, 100).stream()
                .filter(p -> serial.equals(p.orderSerial()))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
