package jp.juchu.shop.storefront;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The app as it runs before a module provides the storefront's ports: it starts, the shop pages say 503. */
@SpringBootTest
@AutoConfigureMockMvc
class StorefrontWithoutBackendTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Test
    void shopPagesAnswerServiceUnavailableUntilTheCatalogIsConnected() throws Exception {
        shops.open("sfnoback01", "ポート未接続の店", "merchant-pass-1");
        mvc.perform(get("/shops/sfnoback01/")).andExpect(status().isServiceUnavailable());
        mvc.perform(get("/shops/sfnoback01/cart")).andExpect(status().isServiceUnavailable());
    }
}
