package jp.juchu.oms.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.juchu.oms.mails.Mails;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.rules.AutoProcessing;
import jp.juchu.oms.rules.RuleSettings;
import jp.juchu.oms.stock.AllocationTimingSwitch;
import jp.juchu.oms.stock.StockSettings.AllocationTiming;
import jp.juchu.oms.stocksync.StockSync;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** オプション設定 switches the very flags the optional parts read, and refuses what is not a switch. */
@SpringBootTest
@AutoConfigureMockMvc
class OptionsPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AutoProcessing processing;

    @Autowired
    MallConnections connections;

    @Autowired
    Mails mails;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AllocationTimingSwitch allocation;

    @Autowired
    StockSync stockSync;

    @AfterEach
    void off() {
        processing.saveSettings(new RuleSettings(false, 14), "テスト");
        allocation.change(AllocationTiming.ON_IMPORT, "テスト");
    }

    long shop() {
        return jdbc.sql("insert into mall_connection (mall, shop_id, auto_fetch, write_back, status)"
                        + " values ('SHOP_SERVE', ?, true, true, 'OK') returning id")
                .param("opt" + System.nanoTime())
                .query(Long.class)
                .single();
    }

    @Test
    void eachSwitchWritesThePartsOwnSetting() throws Exception {
        long shop = shop();
        var template = mails.automatic().get(0);

        mvc.perform(post("/settings/options/rules")
                        .param("enabled", "true")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/options"));
        assertThat(processing.settings().enabled()).isTrue();
        mvc.perform(post("/settings/options/shops/" + shop)
                        .param("autoFetch", "true")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/options"));
        assertThat(connections.find(shop).orElseThrow().autoFetch()).isTrue();
        assertThat(connections.find(shop).orElseThrow().writeBack()).isFalse();
        mvc.perform(post("/settings/options/mails/" + template.id())
                        .param("autoSend", String.valueOf(!template.autoSend()))
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/options"));
        assertThat(mails.automatic())
                .filteredOn(t -> t.id() == template.id())
                .singleElement()
                .satisfies(t -> assertThat(t.autoSend()).isEqualTo(!template.autoSend()));

        Document page = Jsoup.parse(
                mvc.perform(get("/settings/options").with(user("admin").roles("ADMIN")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("[data-testid=options-rules-enabled]").hasAttr("checked"))
                .isTrue();
        assertThat(page.select("[data-testid=options-shop]")).isNotEmpty();
    }

    @Test
    void whatIsNotASwitchIsRefusedWithItsReasonAndOnlyAdminsMaySwitch() throws Exception {
        long own = connections.ownChannel(Mall.CSV).id();
        mvc.perform(post("/settings/options/shops/" + own)
                        .param("autoFetch", "true")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "ショップ " + own + " はありません"));
        mvc.perform(post("/settings/options/shops/99999999")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "ショップ 99999999 はありません"));
        mvc.perform(post("/settings/options/mails/99999999")
                        .param("autoSend", "true")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "メールテンプレートが見つかりません: 99999999"));
        mvc.perform(post("/settings/options/shops/abc")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/settings/options/rules")
                        .param("enabled", "maybe")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/settings/options/rules")
                        .param("enabled", "true")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/settings/options").with(user("staff").roles("STAFF"))).andExpect(status().isForbidden());
        assertThat(processing.settings().enabled()).isFalse();
    }

    @Test
    void theAllocationTimingAndEachShopsStockSyncAreSwitchedHere() throws Exception {
        long shop = shop();
        mvc.perform(post("/settings/options/allocation")
                        .param("timing", "AFTER_CONFIRMATION")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/options"))
                .andExpect(flash().attribute("message", "引当のタイミングを「確認待ちを抜けた時」にしました"));
        assertThat(allocation.current()).isEqualTo(AllocationTiming.AFTER_CONFIRMATION);
        mvc.perform(post("/settings/options/shops/" + shop)
                        .param("autoFetch", "true")
                        .param("writeBack", "true")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/options"));
        assertThat(stockSync.shop(shop).enabled()).isFalse();

        Document page = Jsoup.parse(
                mvc.perform(get("/settings/options").with(user("admin").roles("ADMIN")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("[data-testid=options-allocation-AFTER_CONFIRMATION]")
                        .hasAttr("checked"))
                .isTrue();
        assertThat(page.select("[data-testid=options-allocation-ON_IMPORT]").hasAttr("checked"))
                .isFalse();
        assertThat(page.select("input[form=shop-" + shop + "][name=stockSync]").hasAttr("checked"))
                .isFalse();
        // the stock sync pages say so
        assertThat(mvc.perform(get("/stock-sync/" + shop).with(user("admin").roles("ADMIN")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("data-testid=\"sync-off\"");

        mvc.perform(post("/settings/options/shops/" + shop)
                        .param("stockSync", "true")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/options"));
        assertThat(stockSync.shop(shop).enabled()).isTrue();

        mvc.perform(post("/settings/options/allocation")
                        .param("timing", "SOMETIME")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "引当のタイミング: 一覧から選んでください"));
        mvc.perform(post("/settings/options/allocation")
                        .param("timing", "ON_IMPORT")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(allocation.current()).isEqualTo(AllocationTiming.AFTER_CONFIRMATION);
    }
}
