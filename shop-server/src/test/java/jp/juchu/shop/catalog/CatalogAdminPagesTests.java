package jp.juchu.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.shop.shops.Shops;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class CatalogAdminPagesTests {

    private static final AtomicInteger SHOPS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    Catalog catalog;

    @Autowired
    Categories categories;

    @Autowired
    JdbcClient jdbc;

    String shopId;

    @BeforeEach
    void openShop() {
        shopId = "catadmin" + SHOPS.incrementAndGet();
        shops.open(shopId, "商品画面テスト店", "password-1");
        categories.add(shopId, null, "食品");
        catalog.create(
                shopId,
                new ProductDraft(
                        "low-1", "玉露", 2160, 8, false, 5, true, null, List.of(), Map.of("", 2), List.of("食品")));
        catalog.create(
                shopId,
                new ProductDraft(
                        "out-1", "どら焼き", 1188, 8, false, 5, true, null, List.of(), Map.of("", 0), List.of("食品")));
        catalog.create(
                shopId,
                new ProductDraft(
                        "ok-1", "煎茶", 1080, 8, false, 5, true, null, List.of(), Map.of("", 50), List.of("食品")));
    }

    private RequestPostProcessor merchant() {
        return user(shopId).roles("MERCHANT");
    }

    @Test
    void theDashboardsStockFiguresLeadToTheFilteredProductList() throws Exception {
        Document top = Jsoup.parse(mvc.perform(get("/admin").with(merchant()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(top.select("[data-testid=stock-low]").text()).isEqualTo("1");
        assertThat(top.select("[data-testid=stock-out]").text()).isEqualTo("1");
        assertThat(top.select("[data-testid=product-usage]").text()).isEqualTo("3 / 1,000");

        Document low = Jsoup.parse(mvc.perform(
                        get(top.select("[data-testid=stock-low]").attr("href")).with(merchant()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(low.select("[data-testid=product-code]").eachText()).containsExactly("low-1");
    }

    @Test
    void aProductIsRegisteredWithVariationsAndItsStockEditedPerVariation() throws Exception {
        mvc.perform(post("/admin/products")
                        .with(merchant())
                        .with(csrf())
                        .param("itemCode", "shirt")
                        .param("name", "茶柄 Tシャツ")
                        .param("price", "3300")
                        .param("taxRate", "10")
                        .param("alertThreshold", "2")
                        .param("published", "true")
                        .param("axisTitles[0]", "色")
                        .param("axisChoices[0]", "白, 紺")
                        .param("axisTitles[1]", "サイズ")
                        .param("axisChoices[1]", "M、L"))
                .andExpect(redirectedUrl("/admin/products/shirt"));
        assertThat(catalog.find(shopId, "shirt").orElseThrow().stock()).containsOnlyKeys("白/M", "白/L", "紺/M", "紺/L");

        Document form = Jsoup.parse(mvc.perform(get("/admin/products/shirt").with(merchant()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(form.select("[data-testid=stock-table] input")).hasSize(4);

        mvc.perform(post("/admin/products/shirt")
                        .with(merchant())
                        .with(csrf())
                        .param("name", "茶柄 Tシャツ")
                        .param("price", "3300")
                        .param("taxRate", "10")
                        .param("alertThreshold", "2")
                        .param("published", "true")
                        .param("axisTitles[0]", "色")
                        .param("axisChoices[0]", "白, 紺")
                        .param("axisTitles[1]", "サイズ")
                        .param("axisChoices[1]", "M, L")
                        .param("stock[白/M]", "12")
                        .param("stock[紺/L]", "3"))
                .andExpect(redirectedUrl("/admin/products/shirt"));
        assertThat(catalog.find(shopId, "shirt").orElseThrow().stock())
                .containsEntry("白/M", 12)
                .containsEntry("紺/L", 3)
                .containsEntry("白/L", 0);
    }

    @Test
    void aWrongFieldIsNamedAndTheEntriesAreKept() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/admin/products")
                        .with(merchant())
                        .with(csrf())
                        .param("itemCode", "ok-1")
                        .param("name", "別の煎茶")
                        .param("price", "900")
                        .param("taxRate", "8"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("[data-testid=itemCode-error]").text()).contains("すでに登録");
        assertThat(page.select("[data-testid=name]").val()).isEqualTo("別の煎茶");
        assertThat(page.select("[data-testid=price]").val()).isEqualTo("900");
    }

    @Test
    void thePlanLimitIsShownOnTheFormAndNothingIsSaved() throws Exception {
        jdbc.sql("update shop set product_limit = 3 where shop_id = ?")
                .param(shopId)
                .update();
        mvc.perform(post("/admin/products")
                        .with(merchant())
                        .with(csrf())
                        .param("itemCode", "four")
                        .param("name", "4つ目")
                        .param("price", "100")
                        .param("taxRate", "10"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("上限 (3件)")));
        assertThat(catalog.find(shopId, "four")).isEmpty();
    }

    @Test
    void categoriesAreAddedAndANonEmptyOneIsNotDeleted() throws Exception {
        mvc.perform(post("/admin/categories")
                        .with(merchant())
                        .with(csrf())
                        .param("parent", "食品")
                        .param("name", "日本茶"))
                .andExpect(flash().attribute("saved", true));
        mvc.perform(post("/admin/categories/delete")
                        .with(merchant())
                        .with(csrf())
                        .param("path", "食品"))
                .andExpect(flash().attribute("error", containsString("サブカテゴリ")));
        mvc.perform(get("/admin/categories").with(merchant()))
                .andExpect(content().string(containsString("data-path=\"食品/日本茶\"")));
    }

    @Test
    void anotherShopsProductIsNotFound() throws Exception {
        mvc.perform(get("/admin/products/ok-1").with(user("someothershop").roles("MERCHANT")))
                .andExpect(status().isNotFound());
    }
}
