package jp.juchu.shop.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKeys;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The management API registers, lists and removes endpoints with the manager key only. */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    ApiKeys apiKeys;

    String shopId;
    IssuedKeys keys;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void openShop() {
        shopId = "ntfapi" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        shops.open(shopId, "通知APIテスト店", "password-1");
        keys = apiKeys.issue(shopId);
    }

    private String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((shopId + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static final String PATH = "/api/management/v2/notifications/endpoints";

    @Test
    void theManagerKeyRegistersAnEndpointAndGetsItsSecretOnce() throws Exception {
        String answer = mvc.perform(post(PATH)
                        .header("Authorization", basic(keys.managerKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"http://localhost:8080/api/notifications/7\","
                                + "\"events\":[\"order.placed\",\"order.changed\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.endpoint.status").value("active"))
                .andExpect(jsonPath("$.endpoint.events.length()").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode registered = json.readTree(answer);
        String secret = registered.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        long id = registered.get("endpoint").get("id").asLong();

        String listed = mvc.perform(get(PATH).header("Authorization", basic(keys.managerKey())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoints[0].url").value("http://localhost:8080/api/notifications/7"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listed).doesNotContain(secret).doesNotContain("secret");

        // registering the same URL again keeps one endpoint and replaces the secret
        String again = mvc.perform(
                        post(PATH)
                                .header("Authorization", basic(keys.managerKey()))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"url\":\"http://localhost:8080/api/notifications/7\",\"events\":[\"order.placed\"]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json.readTree(again).get("endpoint").get("id").asLong()).isEqualTo(id);
        assertThat(json.readTree(again).get("secret").asString()).isNotEqualTo(secret);

        mvc.perform(delete(PATH + "/" + id).header("Authorization", basic(keys.managerKey())))
                .andExpect(status().isNoContent());
        mvc.perform(delete(PATH + "/" + id).header("Authorization", basic(keys.managerKey())))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOpenKeyCannotRegister() throws Exception {
        mvc.perform(post(PATH)
                        .header("Authorization", basic(keys.openKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"http://localhost:8080/hook\",\"events\":[\"order.placed\"]}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void badRegistrationsAreRefusedNamingTheField() throws Exception {
        mvc.perform(post(PATH)
                        .header("Authorization", basic(keys.managerKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"http://oms.example.jp/hook\",\"events\":[\"order.placed\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("https://")));
        mvc.perform(post(PATH)
                        .header("Authorization", basic(keys.managerKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"http://localhost:8080/hook\",\"events\":[\"order.deleted\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("events"));
        mvc.perform(post(PATH)
                        .header("Authorization", basic(keys.managerKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"http://localhost:8080/hook\",\"events\":[]}"))
                .andExpect(status().isBadRequest());
        for (int i = 0; i < 5; i++) {
            mvc.perform(post(PATH)
                            .header("Authorization", basic(keys.managerKey()))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"url\":\"http://localhost:8080/hook" + i + "\",\"events\":[\"order.placed\"]}"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post(PATH)
                        .header("Authorization", basic(keys.managerKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"http://localhost:8080/hook9\",\"events\":[\"order.placed\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("5")));
    }

    @Test
    void hostileRegistrationsAreRefusedWithoutAServerError() throws Exception {
        String longUrl = "http://localhost:8080/" + "a".repeat(600);
        String[][] cases = {
            {"{\"url\":\"http://localhost:8080/hook\",\"events\":[null]}", "400", "events"},
            {"{\"url\":\"http://localhost:8080/ho\\u0000ok\",\"events\":[\"order.placed\"]}", "400", "url"},
            {"{\"url\":\"" + longUrl + "\",\"events\":[\"order.placed\"]}", "400", "url"},
            {"{\"url\":\"http://localhost:99999/hook\",\"events\":[\"order.placed\"]}", "422", "url"},
            {"{\"url\":\"http://localhost:0/hook\",\"events\":[\"order.placed\"]}", "422", "url"},
            {"{\"url\":\"http://localhost:8080/hook\",\"events\":[\"" + "x".repeat(10_000) + "\"]}", "400", "events"},
        };
        for (String[] c : cases) {
            mvc.perform(post(PATH)
                            .header("Authorization", basic(keys.managerKey()))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(c[0]))
                    .andExpect(status().is(Integer.parseInt(c[1])))
                    .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith(c[2])));
        }
        mvc.perform(post(PATH)
                        .header("Authorization", basic(keys.managerKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":{\"a\":1},\"events\":7}"))
                .andExpect(status().isBadRequest());
        mvc.perform(delete(PATH + "/99999999999999999999").header("Authorization", basic(keys.managerKey())))
                .andExpect(status().is4xxClientError());
        mvc.perform(post(PATH + "/-1/resume").header("Authorization", basic(keys.managerKey())))
                .andExpect(status().isNotFound());
    }
}
