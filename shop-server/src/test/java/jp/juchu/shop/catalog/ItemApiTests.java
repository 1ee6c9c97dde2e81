package jp.juchu.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKeys;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The item API calls of both hosts over HTTP Basic with the shop's real keys. */
@SpringBootTest
@AutoConfigureMockMvc
class ItemApiTests {

    private static final AtomicInteger SHOPS = new AtomicInteger();
    private static final String M = "/api/management/v2";
    private static final String O = "/api/item/v2";

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Catalog catalog;

    @Autowired
    Categories categories;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductOptions options;

    String shopId;
    IssuedKeys keys;

    @BeforeEach
    void openShop() {
        shopId = "itemapi" + SHOPS.incrementAndGet();
        shops.open(shopId, "商品APIテスト店", "password-1");
        keys = apiKeys.issue(shopId);
        categories.add(shopId, null, "食品");
        categories.add(shopId, "食品", "日本茶");
        categories.add(shopId, null, "雑貨");
        catalog.create(
                shopId,
                new ProductDraft(
                        "tea-1", "静岡煎茶", 1080, 8, false, 5, true, null, List.of(), Map.of("", 40), List.of("食品/日本茶")));
        catalog.create(
                shopId,
                new ProductDraft(
                        "tea-2", "玉露", 2160, 8, false, 5, true, null, List.of(), Map.of("", 3), List.of("食品/日本茶")));
        catalog.create(
                shopId,
                new ProductDraft(
                        "shirt",
                        "Tシャツ",
                        3300,
                        10,
                        false,
                        1,
                        true,
                        null,
                        List.of(new Product.Axis("色", List.of("白", "紺")), new Product.Axis("サイズ", List.of("M", "L"))),
                        Map.of("白/M", 4, "白/L", 0, "紺/M", 2, "紺/L", 0),
                        List.of("雑貨")));
        catalog.create(
                shopId,
                new ProductDraft("secret", "未公開", 500, 10, true, 0, false, null, List.of(), Map.of(), List.of()));
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String key) {
        return request.header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((shopId + ":" + key).getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.APPLICATION_JSON);
    }

    private ResultActions manager(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(as(request, keys.managerKey()).content(body == null ? "" : body));
    }

