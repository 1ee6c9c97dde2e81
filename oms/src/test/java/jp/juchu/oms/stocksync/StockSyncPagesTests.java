package jp.juchu.oms.stocksync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.oms.malls.ConnectionSettings;
import jp.juchu.oms.malls.ConnectionSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The sync page of a shop: preview and confirmation, a listing's rule, refusals. */
@SpringBootTest
@AutoConfigureMockMvc
class StockSyncPagesTests {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    ConnectionSetup setup;

    @Autowired
    StockSync sync;

    @Autowired
    JdbcClient jdbc;

    StockShop shop;
    long connectionId;
    long listing;

    @BeforeEach
    void linkShop() throws Exception {
        shop = new StockShop();
        int n = N.incrementAndGet();
        connectionId = setup.saveUnverified(new ConnectionSettings(
                        "page" + n, "open-key", "manager-key", 7, false, 30, shop.managementUrl(), shop.itemUrl()))
                .id();
        long sku = jdbc.sql("insert into product (code, name) values (?, ?) returning id")
                .params("PAGE-" + n + "-" + System.nanoTime() % 100000, "画面テスト")
                .query(Long.class)
                .single();
        listing = jdbc.sql("insert into listing (connection_id, item_code, product_id) values (?, ?, ?) returning id")
                .params(connectionId, "page-item-" + n, sku)
                .query(Long.class)
                .single();
        shop.stock.put("page-item-" + n, 4);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void theFirstPushWaitsForTheConfirmationOfThePreview() throws Exception {
        mvc.perform(get("/stock-sync/" + connectionId).with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"sync-unconfirmed\"")));
        mvc.perform(get("/stock-sync/" + connectionId + "/preview")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1件")));
        mvc.perform(post("/stock-sync/" + connectionId + "/confirm")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(sync.shop(connectionId).confirmed()).isTrue();
        assertThat(sync.waitingCount(connectionId)).isEqualTo(1);
    }

    @Test
    void aViewerCannotConfirmNorChangeARule() throws Exception {
        mvc.perform(post("/stock-sync/" + connectionId + "/confirm")
                        .with(user("viewer").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/stock-sync/" + connectionId + "/listings/" + listing)
                        .param("enabled", "true")
                        .param("sharePercent", "50")
                        .param("reserve", "0")
                        .param("floorQuantity", "0")
                        .with(user("viewer").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(sync.shop(connectionId).confirmed()).isFalse();
    }

    @Test
    void aRuleOutOfRangeIsRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        mvc.perform(post("/stock-sync/" + connectionId + "/listings/" + listing)
                        .param("enabled", "true")
                        .param("sharePercent", "150")
                        .param("reserve", "0")
                        .param("upperLimit", "-1")
                        .param("floorQuantity", "0")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("共有率 (%)は0〜100の整数で入力してください。")))
                .andExpect(flash().attribute("error", containsString("上限数は0〜999,999の整数で入力してください。")));
        mvc.perform(post("/stock-sync/" + connectionId + "/listings/" + listing)
                        .param("enabled", "true")
                        .param("sharePercent", "50")
                        .param("reserve", "abc")
                        .param("floorQuantity", "0")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("確保数は0〜999,999の整数で入力してください。")));
        assertThat(jdbc.sql("select count(*) from listing_sync where listing_id = ?")
                        .param(listing)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aRuleIsSavedAndAnUncheckedListingIsNoLongerSynced() throws Exception {
        mvc.perform(post("/stock-sync/" + connectionId + "/listings/" + listing)
                        .param("sharePercent", "30")
                        .param("reserve", "2")
                        .param("upperLimit", "")
                        .param("floorQuantity", "5")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/stock-sync/" + connectionId).with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("連携しない")));
        assertThat(jdbc.sql("select share_percent from listing_sync where listing_id = ?")
                        .param(listing)
                        .query(Integer.class)
                        .single())
                .isEqualTo(30);
    }

    @Test
    void anUnknownShopOrListingIsNotFound() throws Exception {
        mvc.perform(get("/stock-sync/999999").with(user("staff").roles("STAFF")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/stock-sync/" + connectionId + "/listings/999999")
                        .param("enabled", "true")
                        .param("sharePercent", "50")
                        .param("reserve", "0")
                        .param("floorQuantity", "0")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }
}
