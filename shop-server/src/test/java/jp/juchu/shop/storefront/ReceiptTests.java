package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.juchu.shop.orders.Order;
import jp.juchu.shop.orders.OrderStatus;
import jp.juchu.shop.orders.Orders;
import jp.juchu.shop.orders.StateChange;
import jp.juchu.shop.settings.ShopSetup;
import jp.juchu.shop.settings.ShopSetups;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The member's receipt (領収書) of their own order, and the points awaiting approval on マイページ. */
@StorefrontTest
class ReceiptTests {

    private static final String NUMBER = "T1234567890123";

    @Autowired
    MockMvc mvc;

    @Autowired
    StorefrontFixtures fixtures;

    @Autowired
    Checkout checkout;

    @Autowired
    Orders orders;

    @Autowired
    ShopSetups setups;

    @Test
    void aMembersReceiptPrintsTheRegistrationNumberAndTheStoredAmountAndTaxPerRate() throws Exception {
        String shopId = shopWithNumber(NUMBER);
        String serial = twoRateOrder(shopId, "hanako");
        Shopper buyer = signedIn(shopId, "hanako");

        Document detail = buyer.page("/mypage/orders/" + serial);
        assertThat(detail.select("[data-testid=receipt-link]").attr("href"))
                .isEqualTo("/shops/" + shopId + "/mypage/orders/" + serial + "/receipt");

        Document receipt = buyer.page("/mypage/orders/" + serial + "/receipt?addressee=株式会社 山田商店");
        Order order = orders.find(shopId, serial).orElseThrow();
        assertThat(receipt.select("[data-testid=receipt-invoice-number]").text())
                .isEqualTo(NUMBER);
        assertThat(receipt.select("[data-testid=receipt-not-qualified]")).isEmpty();
        assertThat(receipt.select("[data-testid=receipt-addressee]").text()).startsWith("株式会社 山田商店");
        assertThat(receipt.select("[data-testid=receipt-total]").text())
                .isEqualTo(String.format("%,d円", order.amounts().total()));
        assertThat(order.amounts().tax()).extracting(Order.TaxLine::rate).containsExactlyInAnyOrder(10, 8);
        for (Order.TaxLine line : order.amounts().tax()) {
            Element row = receipt.selectFirst("[data-testid=receipt-rates] tr[data-rate=" + line.rate() + "]");
            assertThat(row).as("row of %d%%", line.rate()).isNotNull();
            assertThat(row.select("[data-testid=rate-amount]").text())
                    .isEqualTo(String.format("%,d円", line.taxableAmount()));
            assertThat(row.select("[data-testid=rate-tax]").text()).isEqualTo(String.format("（内消費税 %,d円）", line.tax()));
            assertThat(line.tax()).isPositive();
        }
        assertThat(receipt.select("[data-testid=receipt-lines]").text()).contains("静岡煎茶", "湯呑み");
    }

