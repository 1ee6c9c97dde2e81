package jp.juchu.oms.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import jp.juchu.oms.products.internal.ProductCatalog;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The 商品管理 screens: register, edit with per-field Japanese errors, search, sets, the CSV page. */
@SpringBootTest
@AutoConfigureMockMvc
class ProductPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    static MockHttpServletRequestBuilder form(String url, String code, String salePrice) {
        return post(url)
                .param("code", code)
                .param("kind", "SKU")
                .param("name", "宇治抹茶")
                .param("taxRate", "8")
                .param("salePrice", salePrice)
                .param("costPrice", "600")
                .param("temperatureZone", "NORMAL")
                .param("sizeFactor", "1")
                .param("active", "true")
                .param("_active", "on")
                .param("_stockManaged", "on")
                .with(user("staff").roles("STAFF"))
                .with(csrf());
    }

    @Test
    void aProductIsRegisteredFoundAndEdited() throws Exception {
        String code = ProductFixture.code("matcha");
        String location = mvc.perform(form("/products", code, "1620"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = catalog.entry(code).orElseThrow().id();
        assertThat(location).isEqualTo("/products/" + id);

        Document list = page("/products?q=" + code);
        assertThat(list.select("[data-testid=product-code]").eachText()).containsExactly(code);
        assertThat(list.select("[data-testid=product-row]").text()).contains("1,620円");

        mvc.perform(form("/products/" + id, code, "1800").param("shelfLocation", "B-02"))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.entry(id).orElseThrow().salePrice()).isEqualTo(1800);
        assertThat(catalog.entry(id).orElseThrow().shelfLocation()).isEqualTo("B-02");
        assertThat(catalog.entry(id).orElseThrow().stockManaged()).isFalse();
    }

    @Test
    void badInputShowsAJapaneseErrorNextToEachFieldAndSavesNothing() throws Exception {
        String html = mvc.perform(form("/products", "bad code", "abc")
                        .param("janCode", "123")
                        .param("variation2", "サイズ: M")
                        .header("Accept-Language", "ja"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);

        assertThat(page.select("[data-testid=error-code]").text()).contains("半角英数字");
        assertThat(page.select("[data-testid=error-salePrice]").text()).isEqualTo("数値 (半角の整数) で入力してください");
        assertThat(page.select("[data-testid=error-janCode]").text()).contains("JANコード");
        assertThat(page.select("[data-testid=error-variation1]").text()).contains("1から順に");
        assertThat(html).doesNotContain("Failed to convert");
        assertThat(jdbc.sql("select count(*) from product where code = 'bad code'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSetsComponentsAreEditedAsLinesAndARefusalIsShown() throws Exception {
        String a = ProductFixture.code("a");
        catalog.create(ProductFixture.sku(a, "A"), "担当者");
        String set = ProductFixture.code("set");
        long setId = catalog.create(ProductFixture.set(set, "セット"), "担当者");

        mvc.perform(post("/products/" + setId + "/components")
                        .param("components", a + " 2\n")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/products/" + setId).select("[data-testid=components]").text())
                .isEqualTo(a + " 2");

        var refused = mvc.perform(post("/products/" + setId + "/components")
                        .param("components", a + " 2\n" + set + " x 1")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(refused.getFlashMap().get("componentErrors").toString()).contains("自身は構成商品にできません");
        assertThat(page("/products/" + setId).select("[data-testid=components]").text())
                .isEqualTo(a + " 2");
    }

    @Test
    void theProductScreensAndTheCsvPageOpenFromTheMenu() throws Exception {
        Document products = page("/products");
        assertThat(products.select("[data-testid=menu-products]").attr("href")).isEqualTo("/products");
        assertThat(products.select("[data-testid=menu-listings]").attr("href")).isEqualTo("/products/listings");
        assertThat(page("/products/new?kind=SET").select("h1").text()).contains("セット商品登録");
        assertThat(page("/products/listings").select("h1").text()).isEqualTo("商品対応表");
        assertThat(page("/products/candidates")
                        .select("[data-testid=menu-candidates]")
                        .attr("href"))
                .isEqualTo("/products/candidates");
        assertThat(page("/products/csv").select("[data-testid=import-form]")).hasSize(1);
    }

    @Test
    void theCsvPageShowsEachRefusedLine() throws Exception {
        var result = mvc.perform(multipart("/products/csv")
                        .file(new MockMultipartFile(
                                "file",
                                "p.csv",
                                "text/csv",
                                "商品コード,商品名\nbad code,名前\n".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "PRODUCTS")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var outcome = (jp.juchu.oms.products.internal.ProductCsv.Result)
                result.getFlashMap().get("result");
        assertThat(outcome.errors()).singleElement().asString().startsWith("2行目: 商品コード:");
    }

    @Test
    void anUnknownKindOrProductIsAClearRefusalNotAServerError() throws Exception {
        mvc.perform(get("/products").param("kind", "FOO").with(user("staff").roles("STAFF")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/products/999999999").with(user("staff").roles("STAFF")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/products/listings/999999999/delete")
                        .param("connectionId", "1")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aDownloadIsShiftJisWithTheHeader() throws Exception {
        byte[] body = mvc.perform(get("/products/csv/SETS").with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(body, jp.juchu.oms.system.JapaneseCsv.WINDOWS_31J))
                .startsWith("セット商品コード,構成商品コード,数量\r\n");
    }
}
