package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import jp.juchu.shop.system.ErrorReasons;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Each class of bad input the storefront gets: a 4xx or a field error in Japanese, and nothing placed. */
@StorefrontTest
class StorefrontBadInputTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(StorefrontTest.SMTP_PORT, null, "smtp"));

    @Autowired
    MockMvc mvc;

    @Autowired
    StorefrontFixtures fixtures;

    String shopId;
    Shopper buyer;

    @BeforeEach
    void cartWithOneItem() throws Exception {
        shopId = fixtures.shop();
        fixtures.product(shopId, "tea-01", "煎茶", 1080, 8, 10);
        buyer = new Shopper(mvc, shopId);
        buyer.addToCart("tea-01", 1);
    }

    private Document checkout(Map<String, String> changes) throws Exception {
        Map<String, String> form = Shopper.buyerForm();
        form.putAll(changes);
        MvcResult result = buyer.post("/checkout", form);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    private void assertNothingPlaced() throws Exception {
        assertThat(buyer.post("/checkout/place", Map.of()).getResponse().getRedirectedUrl())
                .endsWith("/checkout");
        assertThat(fixtures.orderCount(shopId)).isZero();
    }

    @Test
    void aControlCharacterInANameIsAFieldErrorNamingTheField() throws Exception {
        Document page = checkout(Map.of("buyer.name", "山田\u0000太郎"));

        assertThat(page.text()).contains("使用できない文字（制御文字）が含まれています");
        assertThat(page.select("[data-testid=error-summary]").text()).contains("お名前");
        assertNothingPlaced();
    }

    @Test
    void aValueLongerThanItsColumnIsAFieldError() throws Exception {
        Document page = checkout(Map.of("buyer.address2", "あ".repeat(5000), "remarks", "x".repeat(5000)));

        assertThat(page.select("[data-testid=error-summary]").text()).contains("建物名・部屋番号", "備考", "長すぎます");
        assertNothingPlaced();
    }

    @Test
    void aNumberFieldGivenTextGetsAJapaneseMessageNotTheFrameworks() throws Exception {
        Document page = checkout(Map.of("pointsToUse", "abc", "cardExpiryYear", "99999999999"));

        assertThat(page.text()).contains("半角数字（整数）で入力してください").doesNotContain("Failed to convert", "java.lang");
        assertNothingPlaced();
    }

    @Test
    void aTimeSlotOrDateNotOfferedIsRefused() throws Exception {
        Document page = checkout(Map.of(
                "destinations[0].timeSlot", "<script>alert(1)</script>",
                "destinations[0].deliveryDate", "99999-01-01"));

        assertThat(page.select("[data-testid=error-summary]").text()).contains("時間帯", "お届け希望日");
        assertNothingPlaced();
    }

    @Test
    void aMalformedEmailIsRefused() throws Exception {
        Document page = checkout(Map.of("buyer.email", "taro@@example"));

        assertThat(page.select("[data-testid=error-summary]").text()).contains("メールアドレス");
        assertNothingPlaced();
    }

    @Test
    void aFormListIndexBeyondThePageIsA400WithASmallPage() throws Exception {
        for (String index : new String[] {"100000", "-1", "2147483648"}) {
            Map<String, String> form = Shopper.buyerForm();
            form.put("destinations[" + index + "].name", "x");
            MvcResult result = buyer.post("/checkout", form);

            assertThat(result.getResponse().getStatus()).as(index).isEqualTo(400);
            assertThat(result.getResponse().getContentAsString().length()).isLessThan(20_000);
        }
        assertNothingPlaced();
    }

    @Test
    void aControlCharacterInASearchIsA400NamingTheParameter() throws Exception {
        MvcResult result = mvc.perform(get("/shops/" + shopId + "/search").param("q", "煎\u0000"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getRequest().getAttribute(ErrorReasons.ATTRIBUTE)).isEqualTo("error.reason.control");
        assertThat(result.getRequest().getAttribute(ErrorReasons.FIELD)).isEqualTo("q");
    }

    @Test
    void anAbsurdQuantityIsRefusedAndTheCartStays() throws Exception {
        MvcResult huge = buyer.addToCart("tea-01", Integer.MAX_VALUE);
        MvcResult update =
                buyer.post("/cart/update", Map.of("itemCode", "tea-01", "quantity", String.valueOf(Integer.MAX_VALUE)));

        assertThat(huge.getFlashMap().get("error")).isEqualTo("storefront.cart.tooMany");
        assertThat(update.getFlashMap().get("error")).isEqualTo("storefront.cart.tooMany");
        assertThat(buyer.page("/cart").select("[data-testid=cart-line]")).hasSize(1);
        assertThat(buyer.post("/cart/update", Map.of("itemCode", "tea-01", "quantity", "1e3"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
    }

    @Test
    void anUnknownItemIsA404() throws Exception {
        assertThat(buyer.get("/items/no-such-item").getResponse().getStatus()).isEqualTo(404);
    }
}
