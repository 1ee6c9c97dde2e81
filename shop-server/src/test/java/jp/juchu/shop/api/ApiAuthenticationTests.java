package jp.juchu.shop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKey;
import jp.juchu.shop.apikeys.IssuedKeys;
import jp.juchu.shop.apikeys.KeyKind;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ApiAuthenticationTests {

    static final String MANAGEMENT = "/api/management/v2/_test/whoami";
    static final String ITEM = "/api/item/v2/_test/whoami";

    @Autowired
    ObservationRegistry observations;

    @Test
    void springSecuritysObservationsOfEachFilterAreOffAndTheRequestsOwnStayOn() {
        assertThat(Observation.createNotStarted("spring.security.filterchains", observations)
                        .isNoop())
                .isTrue();
        assertThat(Observation.createNotStarted("http.server.requests", observations)
                        .isNoop())
                .isFalse();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    ApiKeys apiKeys;

    /** A new shop with both keys; IDs are unique because all tests share one database. */
    static String newShop(Shops shops) {
        String shopId = "api" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "APIテスト店", "pass-" + shopId);
        return shopId;
    }

    ResultActions call(String path, String user, String key) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, key)));
    }

    void expectUnauthorized(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"shopserve\""))
                .andExpect(jsonPath("$.type").value("https://juchu.jp/problems/unauthorized"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail")
                        .value("Authenticate with HTTP Basic: the shop ID as user and a valid key for this API as"
                                + " password."));
    }

    @Test
    void managerKeyOpensTheManagementApiAsTheShop() throws Exception {
        String shopId = newShop(shops);
        IssuedKeys keys = apiKeys.issue(shopId);
        call(MANAGEMENT, shopId, keys.managerKey())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shop_id").value(shopId))
                .andExpect(jsonPath("$.authorities[0]").value("ROLE_API_MANAGER"));
    }

    @Test
    void openKeyOpensTheItemApiButNotTheManagementApi() throws Exception {
        String shopId = newShop(shops);
        IssuedKeys keys = apiKeys.issue(shopId);
        call(ITEM, shopId, keys.openKey())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shop_id").value(shopId))
                .andExpect(jsonPath("$.authorities[0]").value("ROLE_API_OPEN"));
        expectUnauthorized(call(MANAGEMENT, shopId, keys.openKey()));
    }

    @Test
    void managerKeyIsAcceptedOnTheItemApi() throws Exception {
        String shopId = newShop(shops);
        IssuedKeys keys = apiKeys.issue(shopId);
        call(ITEM, shopId, keys.managerKey())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authorities[0]").value("ROLE_API_MANAGER"));
    }

    @Test
    void wrongKeyUnknownShopAndOtherShopsKeyGetTheSameAnswer() throws Exception {
        String shopId = newShop(shops);
        IssuedKeys keys = apiKeys.issue(shopId);
        String otherShop = newShop(shops);
        IssuedKeys otherKeys = apiKeys.issue(otherShop);

        String wrongKey = call(MANAGEMENT, shopId, keys.managerKey() + "x")
                .andReturn()
                .getResponse()
                .getContentAsString();
        String unknownShop = call(MANAGEMENT, "nosuchshop99", keys.managerKey())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String othersKey = call(MANAGEMENT, shopId, otherKeys.managerKey())
                .andReturn()
                .getResponse()
                .getContentAsString();

        expectUnauthorized(call(MANAGEMENT, shopId, keys.managerKey() + "x"));
        expectUnauthorized(call(MANAGEMENT, "nosuchshop99", keys.managerKey()));
        expectUnauthorized(call(MANAGEMENT, shopId, otherKeys.managerKey()));
        expectUnauthorized(call(ITEM, otherShop, keys.openKey()));
        assertThat(unknownShop).isEqualTo(wrongKey);
        assertThat(othersKey).isEqualTo(wrongKey);
    }

    @Test
    void requestWithoutCredentialsIsRefused() throws Exception {
        expectUnauthorized(mvc.perform(get(MANAGEMENT)));
        expectUnauthorized(mvc.perform(get(ITEM)));
        expectUnauthorized(mvc.perform(get(ITEM).header("Authorization", "Basic not-base64!")));
        expectUnauthorized(mvc.perform(get(ITEM).header("Authorization", "Bearer abc")));
    }

    @Test
    void reissuedKeyIsRefusedAtOnce() throws Exception {
        String shopId = newShop(shops);
        IssuedKeys keys = apiKeys.issue(shopId);
        call(MANAGEMENT, shopId, keys.managerKey()).andExpect(status().isOk());

        IssuedKey renewed = apiKeys.reissue(shopId, KeyKind.MANAGER);

        expectUnauthorized(call(MANAGEMENT, shopId, keys.managerKey()));
        call(MANAGEMENT, shopId, renewed.key()).andExpect(status().isOk());
        call(ITEM, shopId, keys.openKey()).andExpect(status().isOk());
    }

    @Test
    void lastUseIsRecordedPerKeyAtMostOnceAMinute() throws Exception {
        String shopId = newShop(shops);
        IssuedKeys keys = apiKeys.issue(shopId);
        assertThat(apiKeys.status(shopId).orElseThrow().managerKey().lastUsedAt())
                .isNull();

        call(MANAGEMENT, shopId, keys.managerKey()).andExpect(status().isOk());
        var firstUse = apiKeys.status(shopId).orElseThrow().managerKey().lastUsedAt();
        call(MANAGEMENT, shopId, keys.managerKey()).andExpect(status().isOk());

        var status = apiKeys.status(shopId).orElseThrow();
        assertThat(firstUse).isNotNull();
        assertThat(status.managerKey().lastUsedAt())
                .as("written at most once a minute, not per request")
                .isEqualTo(firstUse);
        assertThat(status.openKey().lastUsedAt()).isNull();
    }

    @Test
    void keysNeverAppearInTheLogs(CapturedOutput output) throws Exception {
        String shopId = newShop(shops);
        IssuedKeys keys = apiKeys.issue(shopId);
        call(MANAGEMENT, shopId, keys.managerKey()).andExpect(status().isOk());
        call(MANAGEMENT, shopId, keys.openKey()).andExpect(status().isUnauthorized());
        call(MANAGEMENT, shopId, keys.managerKey() + "typo").andExpect(status().isUnauthorized());
        call("/api/management/v2/_test/boom", shopId, keys.managerKey()).andExpect(status().isInternalServerError());
        IssuedKey renewed = apiKeys.reissue(shopId, KeyKind.OPEN);

        assertThat(output.getAll())
                .contains("API call GET /api/management/v2/_test/boom failed")
                .doesNotContain(keys.managerKey())
                .doesNotContain(keys.openKey())
                .doesNotContain(renewed.key());
    }

    @Test
    void unexpectedErrorIsAProblemWithoutInternals() throws Exception {
        String shopId = newShop(shops);
        IssuedKeys keys = apiKeys.issue(shopId);
        call("/api/management/v2/_test/boom", shopId, keys.managerKey())
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://juchu.jp/problems/internal-server-error"))
                .andExpect(content().string(not(containsString("must not leak"))))
                .andExpect(content().string(not(containsString("at jp.juchu"))));
    }
}
