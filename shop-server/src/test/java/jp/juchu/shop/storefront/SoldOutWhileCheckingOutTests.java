package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@StorefrontTest
class SoldOutWhileCheckingOutTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(StorefrontTest.SMTP_PORT, null, "smtp"));

    @Autowired
    MockMvc mvc;

    @Autowired
    StorefrontFixtures fixtures;

    @Test
    void itemSoldOutWhileCheckingOutPlacesNothingAndKeepsTheCart() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "rare-02", "限定 抹茶", 3240, 8, 2);
        fixtures.member(shopId, "ume", "ume-pass-1", 1000);
        Shopper buyer = new Shopper(mvc, shopId);
        buyer.login("ume", "ume-pass-1");
        buyer.addToCart("rare-02", 2);
        Map<String, String> form = Shopper.buyerForm();
        form.put("pointsToUse", "500");
        buyer.post("/checkout", form);

        Shopper faster = new Shopper(mvc, shopId);
        faster.addToCart("rare-02", 1);
        faster.post("/checkout", Shopper.buyerForm());
        assertThat(faster.post("/checkout/place", Map.of()).getResponse().getRedirectedUrl())
                .endsWith("/checkout/thanks");

        int orders = fixtures.orderCount(shopId);
        MvcResult late = buyer.post("/checkout/place", Map.of());
        assertThat(late.getResponse().getRedirectedUrl()).endsWith("/cart");
        assertThat(late.getFlashMap().get("error")).isEqualTo("storefront.checkout.soldOut");
        assertThat(fixtures.orderCount(shopId)).isEqualTo(orders);
        assertThat(fixtures.points(shopId, "ume")).isEqualTo(1000);
        assertThat(fixtures.available(shopId, "rare-02")).isEqualTo(1);
        assertThat(buyer.page("/cart").select("[data-testid=cart-line]")).hasSize(1);
    }

    @Test
    void manyBuyersCheckingOutAtOnceBuyTheLastUnitsOnlyOnce() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "rare-03", "限定 玉露", 5400, 8, 3);
        List<Shopper> buyers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Shopper buyer = new Shopper(mvc, shopId);
            buyer.addToCart("rare-03", 1);
            buyer.post("/checkout", Shopper.buyerForm());
            buyers.add(buyer);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> placing = new ArrayList<>();
        for (Shopper buyer : buyers) {
            placing.add(
                    () -> buyer.post("/checkout/place", Map.of()).getResponse().getRedirectedUrl());
        }
        int placed = 0;
        for (Future<String> outcome : pool.invokeAll(placing)) {
            placed += outcome.get().endsWith("/checkout/thanks") ? 1 : 0;
        }
        pool.shutdown();

        assertThat(placed).isEqualTo(3);
        assertThat(fixtures.orderCount(shopId)).isEqualTo(3);
        assertThat(fixtures.available(shopId, "rare-03")).isZero();
    }
}
