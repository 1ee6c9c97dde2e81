package jp.juchu.oms.stock;

import static jp.juchu.oms.stock.StockFixture.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.stock.internal.StockSettingsStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class StockPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    @Autowired
    StockLedger ledger;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    StockSettingsStore settings;

    StockFixture fx;

    @BeforeEach
    void fixture() {
        fx = new StockFixture(jdbc, orders, ledger, tx);
    }

    Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theFiltersFindLowOutAndNegativeStock() throws Exception {
        String tag = "F" + StockFixture.unique();
        fx.sku(tag + "-LOW", 2);
        fx.sku(tag + "-OUT", 0);
        long negative = fx.sku(tag + "-NEG", 1);
        fx.sku(tag + "-OK", 100);
        ledger.book(java.util.List.of(new StockMovement(negative, "SHIP", -2, 0, null, null, null, "テスト")));

        assertThat(page("/stock?filter=LOW&q=" + tag)
                        .select("[data-testid=code]")
                        .eachText())
                .containsExactly(tag + "-LOW");
        assertThat(page("/stock?filter=OUT&q=" + tag)
                        .select("[data-testid=code]")
                        .eachText())
                .containsExactly(tag + "-NEG", tag + "-OUT");
        assertThat(page("/stock?filter=NEGATIVE&q=" + tag)
                        .select("[data-testid=code]")
                        .eachText())
                .containsExactly(tag + "-NEG");
        // hostile paging and filters fall back, never a 500
        assertThat(page("/stock?filter=DROP&page=-5&q=" + tag).select("[data-testid=code]"))
                .hasSize(4);
        assertThat(page("/stock/history?from=2026-13-45&to=x&kind=EVIL&page=abc")
                        .text())
                .contains("期間 (から): 日付を yyyy/MM/dd で入力してください")
                .contains("種別: 一覧から選んでください");
    }

    @Test
    void theHistoryCsvIsUtf8WithBomOrShiftJisWithFormulasNeutralised() throws Exception {
        String code = "V" + StockFixture.unique();
        long sku = fx.sku(code, 0);
        ledger.book(java.util.List.of(new StockMovement(sku, "ADJUST", 3, 0, null, null, "=HYPERLINK(\"x\")", "担当")));
        byte[] utf8 = mvc.perform(get("/stock/history.csv?encoding=utf8&code=" + code)
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(utf8[0]).isEqualTo((byte) 0xEF);
        String text = new String(utf8, 3, utf8.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("日時,商品コード").contains("'=HYPERLINK").contains("在庫調整");
        byte[] sjis = mvc.perform(get("/stock/history.csv?encoding=sjis&code=" + code)
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(sjis, Charset.forName("windows-31j"))).startsWith("日時,商品コード");
    }

    @Test
    void theOrderPageShowsTheShortLines() throws Exception {
        String code = "O" + StockFixture.unique();
        fx.sku(code, 1);
        long order = fx.order("o-" + code, OffsetDateTime.now(), item(code, 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.status(order).equals("AWAITING_STOCK"));
        Document panel = page("/stock/orders/" + order);
        assertThat(panel.select("[data-testid=allocation-state]").text()).isEqualTo("在庫不足 (引当待ち)");
        assertThat(panel.select("[data-testid=line-state]").text()).isEqualTo("在庫不足");
    }

    @Test
    void onlyAnAdminChangesTheSettingsAndBadValuesAreRefused() throws Exception {
        mvc.perform(post("/stock/settings")
                        .param("allocationTiming", "ON_IMPORT")
                        .param("lowStockThreshold", "7")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/stock/settings")
                        .param("allocationTiming", "ON_IMPORT")
                        .param("lowStockThreshold", "-1")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "在庫少のしきい値は0〜99999で入力してください"));
        mvc.perform(post("/stock/settings")
                        .param("allocationTiming", "ON_IMPORT")
                        .param("lowStockThreshold", "7")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("saved", "在庫設定を保存しました"));
        assertThat(settings.current().lowStockThreshold()).isEqualTo(7);
        settings.save(new StockSettings(StockSettings.AllocationTiming.ON_IMPORT, 5), "test");
    }
}
