package jp.juchu.shop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKeys;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.Product;
import jp.juchu.shop.catalog.ProductDraft;
import jp.juchu.shop.customers.Members;
import jp.juchu.shop.customers.Registration;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Each class of bad input the platform API gets: a problem-details 4xx naming the field, no framework text,
 * and nothing changed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityBadInputApiTests {

    static final String M = "/api/management/v2";

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    Catalog catalog;

    @Autowired
    Members members;

    @Autowired
    ApiKeys apiKeys;

    String shopId;
    IssuedKeys keys;

    @BeforeEach
    void shopWithAnItemAndAMember() {
        shopId = "badapi" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "API入力テスト店", "pass-" + shopId);
        keys = apiKeys.issue(shopId);
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
                        null));
    }

    private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(shopId, keys.managerKey())));
    }

    private ResultActions json(MockHttpServletRequestBuilder request, String body) throws Exception {
        return call(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static void refused(ResultActions result, int status, String field, String message) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(message)))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("tools.jackson"))));
    }

    private void assertItemUnchanged() {
        Product p = catalog.find(shopId, "tea-1").orElseThrow();
        assertThat(p.name()).isEqualTo("煎茶");
        assertThat(p.price()).isEqualTo(1080);
        assertThat(p.stock()).containsEntry("", 10);
    }

    @Test
    void aControlCharacterInAnyTextIsRefusedWithTheFieldNamed() throws Exception {
        refused(
                json(put(M + "/items/tea-1/basic"), "{\"item_name\": \"煎\\u0000茶\"}"),
                400,
                "item_name",
                "control characters");
        refused(json(post(M + "/client/_search"), "{\"name\": \"山田\\u0007\"}"), 400, "name", "control characters");
        refused(
                call(get(M + "/client/members-account/point").param("account", "hana\u0000ko")),
                400,
                "account",
                "control characters");
        assertItemUnchanged();
    }

    @Test
    void aValueLongerThanItsColumnIsRefused() throws Exception {
        refused(
                json(put(M + "/items"), "{\"item_code\": \"" + "a".repeat(500) + "\", \"item_name\": \"x\"}"),
                400,
                "item_code",
                "60");
        refused(json(put(M + "/items/tea-1/basic"), "{\"memo\": \"" + "x".repeat(5000) + "\"}"), 400, "memo", "2,000");
        assertThat(catalog.find(shopId, "a".repeat(500))).isEmpty();
        assertItemUnchanged();
    }

    @Test
    void integersAreJsonIntegersAndEnumerationsAreWords() throws Exception {
        refused(json(put(M + "/items/tea-1/basic"), "{\"item_price\": \"2000\"}"), 400, "item_price", "number");
        refused(json(put(M + "/items/tea-1/basic"), "{\"item_price\": 2000.5}"), 400, "item_price", "number");
        refused(
                json(put(M + "/items/tea-1/basic"), "{\"consumption_tax_setting\": 1}"),
                400,
                "consumption_tax_setting",
                "one of");
        refused(json(put(M + "/items/tea-1/stock"), "{\"quantity\": \"5\"}"), 400, "quantity", "number");
        refused(
                json(
                        post(M + "/orders/_retrieve/basic"),
                        "{\"since\": \"2026-11-01T00:00:00+09:00\", \"order_status\": [0]}"),
                400,
                "order_status[0]",
                "one of");
        assertItemUnchanged();
    }

    @Test
    void absurdAmountsAreRefused() throws Exception {
        refused(
                json(put(M + "/items/tea-1/basic"), "{\"item_price\": 1000000000000}"),
                400,
                "item_price",
                "10,000,000");
        refused(
                json(put(M + "/items/tea-1/basic"), "{\"item_price\": 100000000000000000000000}"),
                400,
                "item_price",
                "number");
        refused(json(put(M + "/items/tea-1/stock"), "{\"quantity\": 1000000000000}"), 400, "quantity", "number");
        refused(
                json(
                        post(M + "/client/members-account/point/_operate"),
                        "{\"account\": \"hanako\", \"operation_point\": 1000000000000, \"note\": \"x\"}"),
                400,
                "operation_point",
                "9,999,999");
        assertItemUnchanged();
        assertThat(members.find(shopId, "hanako").orElseThrow().points()).isZero();
    }

    @Test
    void aDateOutOfTheYearsAPersonMeansIsRefused() throws Exception {
        refused(
                json(
                        put(M + "/orders/7000000001/status"),
                        "{\"shipping\": {\"shipping_status\": \"Shipped\", \"carrier\": \"Yamato\","
                                + " \"tracking_number\": \"1\", \"shipped_date\": \"99999-01-01\"}}"),
                400,
                "shipping.shipped_date",
                "2000");
    }

    @Test
    void missingThingsAre404AndWrongPathsAndMethodsAreProblems() throws Exception {
        call(get(M + "/items/no-such/basic"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        call(get(M + "/items/no-such/categories")).andExpect(status().isNotFound());
        call(get(M + "/orders/9999999999/all")).andExpect(status().isNotFound());
        call(get(M + "/client/members-account/point").param("account", "nobody"))
                .andExpect(status().isNotFound());
        call(get(M + "/no/such/path"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        call(request(HttpMethod.PATCH, M + "/items/tea-1/basic"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        call(get(M + "/items/tea;1/basic"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
