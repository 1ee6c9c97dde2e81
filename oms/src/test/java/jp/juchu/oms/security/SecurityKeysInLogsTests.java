package jp.juchu.oms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import jp.juchu.oms.malls.KeyCheckingShop;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The shops' API keys entered in the OMS never reach its logs, even with debug logging of the app, Spring
 * MVC and Spring Security, whether the keys are right or refused; and they are stored encrypted.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SecurityKeysInLogsTests {

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

    private static final String OPEN = "open-SECRET-0123456789abcdef";
    private static final String MANAGER = "manager-SECRET-fedcba9876543210";
    private static final String NEW_MANAGER = "manager-RENEWED-ffffeeeeddddcccc";
    private static final String WRONG = "manager-WRONG-0000111122223333";

    @Autowired
    MockMvc mvc;

    @Autowired
    MallConnections connections;

    @Autowired
    JdbcClient jdbc;

    KeyCheckingShop shop;
    String shopId = "logs" + System.nanoTime() % 1_000_000;

    /** A shop that takes the manager key (old or renewed). */
    @BeforeEach
    void startShop() {
        shop = new KeyCheckingShop(shopId, List.of(OPEN), List.of(MANAGER, NEW_MANAGER));
    }

    @AfterEach
    void stopShop() {
        shop.close();
    }

    private MockHttpServletRequestBuilder form(String url, String openKey, String managerKey) {
        RequestPostProcessor admin = user("admin-logs").roles("ADMIN");
        return post(url)
                .with(admin)
                .with(csrf())
                .param("shopId", shopId)
                .param("openKey", openKey)
                .param("managerKey", managerKey)
                .param("daysToFetch", "7")
                .param("autoFetch", "true")
                .param("writeBack", "true")
                .param("fetchIntervalMinutes", "30")
                .param("managementUrl", shop.managementUrl())
                .param("itemUrl", shop.itemUrl());
    }

    @Test
    void mallKeysNeverAppearInTheLogsEvenAtDebugLevel(CapturedOutput output) throws Exception {
        // refused first: the wrong key is checked live against the shop, and nothing is saved
        mvc.perform(form("/settings/mall-details/shopserve/new", OPEN, WRONG));
        assertThat(connections.findByShopId(Mall.SHOP_SERVE, shopId)).isEmpty();

        mvc.perform(form("/settings/mall-details/shopserve/new", OPEN, MANAGER));
        MallConnection saved = connections.findByShopId(Mall.SHOP_SERVE, shopId).orElseThrow();

        // a new manager key for the saved connection, then its pages
        mvc.perform(form("/settings/mall-details/" + saved.id(), "", NEW_MANAGER));
        assertThat(connections.find(saved.id()).orElseThrow().managerKeyHint()).isEqualTo("mana");
        mvc.perform(get("/settings/mall-details/" + saved.id())
                .with(user("admin-logs").roles("ADMIN")));
        mvc.perform(get("/settings/mall-details").with(user("admin-logs").roles("ADMIN")));

        Map<String, Object> row = jdbc.sql("select * from mall_connection where id = ?")
                .param(saved.id())
                .query()
                .singleRow();
        String logs = output.getAll();
        assertThat(logs).as("debug logging was on").contains("DEBUG");
        for (String key : new String[] {OPEN, MANAGER, NEW_MANAGER, WRONG}) {
            assertThat(logs).doesNotContain(key);
            assertThat(row.values().toString()).doesNotContain(key);
        }
    }
}