    private ResultActions open(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as(request, keys.openKey()));
    }

    @Test
    void aSearchWithoutABodyGetsTheDefaultPage() throws Exception {
        manager(post(M + "/items/_search"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total_count").value(4))
                .andExpect(jsonPath("$.from").value(0))
                .andExpect(jsonPath("$.size").value(100));
    }

    @Test
    void anItemsCategoriesAreListedWithTheirPaths() throws Exception {
        manager(get(M + "/items/tea-1/categories"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item_code").value("tea-1"))
                .andExpect(jsonPath("$.categories[0].name").value("日本茶"))
                .andExpect(jsonPath("$.categories[0].full_path").value("食品/日本茶"));
        open(get(O + "/items/shirt/categories"))
                .andExpect(jsonPath("$.categories[0].full_path").value("雑貨"));
        open(get(O + "/items/secret/categories")).andExpect(status().isNotFound());
        manager(get(M + "/items/secret/categories"), null)
                .andExpect(jsonPath("$.categories").isEmpty());
    }

    @Test
    void theOptionsTheMerchantSetAreOnTheOpenApi() throws Exception {
        options.replace(
                shopId,
                "tea-1",
                List.of(
                        new ProductOption("ギフト包装", ProductOption.Kind.Select, List.of("なし", "あり"), null, true),
                        new ProductOption("名入れ", ProductOption.Kind.Text, List.of(), 20, false)));

        open(get(O + "/items/tea-1/options"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item_code").value("tea-1"))
                .andExpect(jsonPath("$.options[0].option_name").value("ギフト包装"))
                .andExpect(jsonPath("$.options[0].option_type").value("Select"))
                .andExpect(jsonPath("$.options[0].choices[1]").value("あり"))
                .andExpect(jsonPath("$.options[0].required").value("Yes"))
                .andExpect(jsonPath("$.options[1].option_type").value("Text"))
                .andExpect(jsonPath("$.options[1].max_length").value(20))
                .andExpect(jsonPath("$.options[1].choices").doesNotExist());
        open(get(O + "/items/tea-2/options")).andExpect(jsonPath("$.options").isEmpty());
        open(get(O + "/items/secret/options")).andExpect(status().isNotFound());
        manager(get(M + "/items/secret/options"), null).andExpect(status().isOk());
    }

    @Test
    void searchFiltersByStockStatusAndSortsByPrice() throws Exception {
        manager(post(M + "/items/_search"), """
                        {"from":0,"size":10,"sort":{"type":"ItemPrice","order":"Asc"},
                         "filters":[{"stock_status":["EnoughInStock","LowStock"]}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total_count").value(3))
                .andExpect(jsonPath("$.contents[0].basic.item_code").value("tea-1"))
                .andExpect(jsonPath("$.contents[1].stock.stock_status").value("LowStock"))
                .andExpect(jsonPath("$.contents[2].stock.variations.length()").value(4));
        manager(post(M + "/items/_search"), "{\"filters\":[{\"is_open\":\"No\"}]}")
                .andExpect(jsonPath("$.total_count").value(1))
                .andExpect(jsonPath("$.contents[0].basic.item_code").value("secret"))
                .andExpect(jsonPath("$.contents[0].stock.unlimited").value("Yes"));
    }

    @Test
    void badSearchInputNamesTheField() throws Exception {
        manager(post(M + "/items/_search"), "{\"size\":101}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        manager(post(M + "/items/_search"), "{\"filters\":[{\"stock_status\":[\"Plenty\"]}]}")
                .andExpect(status().isBadRequest());
        manager(post(M + "/items/_search"), "{\"from\": ").andExpect(status().isBadRequest());
    }

    @Test
    void registerChangeAndDeleteAnItem() throws Exception {
        manager(put(M + "/items"), "{\"item_code\":\"new-1\",\"item_name\":\"新商品\",\"item_price\":980}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.is_open").value("No"));
        manager(put(M + "/items"), "{\"item_code\":\"new-1\",\"item_name\":\"重複\"}")
                .andExpect(status().isConflict());
        manager(put(M + "/items/new-1/basic"), """
                        {"item_name":"新商品 (改)","consumption_tax_setting":"Reduced","is_open":"Yes",
                         "category_paths":["食品/日本茶"]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item_name").value("新商品 (改)"))
                .andExpect(jsonPath("$.consumption_tax_setting").value("Reduced"))
                .andExpect(jsonPath("$.item_price").value(980));
        manager(put(M + "/items/new-1/basic"), "{\"category_paths\":[\"食品/紅茶\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category_paths"));
        manager(delete(M + "/items/new-1"), null).andExpect(status().isNoContent());
        manager(get(M + "/items/new-1/basic"), null).andExpect(status().isNotFound());
    }

    @Test
    void thePlanLimitRefusesRegistrationWith422() throws Exception {
        jdbc.sql("update shop set product_limit = 4 where shop_id = ?")
                .param(shopId)
                .update();
        manager(put(M + "/items"), "{\"item_code\":\"one-more\",\"item_name\":\"上限超え\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("The shop's plan allows no more items (4)."));
    }

    @Test
    void stockAndVariationsAreReadAndChanged() throws Exception {
        manager(put(M + "/items/shirt/stock"), """
                        {"alert_threshold":2,"variations":[{"choice1":"白","choice2":"L","quantity":7}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quantity").value(13))
                .andExpect(jsonPath("$.alert_threshold").value(2));
        manager(put(M + "/items/shirt/stock"), "{\"quantity\":3}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        manager(
                        put(M + "/items/shirt/stock"),
                        "{\"variations\":[{\"choice1\":\"赤\",\"choice2\":\"M\",\"quantity\":1}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("variations[0]"));
        manager(put(M + "/items/tea-1/stock"), "{\"quantity\":0}")
                .andExpect(jsonPath("$.stock_status").value("SoldOut"));

        manager(put(M + "/items/shirt/variation"), """
                        {"title1":"色","choices1":["白","紺","赤"],"title2":"サイズ","choices2":["M","L"]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.choices1.length()").value(3));
        assertThat(catalog.find(shopId, "shirt").orElseThrow().stock())
                .containsEntry("白/L", 7)
                .containsEntry("赤/M", 0);
        manager(put(M + "/items/shirt/variation"), "{\"title2\":\"サイズ\",\"choices2\":[\"M\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title2"));
    }

    @Test
    void theConditionalStockUpdateRefusesAStalePushAndKeepsTheSale() throws Exception {
        manager(put(M + "/items/tea-1/stock"), "{\"expected_quantity\":40,\"quantity\":30}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quantity").value(30));
        // a storefront sale between the client's read and its write
        catalog.take(shopId, List.of(new StockLine("tea-1", "", 2)));
        manager(put(M + "/items/tea-1/stock"), "{\"expected_quantity\":30,\"quantity\":25}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://juchu.jp/problems/stock-changed"))
                .andExpect(jsonPath("$.current_quantity").value(28))
                .andExpect(jsonPath("$.expected_quantity").value(30));
        assertThat(catalog.find(shopId, "tea-1").orElseThrow().stock()).containsEntry("", 28);

        // per variation, all or nothing: one stale variation leaves the other unchanged too
        manager(put(M + "/items/shirt/stock"), """
                        {"variations":[{"choice1":"白","choice2":"M","expected_quantity":4,"quantity":9},
                                       {"choice1":"紺","choice2":"M","expected_quantity":5,"quantity":9}]}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.variation").value("紺/M"))
                .andExpect(jsonPath("$.current_quantity").value(2));
        assertThat(catalog.find(shopId, "shirt").orElseThrow().stock())
                .containsEntry("白/M", 4)
                .containsEntry("紺/M", 2);
        manager(put(M + "/items/shirt/stock"), """
                        {"variations":[{"choice1":"紺","choice2":"M","expected_quantity":2,"quantity":6}]}""").andExpect(status().isOk());
        assertThat(catalog.find(shopId, "shirt").orElseThrow().stock()).containsEntry("紺/M", 6);
    }

    @Test
    void aConditionalStockUpdateWithHalfItsFieldsNamesTheField() throws Exception {
        manager(put(M + "/items/tea-1/stock"), "{\"expected_quantity\":40}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        manager(put(M + "/items/tea-1/stock"), "{\"expected_quantity\":40,\"quantity\":-1}")
                .andExpect(status().isBadRequest());
        manager(put(M + "/items/tea-1/stock"), "{\"expected_quantity\":1000000,\"quantity\":1}")
                .andExpect(status().isBadRequest());
        manager(put(M + "/items/tea-1/stock"), "{\"expected_quantity\":40,\"quantity\":99999999999}")
                .andExpect(status().isBadRequest());
        manager(put(M + "/items/tea-1/stock"), "{\"expected_quantity\":40,\"quantity\":1,\"unlimited\":\"Yes\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expected_quantity"));
        manager(put(M + "/items/shirt/stock"), """
                        {"variations":[{"choice1":"紺","choice2":"M","expected_quantity":2}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("variations[0]"));
        manager(put(M + "/items/shirt/stock"), """
                        {"variations":[{"choice1":"緑","choice2":"M","expected_quantity":2,"quantity":3}]}""").andExpect(status().isBadRequest());
        manager(put(M + "/items/secret/stock"), "{\"expected_quantity\":0,\"quantity\":1}")
                .andExpect(status().isBadRequest());
        assertThat(catalog.find(shopId, "tea-1").orElseThrow().stock()).containsEntry("", 40);
    }

    @Test
    void categoriesAreReadLevelByLevelOnBothHosts() throws Exception {
        manager(post(M + "/service-setup/item-categories/_get"), "{\"top_category_path\":[]}")
                .andExpect(jsonPath("$.child_categories.length()").value(2))
                .andExpect(jsonPath("$.child_categories[0].full_path").value("食品"))
                .andExpect(
                        jsonPath("$.child_categories[0].has_child_categories").value("Yes"));
        mvc.perform(as(post(O + "/service-setup/item-categories/_get"), keys.openKey())
                        .content("{\"top_category_path\":[\"食品\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.child_categories[0].full_path").value("食品/日本茶"))
                .andExpect(
                        jsonPath("$.child_categories[0].has_child_categories").value("No"));
        manager(post(M + "/service-setup/item-categories/_get"), "{\"top_category_path\":[\"飲料\"]}")
                .andExpect(status().isNotFound());
    }

    @Test
    void theOpenApiShowsPublishedItemsWithoutQuantities() throws Exception {
        open(get(O + "/items/tea-2/stock"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stock_condition").value("LowStock"))
                .andExpect(jsonPath("$.quantity").doesNotExist());
        open(get(O + "/items/shirt/stock"))
                .andExpect(jsonPath("$.variations[1].stock_condition").value("SoldOut"));
        open(get(O + "/items/shirt/variation")).andExpect(jsonPath("$.title2").value("サイズ"));
        open(get(O + "/items/tea-1/basic"))
                .andExpect(jsonPath("$.item_price").value(1080))
                .andExpect(jsonPath("$.memo").doesNotExist());
        open(get(O + "/items/secret/basic")).andExpect(status().isNotFound());
    }

    @Test
    void theOpenKeyNeverOpensTheManagementItems() throws Exception {
        open(get(M + "/items/tea-1/basic")).andExpect(status().isUnauthorized());
        mvc.perform(as(post(M + "/items/_search"), keys.openKey()).content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(as(put(M + "/items/tea-1/stock"), "wrong-key").content("{\"quantity\":1}"))
                .andExpect(status().isUnauthorized());
        assertThat(catalog.find(shopId, "tea-1").orElseThrow().stock()).containsEntry("", 40);
    }
}
