package jp.juchu.shop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.Product;
import jp.juchu.shop.catalog.ProductDraft;
import jp.juchu.shop.customers.Members;
import jp.juchu.shop.customers.Registration;
import jp.juchu.shop.shops.Shops;
import jp.juchu.shop.system.ErrorReasons;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Each class of bad input the shop admin gets: a 4xx or a field error in Japanese, and nothing changed. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityBadInputAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    Catalog catalog;

    @Autowired
    Members members;

    String shopId;

    @BeforeEach
    void openShop() {
        shopId = "badin" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "入力テスト店", "pass-" + shopId);
        catalog.create(
                shopId,
                new ProductDraft("tea-1", "煎茶", 1080, 8, false, 5, true, null, List.of(), Map.of("", 10), List.of()));
        members.register(
                shopId,
                new Registration(
                        "hanako",
                        "secret-pass",
                        "山田 花子",
                        "ヤマダ ハナコ",
                        "hanako@example.jp",
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区1-2-3",
                        ""));
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(shopId).roles("MERCHANT")).with(csrf()))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletRequestBuilder saveProduct(Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>(
                Map.of("name", "煎茶", "price", "1080", "taxRate", "8", "alertThreshold", "5", "published", "true"));
        fields.putAll(changes);
        MockHttpServletRequestBuilder request = post("/admin/products/tea-1");
        fields.forEach((name, value) -> request.param(name, value));
        return request;
    }

    private void assertProductUnchanged() {
        Product p = catalog.find(shopId, "tea-1").orElseThrow();
        assertThat(p.name()).isEqualTo("煎茶");
        assertThat(p.price()).isEqualTo(1080);
        assertThat(p.memo()).isNull();
    }

    @Test
    void aControlCharacterInAProductFieldIsAFieldError() throws Exception {
        MockHttpServletResponse response = send(saveProduct(Map.of("name", "煎\u0000茶")));

        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("[data-testid=name-error]").text()).isEqualTo("使用できない文字（制御文字）が含まれています。");
        assertProductUnchanged();
    }

    @Test
    void aValueLongerThanItsColumnIsAFieldError() throws Exception {
        Document name =
                Jsoup.parse(send(saveProduct(Map.of("name", "茶".repeat(201)))).getContentAsString());
        Document memo =
                Jsoup.parse(send(saveProduct(Map.of("memo", "x".repeat(5000)))).getContentAsString());

        assertThat(name.select("[data-testid=name-error]").text()).contains("200文字以内");
        assertThat(memo.select("[data-testid=memo-error]").text()).contains("2,000文字以内");
        assertProductUnchanged();
    }

    @Test
    void anAbsurdPriceOrTextForANumberIsAFieldErrorInJapanese() throws Exception {
        Document huge =
                Jsoup.parse(send(saveProduct(Map.of("price", "1000000000000"))).getContentAsString());
        Document text = Jsoup.parse(send(saveProduct(Map.of("price", "abc"))).getContentAsString());

        assertThat(huge.select("[data-testid=price-error]").text()).contains("10,000,000円");
        assertThat(text.select("[data-testid=price-error]").text()).isEqualTo("半角数字（整数）で入力してください。");
        assertThat(text.text()).doesNotContain("Failed to convert", "java.lang");
        assertProductUnchanged();
    }

    @Test
    void aFormListIndexBeyondThePageIsA400() throws Exception {
        for (String field : new String[] {"axisTitles[100000]", "axisTitles[-1]", "categoryPaths[999]"}) {
            MockHttpServletResponse response = send(saveProduct(Map.of(field, "x")));

            assertThat(response.getStatus()).as(field).isEqualTo(400);
            assertThat(response.getContentAsString().length()).isLessThan(20_000);
        }
        assertProductUnchanged();
    }

    @Test
    void absurdPointsAreRefusedAndTheBalanceStays() throws Exception {
        for (String change : new String[] {"1000000000000", "10000000", "abc"}) {
            send(post("/admin/customers/hanako/points").param("change", change).param("reason", "調整"));
        }
        MockHttpServletResponse withNul = send(
                post("/admin/customers/hanako/points").param("change", "10").param("reason", "調\u0000整"));

        assertThat(withNul.getStatus()).isEqualTo(400);
        assertThat(members.find(shopId, "hanako").orElseThrow().points()).isZero();
        assertThat(members.ledger(shopId, "hanako", 10)).isEmpty();
    }

    @Test
    void controlCharactersAndAbsurdPagesInSearchesNeverFail() throws Exception {
        String[][] searches = {
            {"/admin/orders", "q"}, {"/admin/products", "q"}, {"/admin/customers", "name"}, {"/admin/reviews", "item"}
        };
        for (String[] search : searches) {
            MvcResult result = mvc.perform(get(search[0])
                            .param(search[1], "茶\u0000")
                            .with(user(shopId).roles("MERCHANT")))
                    .andReturn();
            MockHttpServletResponse response = result.getResponse();

            assertThat(response.getStatus()).as(search[0]).isEqualTo(400);
            assertThat(result.getRequest().getAttribute(ErrorReasons.ATTRIBUTE)).isEqualTo("error.reason.control");
        }
        for (String url : new String[] {
            "/admin/orders?page=2147483647",
            "/admin/orders?page=-5",
            "/admin/products?page=99999999999",
            "/admin/customers?page=-1",
            "/admin/orders?status=1"
        }) {
            assertThat(send(get(url)).getStatus()).as(url).isIn(200, 400);
        }
    }

    @Test
    void aMissingThingIsA404() throws Exception {
        assertThat(send(get("/admin/products/no-such")).getStatus()).isEqualTo(404);
        assertThat(send(get("/admin/orders/9999999999")).getStatus()).isEqualTo(404);
        assertThat(send(get("/admin/customers/nobody")).getStatus()).isEqualTo(404);
    }
}
