package jp.juchu.shop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKeys;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.ProductDraft;
import jp.juchu.shop.customers.Members;
import jp.juchu.shop.orders.DemoOrders;
import jp.juchu.shop.shops.Shops;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile text set by a merchant (or an API client) is shown as text, never run as markup; search input is
 * data, never SQL: injection payloads find nothing, never fail, and leave the tables in place.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityHostileInputTests {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"'><img src=x onerror=alert(1)>";
    static final String RTL = "\u202Egpj.exe";

    /** Payloads for every search box: none of them is a genuine match for anything. */
    static final List<String> PAYLOADS = List.of(
            "' or '1'='1", "%' ; drop table shop_order; --", "'; drop table product; --", "\\", "_", "%", "%%", "\\%");

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    Catalog catalog;

    @Autowired
    DemoOrders demoOrders;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Members members;

    @Autowired
    JdbcClient jdbc;

    String shopId;

    @BeforeEach
    void openShop() {
        shopId = "hostile" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "悪意テスト店", "pass-" + shopId);
        product("tea-1", "煎茶");
        product("tea-2", "玉露");
    }

    private void product(String itemCode, String name) {
        catalog.create(
                shopId,
                new ProductDraft(itemCode, name, 1080, 8, false, 5, true, null, List.of(), Map.of("", 10), List.of()));
    }

    private MockHttpServletResponse admin(String url) throws Exception {
        return mvc.perform(get(url).with(user(shopId).roles("MERCHANT")))
                .andReturn()
                .getResponse();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(request.toString()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** No markup from the data: no raw tags, no script or image element that carries it. */
    static void assertShownAsText(String html, String... values) {
        assertThat(html)
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .doesNotContain("<img src=\"x\"");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("img[onerror], img[src=x]")).isEmpty();
        assertThat(doc.select("script")).noneMatch(s -> s.data().contains("alert(1)"));
        assertThat(doc.getAllElements())
                .noneMatch(e -> e.attributes().asList().stream()
                        .anyMatch(
                                a -> a.getKey().startsWith("on") && a.getValue().contains("alert")));
        for (String value : values) {
            assertThat(doc.text() + attributeValues(doc)).contains(value);
        }
    }

    private static String attributeValues(Document doc) {
        StringBuilder values = new StringBuilder();
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> values.append(' ').append(a.getValue()));
        }
        return values.toString();
    }

    @Test
    void aHostileProductNameIsShownAsTextInTheAdminAndTheStorefront() throws Exception {
        String name = SCRIPT + IMG + RTL;
        product("evil-1", name);
        String itemPath = "/shops/" + shopId + "/items/evil-1";

        assertShownAsText(page(get("/admin/products").with(user(shopId).roles("MERCHANT"))), name);
        assertShownAsText(page(get("/admin/products/evil-1").with(user(shopId).roles("MERCHANT"))), name);
        assertShownAsText(page(get(itemPath)), name);
        assertShownAsText(page(get("/shops/" + shopId + "/")), name);
        assertShownAsText(page(get("/shops/" + shopId + "/search").param("q", "alert")), name);
        // the search box echoes the hostile query back as a value, not as markup
        assertShownAsText(page(get("/shops/" + shopId + "/search").param("q", SCRIPT + IMG)), SCRIPT + IMG);
        assertShownAsText(
                page(get("/admin/products").param("q", IMG).with(user(shopId).roles("MERCHANT"))), IMG);

        assertThat(catalog.find(shopId, "evil-1").orElseThrow().name()).isEqualTo(name);
    }

    private int rows(String path, String param, String value, String testId) throws Exception {
        MockHttpServletRequestBuilder request = get(path).with(user(shopId).roles("MERCHANT"));
        if (param != null) {
            request.param(param, value);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + "?" + param + "=" + value).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString())
                .select("[data-testid=" + testId + "]")
                .size();
    }

    @Test
    void adminSearchesTakeInjectionPayloadsAsPlainText() throws Exception {
        demoOrders.generate(shopId, 5, OffsetDateTime.now().minusDays(2), OffsetDateTime.now(), 7L);
        members.register(shopId, SecuritySessionAndHeadersTests.registration("hanako"));

        assertThat(rows("/admin/products", "q", "煎茶", "product-row")).isEqualTo(1);
        assertThat(rows("/admin/orders", null, null, "order-row")).isEqualTo(5);
        assertThat(rows("/admin/customers", "kana", "ヤマダ", "client-row")).isPositive();
        for (String payload : PAYLOADS) {
            assertThat(rows("/admin/products", "q", payload, "product-row"))
                    .as(payload)
                    .isZero();
            assertThat(rows("/admin/orders", "q", payload, "order-row"))
                    .as(payload)
                    .isZero();
            for (String field : List.of("name", "kana", "email", "account", "phone")) {
                assertThat(rows("/admin/customers", field, payload, "client-row"))
                        .as(field + "=" + payload)
                        .isZero();
            }
        }
        assertTablesStillThere();
    }

    @Test
    void storefrontSearchTakesInjectionPayloadsAsPlainText() throws Exception {
        assertThat(page(get("/shops/" + shopId + "/search").param("q", "煎茶"))).contains("煎茶");
        for (String payload : PAYLOADS) {
            String html = page(get("/shops/" + shopId + "/search").param("q", payload));
            assertThat(Jsoup.parse(html).select("a[href$=/items/tea-1]"))
                    .as(payload)
                    .isEmpty();
        }
        assertTablesStillThere();
    }

    @Test
    void apiSearchBodiesTakeInjectionPayloadsAsPlainText() throws Exception {
        demoOrders.generate(shopId, 5, OffsetDateTime.now().minusDays(2), OffsetDateTime.now(), 11L);
        members.register(shopId, SecuritySessionAndHeadersTests.registration("hanako"));
        IssuedKeys keys = apiKeys.issue(shopId);
        JsonMapper json = JsonMapper.builder().build();

        assertThat(clientSearch(keys, json, "name_kana", "ヤマダ")
                        .path("total_count")
                        .asInt())
                .isPositive();
        for (String payload : PAYLOADS) {
            for (String field : List.of("name_kana", "mail_address", "account")) {
                JsonNode found = clientSearch(keys, json, field, payload);
                assertThat(found.path("total_count").asInt())
                        .as(field + "=" + payload)
                        .isZero();
            }
        }
        assertTablesStillThere();
    }

    private JsonNode clientSearch(IssuedKeys keys, JsonMapper json, String field, String value) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/management/v2/client/_search")
                        .with(httpBasic(shopId, keys.managerKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of(field, value, "size", 100))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(field + "=" + value).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    private void assertTablesStillThere() {
        for (String table : List.of("shop_order", "product", "member", "api_key")) {
            assertThat(jdbc.sql("select to_regclass(?) is not null")
                            .param(table)
                            .query(Boolean.class)
                            .single())
                    .as(table)
                    .isTrue();
        }
        assertThat(catalog.find(shopId, "tea-1")).isPresent();
    }
}
