package jp.juchu.oms.malls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** 自動取得: every 1, 5, 10, 15, 30 or 60 minutes, or on notification with the safety poll; nothing else. */
@SpringBootTest
@AutoConfigureMockMvc
class PollChoicesTests {

    private static final String OPEN = "open-KEY-abcdefghijklmnop";
    private static final String MANAGER = "manager-KEY-qrstuvwxyz012345";

    @Autowired
    MockMvc mvc;

    @Autowired
    MallConnections connections;

    KeyCheckingShop shop;
    String shopId;

    @BeforeEach
    void startShop() {
        shopId = "poll" + System.nanoTime();
        shop = new KeyCheckingShop(shopId, List.of(OPEN), List.of(MANAGER));
    }

    @AfterEach
    void stopShop() {
        shop.close();
    }

    private MockHttpServletRequestBuilder save(String path, String interval) {
        return post(path)
                .param("shopId", shopId)
                .param("openKey", OPEN)
                .param("managerKey", MANAGER)
                .param("daysToFetch", "7")
                .param("autoFetch", "true")
                .param("fetchIntervalMinutes", interval)
                .param("managementUrl", shop.managementUrl())
                .param("itemUrl", shop.itemUrl())
                .with(user("admin").roles("ADMIN"))
                .with(csrf());
    }

    @Test
    void aPollEveryMinuteAndFetchingOnNotificationAreOffered() throws Exception {
        mvc.perform(save("/settings/mall-details/shopserve/new", "1")).andExpect(status().is3xxRedirection());
        MallConnection everyMinute =
                connections.findByShopId(Mall.SHOP_SERVE, shopId).orElseThrow();
        assertThat(everyMinute.fetchIntervalMinutes()).isEqualTo(1);
        assertThat(everyMinute.fetchOnNotification()).isFalse();

        mvc.perform(save("/settings/mall-details/" + everyMinute.id(), "notification"))
                .andExpect(status().is3xxRedirection());
        MallConnection onNotification = connections.find(everyMinute.id()).orElseThrow();
        assertThat(onNotification.fetchOnNotification()).isTrue();
        assertThat(onNotification.fetchIntervalMinutes())
                .as("the safety poll")
                .isEqualTo(ConnectionSettings.SAFETY_POLL_MINUTES);

        mvc.perform(get("/settings/mall-details/" + everyMinute.id())
                        .with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("value=\"notification\" selected")))
                .andExpect(content().string(containsString("通知で取得")));
        mvc.perform(get("/settings/mall-details").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("通知で取得 (30分ごとにも取得)")));
    }

    @Test
    void anIntervalNotOnTheListIsRefusedByName() throws Exception {
        for (String interval : List.of("2", "0", "-1", "1440", "notify", "")) {
            mvc.perform(save("/settings/mall-details/shopserve/new", interval))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("form", "fetchIntervalMinutes"));
        }
        assertThat(connections.findByShopId(Mall.SHOP_SERVE, shopId)).isEmpty();
    }
}