    @Test
    void anotherMembersOrderOrAGuessedNumberIs404() throws Exception {
        String shopId = shopWithNumber(NUMBER);
        String serial = twoRateOrder(shopId, "hanako");
        fixtures.member(shopId, "taro", "taro-pass-1", 0);
        Shopper other = signedIn(shopId, "taro");

        assertThat(other.get("/mypage/orders/" + serial + "/receipt")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(other.get("/mypage/orders/999999999/receipt").getResponse().getStatus())
                .isEqualTo(404);
        assertThat(other.get("/mypage/orders/" + serial + "/receipt")
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(NUMBER);
    }

    @Test
    void anAddresseeWithControlCharactersOrTooLongIsRefusedAndNotPrinted() throws Exception {
        String shopId = shopWithNumber(NUMBER);
        String serial = twoRateOrder(shopId, "hanako");
        Shopper buyer = signedIn(shopId, "hanako");

        var refused = buyer.get("/mypage/orders/" + serial + "/receipt?addressee=山田\r\n<b>x</b>");
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document page = org.jsoup.Jsoup.parse(refused.getResponse().getContentAsString());
        assertThat(page.select("[data-testid=receipt-error]").text()).isEqualTo("宛名に制御文字（改行など）は使えません。");
        assertThat(page.select("[data-testid=receipt-addressee]").text()).isEqualTo("様");
        assertThat(page.select("b")).isEmpty();

        var tooLong = buyer.get("/mypage/orders/" + serial + "/receipt?addressee=" + "あ".repeat(51));
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);

        Document escaped = buyer.page("/mypage/orders/" + serial + "/receipt?addressee=<script>x</script>");
        assertThat(escaped.select("[data-testid=receipt-addressee] script")).isEmpty();
        assertThat(escaped.select("[data-testid=receipt-addressee]").text()).startsWith("<script>x</script>");
    }

    @Test
    void aShopWithoutRegistrationNumberStatesTheReceiptIsNotAQualifiedInvoice() throws Exception {
        String shopId = shopWithNumber("");
        String serial = twoRateOrder(shopId, "hanako");
        Document receipt = signedIn(shopId, "hanako").page("/mypage/orders/" + serial + "/receipt");

        assertThat(receipt.select("[data-testid=receipt-invoice-number]")).isEmpty();
        assertThat(receipt.select("[data-testid=receipt-not-qualified]").text()).contains("適格請求書（インボイス）ではありません");
        assertThat(receipt.text()).doesNotContain("T1234567890123");
    }

    @Test
    void theReceiptReadsInEnglishToo() throws Exception {
        String shopId = shopWithNumber(NUMBER);
        String serial = twoRateOrder(shopId, "hanako");
        Document receipt = signedIn(shopId, "hanako").page("/mypage/orders/" + serial + "/receipt?lang=en");

        assertThat(receipt.select("[data-testid=receipt] h1").text()).isEqualTo("Receipt");
        assertThat(receipt.select("[data-testid=rate-tax]").text()).contains("(incl. tax ¥");
        assertThat(receipt.html()).doesNotContain("??");
    }

    @Test
    void aCancelledOrderGetsNoReceipt() throws Exception {
        String shopId = shopWithNumber(NUMBER);
        String serial = twoRateOrder(shopId, "hanako");
        orders.changeState(shopId, serial, new StateChange(OrderStatus.Cancelled, null, null, null, null, null, null));
        Shopper buyer = signedIn(shopId, "hanako");

        var result = buyer.get("/mypage/orders/" + serial + "/receipt");
        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        Document page = org.jsoup.Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("[data-testid=receipt-cancelled]").text()).isEqualTo("キャンセルされたご注文には領収書を発行できません。");
        assertThat(page.select("[data-testid=receipt]")).isEmpty();
        assertThat(buyer.page("/mypage/orders/" + serial).select("[data-testid=receipt-link]"))
                .isEmpty();
    }

    @Test
    void myPageShowsApprovedPointsAndThePointsAwaitingApproval() throws Exception {
        String shopId = shopWithNumber(NUMBER);
        setups.savePoints(shopId, new ShopSetup.PointRules(5, ShopSetup.Approval.MANUAL, 7));
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, null);
        fixtures.member(shopId, "hanako", "hanako-pass", 100);
        checkout.place(shopId, CheckoutOrders.of("hanako", "", "BankTransfer", "tea-001", 2), checkout.setup(shopId));

        Document mypage = signedIn(shopId, "hanako").page("/mypage");
        assertThat(mypage.select("[data-testid=mypage-points]").text()).isEqualTo("保有ポイント: 100");
        assertThat(mypage.select("[data-testid=mypage-pending-points]").text()).isEqualTo("承認待ちポイント: 108");
    }

    private String shopWithNumber(String number) {
        String shopId = fixtures.shop();
        ShopSetup.Details d = setups.of(shopId).details();
        setups.saveDetails(
                shopId,
                new ShopSetup.Details(
                        d.name(),
                        "株式会社テスト茶舗",
                        "150-0001",
                        "東京都渋谷区神宮前1-2-3",
                        d.phone(),
                        d.email(),
                        d.legalNotice(),
                        number));
        return shopId;
    }

    /** An order of a food item (8 %) and a cup (10 %) by the member, placed through checkout. */
    private String twoRateOrder(String shopId, String account) {
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, null);
        fixtures.product(shopId, "cup-001", "湯呑み", 2200, 10, null);
        fixtures.member(shopId, account, account + "-pass", 0);
        CheckoutOrder one = CheckoutOrders.of(account, "", "BankTransfer", "tea-001", 2);
        CheckoutOrder.Destination d = one.destinations().get(0);
        CheckoutOrder.Destination both = new CheckoutOrder.Destination(
                d.name(),
                d.kana(),
                d.phone(),
                d.postalCode(),
                d.prefecture(),
                d.address1(),
                d.address2(),
                null,
                null,
                false,
                "",
                List.of(new Carts.Line("tea-001", "", 2), new Carts.Line("cup-001", "", 1)));
        CheckoutOrder order =
                new CheckoutOrder(one.buyer(), List.of(both), "", "", 0, "BankTransfer", null, null, account);
        return checkout.place(shopId, order, checkout.setup(shopId)).serialCode();
    }

    private Shopper signedIn(String shopId, String account) throws Exception {
        Shopper shopper = new Shopper(mvc, shopId);
        shopper.login(account, account.equals("taro") ? "taro-pass-1" : account + "-pass");
        return shopper;
    }
}
