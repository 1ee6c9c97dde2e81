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

@StorefrontTest
class OrderNumberTests {

    private static final int BUYERS = 24;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(StorefrontTest.SMTP_PORT, null, "smtp"));

    @Autowired
    MockMvc mvc;

    @Autowired
    StorefrontFixtures fixtures;

    @Test
    void parallelCheckoutsOfDifferentProductsAllSucceedWithDistinctNumbers() throws Exception {
        String shopId = fixtures.shop();
        List<Shopper> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            String code = "par-" + i;
            fixtures.product(shopId, code, "並行 " + i, 1000 + i, 8, 5);
            Shopper buyer = new Shopper(mvc, shopId);
            buyer.addToCart(code, 1);
            buyer.post("/checkout", Shopper.buyerForm());
            buyers.add(buyer);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> placing = new ArrayList<>();
        for (Shopper buyer : buyers) {
            placing.add(
                    () -> buyer.post("/checkout/place", Map.of()).getResponse().getRedirectedUrl());
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> outcome : pool.invokeAll(placing)) {
            outcomes.add(outcome.get());
        }
        pool.shutdown();

        assertThat(outcomes).allSatisfy(url -> assertThat(url).endsWith("/checkout/thanks"));
        List<String> numbers = fixtures.orderNumbers(shopId);
        assertThat(numbers).hasSize(BUYERS).doesNotHaveDuplicates();
        assertThat(numbers).allSatisfy(n -> assertThat(n).matches("\\d{8}-\\d{4}"));
    }
}
