package jp.juchu.shop.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKeys;
import jp.juchu.shop.orders.DemoOrders;
import jp.juchu.shop.shops.Shops;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Client search, member points and item reviews over HTTP Basic with the shop's real keys. */
@SpringBootTest
@AutoConfigureMockMvc
class ClientApiTests {

    private static final AtomicInteger SHOPS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Members members;

    @Autowired
    Reviews reviews;

    @Autowired
    DemoOrders demoOrders;

    String shopId;
    IssuedKeys keys;

    @BeforeEach
    void openShop() {
        shopId = "clientapi" + SHOPS.incrementAndGet();
        shops.open(shopId, "顧客APIテスト店", "password-1");
        keys = apiKeys.issue(shopId);
        members.register(shopId, CustomerTests.registration("hanako"));
        members.changePoints(shopId, "hanako", 500, "入会特典", null);
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String key, String body) throws Exception {
        return mvc.perform(request.header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((shopId + ":" + key).getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body == null ? "" : body));
    }

    @Test
    void clientSearchAnswersMembersWithTheirAccountAndGuestsWithout() throws Exception {
        demoOrders.generate(shopId, 200, OffsetDateTime.now().minusDays(3), OffsetDateTime.now(), 5L);
        call(post("/api/management/v2/client/_search"), keys.managerKey(), "{\"mail_address\":\"HANAKO@example.jp\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total_count").value(1))
                .andExpect(jsonPath("$.clients[0].name_kana").value("ヤマダ ハナコ"))
                .andExpect(jsonPath("$.clients[0].member.account").value("hanako"));
        call(post("/api/management/v2/client/_search"), keys.managerKey(), "{\"name_kana\":\"ヤマダ\",\"size\":100}")
                .andExpect(status().isOk())
                // guests (demo orders by ヤマダ タロウ without an account) come along, without member
                .andExpect(jsonPath("$.total_count").value(Matchers.greaterThan(1)))
                .andExpect(jsonPath("$.clients[*].member.account").value(Matchers.contains("hanako")));
    }

    @Test
    void clientSearchNeedsAConditionAndAValidSize() throws Exception {
        call(post("/api/management/v2/client/_search"), keys.managerKey(), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mail_address"));
        call(post("/api/management/v2/client/_search"), keys.managerKey(), "{\"account\":\"hanako\",\"size\":500}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void memberPointsAreReadAndChangedButNeverBelowZero() throws Exception {
        call(get("/api/management/v2/client/members-account/point").param("account", "hanako"), keys.managerKey(), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.point.valid_point").value(500));
        call(
                        put("/api/management/v2/client/members-account/point").param("account", "hanako"),
                        keys.managerKey(),
                        "{\"change\":-200,\"reason\":\"返品\"}")
                .andExpect(jsonPath("$.point.valid_point").value(300));
        call(
                        put("/api/management/v2/client/members-account/point").param("account", "hanako"),
                        keys.managerKey(),
                        "{\"change\":-301}")
                .andExpect(status().isConflict());
        call(get("/api/management/v2/client/members-account/point").param("account", "nobody"), keys.managerKey(), null)
                .andExpect(status().isNotFound());
    }

    @Test
    void pointOperationAddsOrTakesPointsAndWritesTheLedger() throws Exception {
        call(
                        post("/api/management/v2/client/members-account/point/_operate"),
                        keys.managerKey(),
                        "{\"account\":\"hanako\",\"operation_point\":120,\"note\":\"レビュー特典\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.account").value("hanako"))
                .andExpect(jsonPath("$.point.valid_point").value(620));
        call(
                        post("/api/management/v2/client/members-account/point/_operate"),
                        keys.managerKey(),
                        "{\"account\":\"hanako\",\"operation_point\":-20}")
                .andExpect(jsonPath("$.point.valid_point").value(600));
        call(
                        post("/api/management/v2/client/members-account/point/_operate"),
                        keys.managerKey(),
                        "{\"account\":\"hanako\",\"operation_point\":-601,\"note\":\"x\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("operation_point"));
        call(
                        post("/api/management/v2/client/members-account/point/_operate"),
                        keys.managerKey(),
                        "{\"account\":\"nobody\",\"operation_point\":1}")
                .andExpect(status().isNotFound());
        call(
                        post("/api/management/v2/client/members-account/point/_operate"),
                        keys.managerKey(),
                        "{\"account\":\"hanako\",\"operation_point\":\"5\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("operation_point"));

        assertThat(members.ledger(shopId, "hanako", 10))
                .extracting(PointEntry::change, PointEntry::reason)
                .startsWith(tuple(-20L, "API"), tuple(120L, "レビュー特典"));
    }

    @Test
    void reviewsAreOnTheItemApiAndClientsAreNot() throws Exception {
        reviews.post(shopId, "tea-1", 5, "香りが良い", "毎朝飲んでいます", "さくら", OffsetDateTime.now());
        reviews.post(shopId, "tea-1", 4, "また買います", "リピート", "まめ", OffsetDateTime.now());
        call(get("/api/item/v2/items/tea-1/reviews"), keys.openKey(), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total_count").value(2))
                .andExpect(jsonPath("$.average_rating").value(4.5))
                .andExpect(jsonPath("$.reviews[0].nickname").value("まめ"));
        call(post("/api/management/v2/client/_search"), keys.openKey(), "{\"account\":\"hanako\"}")
                .andExpect(status().isUnauthorized());
        call(get("/api/management/v2/client/members-account/point").param("account", "hanako"), keys.openKey(), null)
                .andExpect(status().isUnauthorized());
    }
}
