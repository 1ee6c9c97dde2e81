package jp.juchu.oms.settings;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** 各種設定 in the browser's terms: the seed's list, the wizard, and forms that name the wrong field. */
@SpringBootTest
@AutoConfigureMockMvc
class SettingsPagesTests {

    @Autowired
    MockMvc mvc;

    @Test
    void settingsListShowsTheSeedsEightPages() throws Exception {
        mvc.perform(get("/settings").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("契約者情報")))
                .andExpect(content().string(containsString("配達業者設定")))
                .andExpect(content().string(containsString("モール詳細設定")))
                .andExpect(content().string(containsString("オプション設定")))
                .andExpect(content().string(containsString("初期設定ウィザード")));
    }

    @Test
    void contractorInfoNamesTheWrongFieldAndKeepsTheOthers() throws Exception {
        mvc.perform(post("/settings/contractor")
                        .param("companyName", "株式会社ジュチュウ")
                        .param("representative", "受注 太郎")
                        .param("postalCode", "1500")
                        .param("prefecture", "東京都")
                        .param("address", "渋谷区神宮前1-2-3")
                        .param("phone", "03-1234-5678")
                        .param("email", "info@example.jp")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "postalCode"))
                .andExpect(content().string(containsString("株式会社ジュチュウ")));
    }

    @Test
    void wizardLeadsFromContractorInfoToMallSelection() throws Exception {
        mvc.perform(post("/settings/contractor")
                        .param("wizard", "")
                        .param("companyName", "株式会社ジュチュウ")
                        .param("representative", "受注 太郎")
                        .param("postalCode", "150-0001")
                        .param("prefecture", "東京都")
                        .param("address", "渋谷区神宮前1-2-3")
                        .param("phone", "03-1234-5678")
                        .param("email", "info@example.jp")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/malls?wizard"));
    }

    @Test
    void newShopserveConnectionNeedsBothKeysAndSavesNothingWithoutThem() throws Exception {
        mvc.perform(post("/settings/mall-details/shopserve/new")
                        .param("shopId", "sptest18pj")
                        .param("daysToFetch", "7")
                        .param("autoFetch", "true")
                        .param("fetchIntervalMinutes", "30")
                        .param("managementUrl", "https://management.api.shopserve.jp")
                        .param("itemUrl", "https://item.api.shopserve.jp")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "openKey", "managerKey"));
        mvc.perform(get("/settings/mall-details").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("sptest18pj"))));
    }

    @Test
    void viewersCannotChangeSettings() throws Exception {
        mvc.perform(post("/settings/contractor")
                        .with(user("viewer").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
