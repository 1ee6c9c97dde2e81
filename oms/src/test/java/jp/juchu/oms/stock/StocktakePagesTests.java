package jp.juchu.oms.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import jp.juchu.oms.orders.Orders;
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
class StocktakePagesTests {

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

    long sheetFor(String shelf) throws Exception {
        String location = mvc.perform(post("/stock/stocktakes")
                        .param("title", "棚卸 " + shelf)
                        .param("locationPrefix", shelf)
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void aSheetIsMadeCountedLineByLineWithHtmxFoundByJanAndApplied() throws Exception {
        String shelf = "P" + StockFixture.unique();
        String code = "PA" + StockFixture.unique();
        long sku = fx.sku(code, 4);
        long other = fx.sku("PB" + StockFixture.unique(), 2);
        jdbc.sql("update product set shelf_location = ?, jan_code = '4901234567894', cost_price = 500 where id = ?")
                .params(shelf + "-1", sku)
                .update();
        jdbc.sql("update product set shelf_location = ? where id = ?")
                .params(shelf + "-2", other)
                .update();
        long sheet = sheetFor(shelf);

        Document entry = page("/stock/stocktakes/" + sheet);
        assertThat(entry.select("[data-testid=count-line]")).hasSize(2);
        assertThat(entry.select("[data-testid=state]").text()).isEqualTo("作成済");
        assertThat(entry.select("script[src$=stocktake.js]")).hasSize(1);
        assertThat(entry.select("script:not([src])")).isEmpty();
        assertThat(page("/stock/stocktakes/" + sheet + "?q=4901234567894")
                        .select("[data-testid=line-code]")
                        .eachText())
                .containsExactly(code);

        String line = mvc.perform(post("/stock/stocktakes/" + sheet + "/lines/" + sku)
                        .param("counted", "3")
                        .header("HX-Request", "true")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document saved = Jsoup.parse(line);
        assertThat(saved.select("[data-testid=line-saved]")).hasSize(1);
        assertThat(saved.select("[data-testid=difference]").text()).isEqualTo("-1");
        assertThat(saved.select("[data-testid=summary-text][hx-swap-oob=true]").text())
                .contains("入力済み 1 / 2 SKU / 差異あり 1 SKU");
        String refused = mvc.perform(post("/stock/stocktakes/" + sheet + "/lines/" + other)
                        .param("counted", "たくさん")
                        .header("HX-Request", "true")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(refused).select("[data-testid=line-error]").text())
                .isEqualTo("実数: 「たくさん」は整数ではありません。0〜9,999,999 の整数で入力してください");

        mvc.perform(post("/stock/stocktakes/" + sheet + "/apply")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("saved", "棚卸表 #" + sheet + " を確定しました: 差異 1 SKU、差異金額 (原価) -500円"));
        Document applied = page("/stock/stocktakes/" + sheet);
        assertThat(applied.select("[data-testid=state]").first().text()).isEqualTo("確定");
        assertThat(applied.select("[data-testid=count-input]")).isEmpty();
        assertThat(applied.select("[data-testid=difference-value]").text()).contains("-500円");
        assertThat(fx.level(sku).onHand()).isEqualTo(3);
        assertThat(page("/stock/history?code=" + code + "&kind=STOCKTAKE")
                        .select("[data-testid=kind-label]")
                        .eachText())
                .containsExactly("棚卸差異");

        String csv = new String(
                mvc.perform(get("/stock/stocktakes/" + sheet + ".csv?charset=utf8")
                                .with(user("staff").roles("STAFF")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("棚番,商品コード,JANコード,商品名,帳簿数 (作成時),実数,差異,差異金額 (原価)")
                .contains(shelf + "-1," + code + ",4901234567894,商品 " + code + ",4,3,-1,-500");
        assertThat(page("/stock/stocktakes")
                        .select("[data-testid=stocktake-row]")
                        .text())
                .contains("棚卸 " + shelf);
    }

    @Test
    void theStockPagesSpeakEnglishWhenAsked() throws Exception {
        String shelf = "E" + StockFixture.unique();
        long sku = fx.sku("E" + StockFixture.unique(), 1);
        jdbc.sql("update product set shelf_location = ? where id = ?")
                .params(shelf, sku)
                .update();
        long sheet = sheetFor(shelf);
        assertThat(page("/stock?lang=en").select("h1").text()).isEqualTo("Stock list");
        assertThat(page("/stock/history?lang=en").select("h1").text()).isEqualTo("Stock history");
        assertThat(page("/stock/movements?lang=en").select("h1").text()).isEqualTo("Stock in/out");
        assertThat(page("/stock/stocktakes?lang=en").select("h1").text()).isEqualTo("Stocktakes");
        assertThat(page("/stock/stocktakes/" + sheet + "?lang=en")
                        .select("[data-testid=count-save]")
                        .text())
                .isEqualTo("Save");
    }

    @Test
    void aSheetThatDoesNotExistIsNotFound() throws Exception {
        mvc.perform(get("/stock/stocktakes/987654321").with(user("staff").roles("STAFF")))
                .andExpect(status().isNotFound());
    }
}
