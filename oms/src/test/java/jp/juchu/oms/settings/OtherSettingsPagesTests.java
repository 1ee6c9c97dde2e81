package jp.juchu.oms.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.juchu.oms.orders.OrderFilter;
import jp.juchu.oms.orders.OrderList;
import jp.juchu.oms.orders.OrderListSettings;
import jp.juchu.oms.orders.OrderListSettingsStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** その他設定: the order list's page size and default sort, saved here and read by the order list; bounded. */
@SpringBootTest
@AutoConfigureMockMvc
class OtherSettingsPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrderListSettingsStore store;

    @AfterEach
    void reset() {
        store.save(new OrderListSettings(50, "date"), "テスト");
    }

    private MvcResult orderList(String query) throws Exception {
        return mvc.perform(get("/orders" + query).with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn();
    }

    @Test
    void theOrderListUsesThePageSizeAndTheSortSavedHere() throws Exception {
        mvc.perform(post("/settings/other")
                        .param("pageSize", "20")
                        .param("defaultSort", "total")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/other"))
                .andExpect(flash().attribute("message", "その他設定を保存しました"));

        MvcResult list = orderList("");
        OrderList shown = (OrderList) list.getModelAndView().getModel().get("orders");
        OrderFilter filter = (OrderFilter) list.getModelAndView().getModel().get("filter");
        assertThat(shown.size()).isEqualTo(20);
        assertThat(filter.sortOrDefault()).isEqualTo("total");
        // a sort chosen in the list still wins
        OrderFilter chosen = (OrderFilter)
                orderList("?sort=buyer").getModelAndView().getModel().get("filter");
        assertThat(chosen.sortOrDefault()).isEqualTo("buyer");

        Document page = Jsoup.parse(
                mvc.perform(get("/settings/other").with(user("admin").roles("ADMIN")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("[data-testid=other-page-size] option[selected]").val())
                .isEqualTo("20");
        assertThat(page.select("[data-testid=other-sort] option[selected]").text())
                .isEqualTo("合計金額の高い順");
    }

    @Test
    void aValueOutsideTheChoicesIsRefusedWithItsFieldAndOnlyAdminsMayChange() throws Exception {
        for (String size : new String[] {"500", "abc", "", "0"}) {
            mvc.perform(post("/settings/other")
                            .param("pageSize", size)
                            .param("defaultSort", "date")
                            .with(user("admin").roles("ADMIN"))
                            .with(csrf()))
                    .andExpect(flash().attribute("error", "受注一覧の表示件数: 20・50・100・200件から選んでください"));
        }
        mvc.perform(post("/settings/other")
                        .param("pageSize", "100")
                        .param("defaultSort", "price; drop table")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "受注一覧の並び順: 一覧から選んでください"));
        mvc.perform(post("/settings/other")
                        .param("pageSize", "100")
                        .param("defaultSort", "date")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(store.current()).isEqualTo(new OrderListSettings(50, "date"));
        mvc.perform(get("/settings/other").with(user("staff").roles("STAFF"))).andExpect(status().isOk());
    }
}
