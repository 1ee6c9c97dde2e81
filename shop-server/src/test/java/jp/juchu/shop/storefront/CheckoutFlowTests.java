package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@StorefrontTest
class CheckoutFlowTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(StorefrontTest.SMTP_PORT, null, "smtp"));

    @Autowired
    MockMvc mvc;

    @Autowired
    StorefrontFixtures fixtures;

    @Test
    void guestPaysByCardAndOnlyBrandAndLastFourAreKept() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, 10);
        Shopper buyer = new Shopper(mvc, shopId);
        buyer.addToCart("tea-001", 2);

        Map<String, String> form = Shopper.buyerForm();
        form.put("paymentMethod", "CreditCard");
        form.put("cardNumber", "4111 1111 1111 1111");
        form.put("cardExpiryMonth", "12");
        form.put("cardExpiryYear", "2030");
        assertThat(buyer.post("/checkout", form).getResponse().getRedirectedUrl())
                .isEqualTo(buyer.base() + "/checkout/confirm");

        Document confirm = buyer.page("/checkout/confirm");
        assertThat(confirm.select("[data-testid=confirm-payment]").text()).isEqualTo("クレジットカード");
        assertThat(confirm.text()).contains("Visa ****1111").doesNotContain("4111 1111 1111 1111");
        assertThat(confirm.select("[data-testid=amount-items]").text()).isEqualTo("2,160円");
        assertThat(confirm.select("[data-testid=amount-shipping]").text()).isEqualTo("800円");
        assertThat(confirm.select("[data-testid=amount-total]").text()).isEqualTo("2,960円");
        assertThat(confirm.select("[data-testid=amount-tax-10]").text())
                .contains("800円")
                .contains("72円");
        assertThat(confirm.select("[data-testid=amount-tax-8]").text())
                .contains("2,160円")
                .contains("160円");

        String orderNumber = place(buyer);
        StorefrontFixtures.StoredOrder order = fixtures.order(shopId, orderNumber);
        assertThat(order.paymentMethod()).isEqualTo("CreditCard");
        assertThat(order.cardBrand()).isEqualTo("Visa");
        assertThat(order.cardLast4()).isEqualTo("1111");
        assertThat(order.total()).isEqualTo(2960);
        assertThat(order.memberAccount()).isNull();
        assertThat(fixtures.available(shopId, "tea-001")).isEqualTo(8);
        assertThat(buyer.page("/cart").select("[data-testid=cart-empty]")).hasSize(1);

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("taro@example.jp");
        assertThat(mail.getSubject()).contains(orderNumber);
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        assertThat(mail.getContent().toString()).contains("静岡煎茶").contains("2,960");
    }

    @Test
    void memberSpendsPointsAndTheBalanceDrops() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "cup-01", "湯呑み", 2200, 10, null);
        fixtures.member(shopId, "hanako", "hanako-pass", 500);
        Shopper buyer = new Shopper(mvc, shopId);
        assertThat(buyer.login("hanako", "hanako-pass").getResponse().getRedirectedUrl())
                .isEqualTo(buyer.base() + "/");
        buyer.addToCart("cup-01", 1);

        Document formPage = buyer.page("/checkout");
        assertThat(formPage.select("[data-testid=buyer-email]").val()).isEqualTo("hanako@example.jp");
        assertThat(formPage.select("[data-testid=points-balance]").text()).contains("500");

        Map<String, String> form = Shopper.buyerForm();
        form.put("pointsToUse", "300");
        buyer.post("/checkout", form);
        Document confirm = buyer.page("/checkout/confirm");
        assertThat(confirm.select("[data-testid=amount-points]").text()).isEqualTo("-300円");
        assertThat(confirm.select("[data-testid=amount-total]").text()).isEqualTo("2,700円");

        String orderNumber = place(buyer);
        assertThat(fixtures.order(shopId, orderNumber).memberAccount()).isEqualTo("hanako");
        assertThat(fixtures.order(shopId, orderNumber).pointsUsed()).isEqualTo(300);
        assertThat(fixtures.points(shopId, "hanako")).isEqualTo(200);

        Document history = buyer.page("/mypage");
        assertThat(history.select("[data-testid=history-row]").text())
                .contains(orderNumber)
                .contains("未入金");
        Document detail = buyer.page(history.select("[data-testid=history-row] a")
                .attr("href")
                .substring(buyer.base().length()));
        assertThat(detail.select("[data-testid=detail-number]").text()).isEqualTo(orderNumber);
        assertThat(detail.select("[data-testid=detail-shipping-status]").text()).isEqualTo("未発送");
        assertThat(detail.select("[data-testid=detail-total]").text()).isEqualTo("2,700円");
        assertThat(buyer.post("/logout", Map.of()).getResponse().getRedirectedUrl())
                .endsWith("/?loggedOut");
        assertThat(buyer.get("/mypage").getResponse().getRedirectedUrl()).contains("/login");
    }

    @Test
    void pointsBeyondTheBalanceAreRefusedOnTheField() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "cup-01", "湯呑み", 2200, 10, null);
        fixtures.member(shopId, "jiro", "jiro-pass-1", 100);
        Shopper buyer = new Shopper(mvc, shopId);
        buyer.login("jiro", "jiro-pass-1");
        buyer.addToCart("cup-01", 1);
        Map<String, String> form = Shopper.buyerForm();
        form.put("pointsToUse", "101");
        Document page = Jsoup.parse(buyer.post("/checkout", form).getResponse().getContentAsString());
        assertThat(page.select("[data-testid=error-summary]").text()).contains("利用するポイント");
        assertThat(page.select("[data-testid=points-to-use]").val()).isEqualTo("101");
    }

    @Test
    void twoDestinationsEachGetTheirItemsAndShipping() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, 10);
        Shopper buyer = new Shopper(mvc, shopId);
        buyer.addToCart("tea-001", 3);

        Map<String, String> form = Shopper.buyerForm();
        form.put("action", "addDestination");
        Document twoDestinations =
                Jsoup.parse(buyer.post("/checkout", form).getResponse().getContentAsString());
        assertThat(twoDestinations.select("[data-testid=destination-1]")).hasSize(1);
        assertThat(twoDestinations.select("[data-testid=error-summary]")).isEmpty();

        form.remove("action");
        form.put("destinations[0].quantities[0]", "1");
        form.put("destinations[1].quantities[0]", "2");
        form.put("destinations[1].name", "山田 花子");
        form.put("destinations[1].kana", "ヤマダ ハナコ");
        form.put("destinations[1].phone", "011-123-4567");
        form.put("destinations[1].postalCode", "060-0001");
        form.put("destinations[1].prefecture", "北海道");
        form.put("destinations[1].address1", "札幌市中央区北1条西1-1");
        form.put("destinations[1].timeSlot", "Morning");
        form.put("destinations[1].giftWrapping", "true");
        form.put("destinations[1].noshi", "御歳暮");
        assertThat(buyer.post("/checkout", form).getResponse().getRedirectedUrl())
                .endsWith("/checkout/confirm");

        Document confirm = buyer.page("/checkout/confirm");
        assertThat(confirm.select("[data-testid=confirm-shipping-0]").text()).isEqualTo("800円");
        assertThat(confirm.select("[data-testid=confirm-shipping-1]").text()).isEqualTo("1,800円");
        assertThat(confirm.select("[data-testid=amount-gift]").text()).isEqualTo("330円");
        assertThat(confirm.select("[data-testid=amount-total]").text()).isEqualTo("6,170円");

        String orderNumber = place(buyer);
        StorefrontFixtures.StoredOrder order = fixtures.order(shopId, orderNumber);
        assertThat(order.deliveries()).hasSize(2);
        assertThat(order.deliveries().get(1))
                .contains("北海道")
                .contains("Morning")
                .contains("御歳暮");
        assertThat(order.total()).isEqualTo(6170);
    }

    @Test
    void quantitiesThatDoNotAddUpAreNamed() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, 10);
        Shopper buyer = new Shopper(mvc, shopId);
        buyer.addToCart("tea-001", 2);
        Map<String, String> form = Shopper.buyerForm();
        form.put("action", "addDestination");
        buyer.post("/checkout", form);
        form.remove("action");
        form.put("destinations[0].quantities[0]", "1");
        form.put("destinations[1].quantities[0]", "0");
        Document page = Jsoup.parse(buyer.post("/checkout", form).getResponse().getContentAsString());
        assertThat(page.select("[data-testid=destination-1]")).hasSize(1);
        assertThat(page.select("[data-testid=error-summary]").text())
                .contains("お届け先2 お名前")
                .contains("静岡煎茶")
                .contains("2点");
    }

    @Test
    void cashOnDeliveryAddsItsFee() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, 10);
        Shopper buyer = new Shopper(mvc, shopId);
        buyer.addToCart("tea-001", 1);
        Map<String, String> form = Shopper.buyerForm();
        form.put("paymentMethod", "CashOnDelivery");
        buyer.post("/checkout", form);
        Document confirm = buyer.page("/checkout/confirm");
        assertThat(confirm.select("[data-testid=amount-cod]").text()).isEqualTo("330円");
        assertThat(confirm.select("[data-testid=amount-total]").text()).isEqualTo("2,210円");
        String orderNumber = place(buyer);
        assertThat(fixtures.order(shopId, orderNumber).codFee()).isEqualTo(330);
        assertThat(fixtures.order(shopId, orderNumber).paymentMethod()).isEqualTo("CashOnDelivery");
    }

    @Test
    void badEntriesAreNamedAndTheOtherEntriesKept() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, 10);
        Shopper buyer = new Shopper(mvc, shopId);
        buyer.addToCart("tea-001", 1);
        Map<String, String> form = Shopper.buyerForm();
        form.put("buyer.name", "");
        form.put("buyer.email", "not-a-mail");
        form.put("buyer.kana", "やまだ");
        form.put("paymentMethod", "CreditCard");
        form.put("cardNumber", "4111111111111112");
        form.put("cardExpiryMonth", "12");
        form.put("cardExpiryYear", "2030");
        form.put("remarks", "午前中は不在です");
        MvcResult result = buyer.post("/checkout", form);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        String summary = page.select("[data-testid=error-summary]").text();
        assertThat(summary).contains("お名前").contains("メールアドレス").contains("フリガナ").contains("カード番号");
        assertThat(page.select("[data-testid=buyer-email] ~ .field-error").text())
                .contains("メールアドレスの形式");
        assertThat(page.select("[data-testid=buyer-email]").val()).isEqualTo("not-a-mail");
        assertThat(page.select("[data-testid=buyer-phone]").val()).isEqualTo("03-1234-5678");
        assertThat(page.select("[data-testid=remarks]").text()).isEqualTo("午前中は不在です");
        assertThat(page.select("[data-testid=pay-CreditCard]").attr("checked")).isEqualTo("checked");
    }

    @Test
    void couponRulesAtCheckout() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, 10);
        fixtures.coupons(shopId);
        Shopper buyer = new Shopper(mvc, shopId);
        buyer.addToCart("tea-001", 2);
        Map<String, String> form = Shopper.buyerForm();

        form.put("couponCode", "OLD300");
        assertThat(errorSummary(buyer, form)).contains("クーポンコード").contains("有効期限");
        form.put("couponCode", "BIG500");
        assertThat(errorSummary(buyer, form)).contains("3,000円以上");
        form.put("couponCode", "NOSUCH");
        assertThat(errorSummary(buyer, form)).contains("使えません");

        form.put("couponCode", "tea10");
        assertThat(buyer.post("/checkout", form).getResponse().getRedirectedUrl())
                .endsWith("/checkout/confirm");
        Document confirm = buyer.page("/checkout/confirm");
        assertThat(confirm.select("[data-testid=amount-coupon]").text()).isEqualTo("-216円");
        assertThat(confirm.select("[data-testid=amount-total]").text()).isEqualTo("2,744円");
    }

    private static String errorSummary(Shopper buyer, Map<String, String> form) throws Exception {
        return Jsoup.parse(buyer.post("/checkout", form).getResponse().getContentAsString())
                .select("[data-testid=error-summary]")
                .text();
    }

    private static String place(Shopper buyer) throws Exception {
        MvcResult placed = buyer.post("/checkout/place", Map.of());
        assertThat(placed.getResponse().getRedirectedUrl()).isEqualTo(buyer.base() + "/checkout/thanks");
        Object number = placed.getFlashMap().get("orderNumber");
        assertThat(number).isNotNull();
        return number.toString();
    }
}
