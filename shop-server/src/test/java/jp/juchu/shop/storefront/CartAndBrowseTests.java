package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import jp.juchu.shop.settings.ShopSetups;
import jp.juchu.shop.shops.Shops;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@StorefrontTest
class CartAndBrowseTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(StorefrontTest.SMTP_PORT, null, "smtp"));

    @Autowired
    MockMvc mvc;

    @Autowired
    StorefrontFixtures fixtures;

    @Autowired
    Shops shops;

    @Autowired
    Coupons coupons;

    @Autowired
    ShopSetups setups;

    @Test
    void topPageListsNewItemsAndProductPageShowsPriceStockAndReviews() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, 3);
        fixtures.review(shopId, "tea-001", 5, "香りが良い");
        fixtures.review(shopId, "tea-001", 4, "また買います");
        Shopper buyer = new Shopper(mvc, shopId);

        Document top = buyer.page("/");
        assertThat(top.select("[data-testid=item-card]").text())
                .contains("静岡煎茶")
                .contains("1,080円");

        Document product = buyer.page("/items/tea-001");
        assertThat(product.select("[data-testid=item-price]").text()).isEqualTo("1,080円");
        assertThat(product.text()).contains("消費税8%");
        assertThat(product.select("[data-testid=stock-state]").text()).isEqualTo("残りわずか");
        assertThat(product.select("[data-testid=review]")).hasSize(2);
        assertThat(product.select("[data-testid=average-rating]").text())
                .contains("4.5")
                .contains("2件");
    }

    @Test
    void searchFindsItemsByKeyword() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, null);
        fixtures.product(shopId, "cup-01", "有田焼 湯呑み", 2200, 10, null);
        Document found = new Shopper(mvc, shopId).page("/search?q=煎茶");
        assertThat(found.select("[data-testid=item-card]")).hasSize(1);
        assertThat(found.select("[data-testid=item-card]").text()).contains("静岡煎茶");
    }

    @Test
    void cartSurvivesReloadsAndQuantitiesChangeAndLinesGo() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, 10);
        Shopper buyer = new Shopper(mvc, shopId);
        buyer.addToCart("tea-001", 2);
        assertThat(buyer.page("/cart").select("[data-testid=cart-total]").text())
                .isEqualTo("2,160円");

        buyer.post("/cart/update", Map.of("itemCode", "tea-001", "variation", "", "quantity", "3"));
        Document reloaded = buyer.page("/cart");
        assertThat(reloaded.select("[data-testid=cart-quantity]").val()).isEqualTo("3");
        assertThat(reloaded.select("[data-testid=cart-count]").text()).isEqualTo("3");

        buyer.post("/cart/remove", Map.of("itemCode", "tea-001", "variation", ""));
        assertThat(buyer.page("/cart").select("[data-testid=cart-empty]")).hasSize(1);
    }

    @Test
    void quantitiesBeyondStockAreRefusedWithAMessage() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, 2);
        Shopper buyer = new Shopper(mvc, shopId);
        assertThat(buyer.addToCart("tea-001", 3).getFlashMap().get("error")).isEqualTo("storefront.cart.beyondStock");
        buyer.addToCart("tea-001", 2);
        buyer.post("/cart/update", Map.of("itemCode", "tea-001", "variation", "", "quantity", "5"));
        Document cart = buyer.page("/cart");
        assertThat(cart.select("[data-testid=cart-quantity]").val()).isEqualTo("2");
    }

    @Test
    void refusedQuantityShowsTheMessageOnTheProductPage() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, 2);
        Shopper buyer = new Shopper(mvc, shopId);
        var result = buyer.addToCart("tea-001", 3);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(buyer.base() + "/items/tea-001");
        assertThat(result.getFlashMap().get("errorArgs")).isEqualTo(new Object[] {"静岡煎茶", 2});
    }

    @Test
    void soldOutVariationsAreShownAsSuch() throws Exception {
        String shopId = fixtures.shop();
        fixtures.productWithVariations(shopId, "tshirt", "Tシャツ", 3300);
        Document page = new Shopper(mvc, shopId).page("/items/tshirt");
        assertThat(page.select("[data-testid=variation-row]").text()).contains("売り切れ");
        assertThat(page.select("[data-testid=choice-0] option[disabled]").text())
                .contains("（売り切れ）");
    }

    @Test
    void aVariationIsChosenOnEachAxisAndSoldOutOnesAreRefused() throws Exception {
        String shopId = fixtures.shop();
        fixtures.productWithVariations(shopId, "tshirt", "Tシャツ", 3300);
        Shopper buyer = new Shopper(mvc, shopId);
        assertThat(buyer.addToCart("tshirt", 1, "白", "M").getFlashMap().get("error"))
                .isEqualTo("storefront.cart.beyondStock");
        assertThat(buyer.addToCart("tshirt", 1, "赤", "").getFlashMap().get("error"))
                .isEqualTo("storefront.cart.chooseVariation");
        buyer.addToCart("tshirt", 2, "赤", "M");
        Document cart = buyer.page("/cart");
        assertThat(cart.select("[data-testid=cart-line]").text())
                .contains("Tシャツ")
                .contains("赤/M");
        assertThat(cart.select("[data-testid=cart-total]").text()).isEqualTo("6,600円");
    }

    @Test
    void demoShopGetsItsShippingRuleAndCoupons() {
        String shopId = "sfdemo" + System.nanoTime() % 100_000;
        shops.openDemo(shopId, "デモ店", "demo-pass-1");
        assertThat(coupons.find(shopId, "welcome500")).isPresent();
        assertThat(ShippingRule.of(setups.of(shopId)).fee("沖縄県", 0)).isEqualTo(1_800);
        assertThat(setups.of(shopId).payments().bankAccount().complete()).isTrue();
        assertThat(setups.of(shopId).details().invoiceNumber()).isEqualTo("T1234567890123");
    }

    @Test
    void unknownShopIsNotFound() throws Exception {
        assertThat(new Shopper(mvc, "nosuchshop9").get("/").getResponse().getStatus())
                .isEqualTo(404);
    }
}
