package jp.juchu.shop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.api.ApiSettings;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKeys;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The platform API's keys: guessing them is throttled (with the production limits, not the test suite's
 * relaxed ones), and they never reach the logs, even with debug logging of the app, Spring MVC and Spring
 * Security.
 */
@SpringBootTest(
        properties = {
            "shop.api.brute-force.max-failures-per-address=10",
            "shop.api.brute-force.max-failures-per-shop=30",
            "shop.api.brute-force.window=5m"
        })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SecurityKeysTests {

    /** Debug logging for this test only: the levels are global to the JVM, and other test classes share it. */
    static final java.util.List<String> DEBUGGED =
            java.util.List.of("jp.juchu", "org.springframework.web", "org.springframework.security");

    @org.junit.jupiter.api.BeforeEach
    void debugLogging() {
        DEBUGGED.forEach(name -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(name, LogLevel.DEBUG));
    }

    @org.junit.jupiter.api.AfterEach
    void defaultLogging() {
        DEBUGGED.forEach(name -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(name, null));
    }

    static final String ITEM = "/api/item/v2/_test/whoami";
    static final String MANAGEMENT = "/api/management/v2/_test/whoami";

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    ApiKeys apiKeys;

    String shopId;

    @BeforeEach
    void openShop() {
        shopId = "keys" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "鍵テスト店", "pass-" + shopId);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MockHttpServletResponse call(String address, String user, String key) throws Exception {
        return mvc.perform(get(ITEM).with(httpBasic(user, key)).with(from(address)))
                .andReturn()
                .getResponse();
    }

    @Test
    void theDefaultPolicyIsTenFailuresPerClientAndThirtyPerShopInFiveMinutes() {
        ApiSettings defaults =
                new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("shop.api", ApiSettings.class);
        assertThat(defaults.bruteForce().maxFailuresPerAddress()).isEqualTo(10);
        assertThat(defaults.bruteForce().maxFailuresPerShop()).isEqualTo(30);
        assertThat(defaults.bruteForce().window()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void guessingKeysFromOneClientGets429WithRetryAfterWhileTheRightKeyFromElsewhereWorks() throws Exception {
        IssuedKeys keys = apiKeys.issue(shopId);
        List<Integer> statuses = new ArrayList<>();
        MockHttpServletResponse last = null;
        for (int i = 0; i < 25; i++) {
            last = call("10.77.0.1", shopId, "guess-" + i);
            statuses.add(last.getStatus());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 25)).containsOnly(429);
        assertThat(last.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(last.getContentAsString()).contains("https://juchu.jp/problems/too-many-requests");
        assertThat(Long.parseLong(last.getHeader("Retry-After"))).isBetween(1L, 300L);

        // the blocked client cannot try the right key either, but the shop's real client elsewhere can
        assertThat(call("10.77.0.1", shopId, keys.openKey()).getStatus()).isEqualTo(429);
        assertThat(call("10.77.0.2", shopId, keys.openKey()).getStatus()).isEqualTo(200);
    }

    @Test
    void theThrottleNeverTellsWhetherTheShopExists() throws Exception {
        apiKeys.issue(shopId);
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            MockHttpServletResponse a = call("10.78.0.1", shopId, "guess-" + i);
            MockHttpServletResponse b = call("10.78.0.2", "nosuchshop" + shopId, "guess-" + i);
            known.add(a.getStatus() + " " + a.getContentAsString().replace(ITEM, ""));
            unknown.add(b.getStatus() + " " + b.getContentAsString().replace(ITEM, ""));
        }
        assertThat(unknown).isEqualTo(known);
    }

    @Test
    void keysNeverAppearInTheLogsEvenAtDebugLevel(CapturedOutput output) throws Exception {
        RequestPostProcessor merchant = user(shopId).roles("MERCHANT");
        MvcResult applied = mvc.perform(post("/admin/server/api/apply")
                        .param("agree", "true")
                        .with(merchant)
                        .with(csrf()))
                .andReturn();
        String openKey = (String) applied.getFlashMap().get("newOpenKey");
        String managerKey = (String) applied.getFlashMap().get("newManagerKey");
        assertThat(openKey).isNotBlank();
        assertThat(managerKey).isNotBlank();
        // the page that shows the new keys once
        String page = mvc.perform(get("/admin/server/api").with(merchant).flashAttrs(applied.getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(managerKey);

        MvcResult reissued = mvc.perform(post("/admin/server/api/reissue")
                        .param("kind", "MANAGER")
                        .with(merchant)
                        .with(csrf()))
                .andReturn();
        String renewed = (String) reissued.getFlashMap().get("newManagerKey");
        assertThat(renewed).isNotBlank().isNotEqualTo(managerKey);

        assertThat(mvc.perform(get(MANAGEMENT).with(httpBasic(shopId, renewed)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get(ITEM).with(httpBasic(shopId, openKey)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        // failing calls: the reissued key, the open key where it does not open, a typo, another shop
        for (String key : List.of(managerKey, openKey, renewed + "typo")) {
            assertThat(mvc.perform(get(MANAGEMENT).with(httpBasic(shopId, key)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(401);
        }
        assertThat(mvc.perform(get(ITEM).with(httpBasic("nosuchshop", openKey)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
        assertThat(mvc.perform(get("/api/management/v2/_test/boom").with(httpBasic(shopId, renewed)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(500);

        String logs = output.getAll();
        assertThat(logs).as("debug logging was on").contains("DEBUG");
        assertThat(logs).doesNotContain(openKey).doesNotContain(managerKey).doesNotContain(renewed);
    }
}
