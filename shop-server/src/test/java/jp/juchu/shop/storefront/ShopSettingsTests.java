package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.juchu.shop.settings.InvalidSetup;
import jp.juchu.shop.settings.ShopSetup;
import jp.juchu.shop.settings.ShopSetups;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** お店設定: what the merchant saves is what the storefront charges, offers and shows — from the next checkout on. */
@StorefrontTest
class ShopSettingsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StorefrontFixtures fixtures;

    @Autowired
    ShopSetups setups;

    @Autowired
    Checkout checkout;

    @Autowired
    OrderConfirmationMail mail;

    @Test
    void aChangedShippingFeeAppliesToTheNextCheckoutWhilePlacedOrdersKeepTheirs() {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, null);
        PlacedOrder before = checkout.place(
                shopId, CheckoutOrders.of(null, "", "BankTransfer", "tea-001", 1), checkout.setup(shopId));
        assertThat(before.quote().shippingFee()).isEqualTo(800);

        ShopSetup.Shipping s = setups.of(shopId).shipping();
        setups.saveShipping(
                shopId, new ShopSetup.Shipping(500, s.freeOver(), s.prefectureExtras(), s.giftWrappingFee()));

        PlacedOrder after = checkout.place(
                shopId, CheckoutOrders.of(null, "", "BankTransfer", "tea-001", 1), checkout.setup(shopId));
        assertThat(after.quote().shippingFee()).isEqualTo(500);
        assertThat(fixtures.order(shopId, before.orderNumber()).total()).isEqualTo(1080 + 800);
        assertThat(fixtures.order(shopId, after.orderNumber()).total()).isEqualTo(1080 + 500);
    }

    @Test
    void aCheckoutAlreadyAtTheConfirmationKeepsTheFeeItStartedWith() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, null);
        Shopper early = new Shopper(mvc, shopId);
        early.addToCart("tea-001", 1);
        early.post("/checkout", Shopper.buyerForm());

        ShopSetup.Shipping s = setups.of(shopId).shipping();
        setups.saveShipping(
                shopId, new ShopSetup.Shipping(650, s.freeOver(), s.prefectureExtras(), s.giftWrappingFee()));

        assertThat(early.page("/checkout/confirm")
                        .select("[data-testid=amount-shipping]")
                        .text())
                .isEqualTo("800円");
        Shopper late = new Shopper(mvc, shopId);
        late.addToCart("tea-001", 1);
        late.page("/checkout");
        late.post("/checkout", Shopper.buyerForm());
        assertThat(late.page("/checkout/confirm")
                        .select("[data-testid=amount-shipping]")
                        .text())
                .isEqualTo("650円");
    }

    @Test
    void feesCodTableFreeShippingAndPrefectureExtrasComeFromTheSettings() {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1000, 8, null);
        setups.saveShipping(shopId, new ShopSetup.Shipping(700, 3_000, Map.of("鹿児島県", 450), 200));
        ShopSetup.Payments p = setups.of(shopId).payments();
        setups.savePayments(
                shopId,
                new ShopSetup.Payments(
                        p.card(),
                        p.cardTestMode(),
                        p.bankTransfer(),
                        p.bankAccount(),
                        true,
                        List.of(new ShopSetup.CodFee(5_000, 250), new ShopSetup.CodFee(null, 600)),
                        p.convenienceStore(),
                        p.convenienceStoreDays()));
        ShopSetup setup = setups.of(shopId);

        Quote small =
                checkout.quote(shopId, CheckoutOrders.to("鹿児島県", null, "", "CashOnDelivery", "tea-001", 2), setup);
        assertThat(small.shippingFee()).isEqualTo(700 + 450);
        assertThat(small.codFee()).isEqualTo(250);
        Quote large =
                checkout.quote(shopId, CheckoutOrders.to("鹿児島県", null, "", "CashOnDelivery", "tea-001", 6), setup);
        assertThat(large.shippingFee())
                .as("free from 3,000 yen, the extra still charged")
                .isEqualTo(450);
        assertThat(large.codFee()).isEqualTo(600);
        assertThat(checkout.quote(shopId, CheckoutOrders.of(null, "", "CashOnDelivery", "tea-001", 2), setup)
                        .shippingFee())
                .as("北海道 and 沖縄県 are no longer extra: the shop's table replaced the defaults")
                .isEqualTo(700);
    }

    @Test
    void paymentMethodsDeliveryDatesAndTimeSlotsOfferedAreTheShopsOwn() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, null);
        ShopSetup.Payments p = setups.of(shopId).payments();
        setups.savePayments(
                shopId,
                new ShopSetup.Payments(
                        true, true, true, p.bankAccount(), false, p.codFees(), false, p.convenienceStoreDays()));
        setups.saveDelivery(shopId, new ShopSetup.Delivery(true, 5, 3, List.of("Morning")));
        Shopper buyer = new Shopper(mvc, shopId);
        buyer.addToCart("tea-001", 1);

        Document form = buyer.page("/checkout");
        assertThat(form.select("[data-testid^=pay-]").eachAttr("data-testid"))
                .containsExactly("pay-CreditCard", "pay-BankTransfer");
        assertThat(form.select("[data-testid=dest-date-0] option")).hasSize(1 + 3);
        assertThat(form.select("[data-testid=dest-slot-0] option").eachAttr("value"))
                .containsExactly("", "Morning");

        Map<String, String> cod = Shopper.buyerForm();
        cod.put("paymentMethod", "CashOnDelivery");
        cod.put("destinations[0].timeSlot", "From14To16");
        Document refused =
                Jsoup.parse(buyer.post("/checkout", cod).getResponse().getContentAsString());
        assertThat(refused.select("[data-testid=error-summary]").text())
                .contains("お支払い方法")
                .contains("時間帯");
    }

    @Test
    void theFormRefusesOutOfBoundsControlCharactersAndNonNumbersInJapaneseAndSavesNothing() throws Exception {
        String shopId = fixtures.shop();
        ShopSetup before = setups.of(shopId);

        Document shipping = page(post("/admin/settings/shipping")
                .with(user(shopId).roles("MERCHANT"))
                .with(csrf())
                .param("flatFee", "100001")
                .param("freeOver", "")
                .param("giftWrappingFee", "-1"));
        assertThat(shipping.select("[data-testid=settings-failed]").text()).contains("送料設定");
        assertThat(shipping.select("[data-testid=flat-fee-error]").text()).isEqualTo("送料は0〜100,000円で入力してください");
        assertThat(shipping.text()).contains("ギフト包装料は0〜100,000円で入力してください");

        Document letters = page(post("/admin/settings/shipping")
                .with(user(shopId).roles("MERCHANT"))
                .with(csrf())
                .param("flatFee", "800")
                .param("freeOver", "abc")
                .param("giftWrappingFee", "330"));
        assertThat(letters.text()).contains("半角数字");

        Document details = page(post("/admin/settings/details")
                .with(user(shopId).roles("MERCHANT"))
                .with(csrf())
                .param("name", "店\u0000名")
                .param("invoiceNumber", "T123"));
        assertThat(details.text()).contains("使用できない文字（制御文字）が含まれています");
        Document invoice = page(post("/admin/settings/details")
                .with(user(shopId).roles("MERCHANT"))
                .with(csrf())
                .param("name", "日本茶の店")
                .param("invoiceNumber", "T123"));
        assertThat(invoice.text()).contains("登録番号は T と13桁の数字で入力してください");
        // every other path goes through the same rule: the settings refuse control characters themselves
        ShopSetup.Details d = before.details();
        assertThatThrownBy(() -> setups.saveDetails(
                        shopId,
                        new ShopSetup.Details(
                                "店\u0000名",
                                d.company(),
                                d.postalCode(),
                                d.address(),
                                d.phone(),
                                d.email(),
                                "返品\u0007について",
                                d.invoiceNumber())))
                .isInstanceOf(InvalidSetup.class)
                .hasMessageContaining("店の名前に制御文字は使えません")
                .hasMessageContaining("特定商取引法に基づく表記に使えない制御文字が含まれています");

        Document payments = page(post("/admin/settings/payments")
                .with(user(shopId).roles("MERCHANT"))
                .with(csrf())
                // as a browser sends unticked boxes: the marker without the value
                .param("_card", "on")
                .param("_cardTestMode", "on")
                .param("_cashOnDelivery", "on")
                .param("_convenienceStore", "on")
                .param("bankTransfer", "true")
                .param("bank", "ジュチュウ銀行")
                .param("codUpTo", "10000", "")
                .param("codFee", "330", "440")
                .param("convenienceStoreDays", "10"));
        assertThat(payments.text())
                .contains("振込先は銀行名・支店名・口座番号・口座名義をすべて入力してください")
                .doesNotContain("決済方法を1つ以上");

        assertThat(setups.of(shopId)).isEqualTo(before);
    }

    @Test
    void everyPaymentMethodOffIsRefusedAndCardsNeedTestMode() {
        String shopId = fixtures.shop();
        ShopSetup.Payments p = setups.of(shopId).payments();
        assertThatThrownBy(() -> setups.savePayments(
                        shopId,
                        new ShopSetup.Payments(false, true, false, p.bankAccount(), false, p.codFees(), false, 10)))
                .isInstanceOf(InvalidSetup.class)
                .hasMessageContaining("決済方法を1つ以上有効にしてください");
        assertThatThrownBy(() -> setups.savePayments(
                        shopId,
                        new ShopSetup.Payments(true, false, false, p.bankAccount(), false, p.codFees(), false, 10)))
                .isInstanceOf(InvalidSetup.class)
                .hasMessageContaining("テストモードでのみ");
        assertThatThrownBy(() -> setups.savePayments(
                        shopId,
                        new ShopSetup.Payments(
                                true,
                                true,
                                false,
                                p.bankAccount(),
                                true,
                                List.of(new ShopSetup.CodFee(10_000, 330), new ShopSetup.CodFee(20_000, 440)),
                                false,
                                10)))
                .isInstanceOf(InvalidSetup.class)
                .hasMessageContaining("最後の段階は上限金額を空欄に");
    }

    @Test
    void savedFromTheAdminPageTheDetailsAppearOnTheLegalNoticePageAndInTheOrderMail() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, null);
        MvcResult saved = mvc.perform(post("/admin/settings/details")
                        .with(user(shopId).roles("MERCHANT"))
                        .with(csrf())
                        .param("name", "日本茶の店 みどり")
                        .param("company", "株式会社みどり")
                        .param("postalCode", "420-0001")
                        .param("address", "静岡県静岡市葵区1-2-3")
                        .param("phone", "054-123-4567")
                        .param("email", "info@midori.example")
                        .param("legalNotice", "返品: 到着後8日以内\n送料: お客様負担")
                        .param("invoiceNumber", "T9876543210987"))
                .andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/settings#details");

        Document law = new Shopper(mvc, shopId).page("/law");
        assertThat(law.select("[data-testid=legal-details]").text())
                .contains("株式会社みどり")
                .contains("054-123-4567");
        assertThat(law.select("[data-testid=invoice-number]").text()).isEqualTo("T9876543210987");
        assertThat(law.select("[data-testid=legal-notice]").text()).contains("返品: 到着後8日以内");
        assertThat(law.select("header").text()).contains("日本茶の店 みどり");

        ShopSetup setup = setups.of(shopId);
        CheckoutOrder order = CheckoutOrders.of(null, "", "BankTransfer", "tea-001", 1);
        PlacedOrder placed = checkout.place(shopId, order, setup);
        assertThat(mail.body(setup, placed, order, Locale.JAPANESE))
                .contains("日本茶の店 みどり")
                .contains("T9876543210987")
                .contains("振込先は店舗からメールでご連絡します");
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    @Test
    void theSettingsPageShowsTheCurrentValues() throws Exception {
        String shopId = fixtures.shop();
        Document page = page(get("/admin/settings").with(user(shopId).roles("MERCHANT")));
        assertThat(page.select("[data-testid=flat-fee]").val()).isEqualTo("800");
        assertThat(page.select("[data-testid=cod-fee-3]").val()).isEqualTo("1100");
        assertThat(page.select("[data-testid=extra-0]").val()).isEqualTo("1000");
    }
}
