package jp.juchu.shop.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.shops.Shops;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class ApiKeysAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    JdbcClient jdbc;

    String shopId;
    RequestPostProcessor merchant;

    @BeforeEach
    void newShop() {
        shopId = "adm" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "管理テスト店", "pass-" + shopId);
        merchant = user(shopId).roles("MERCHANT");
    }

    Document page(String path) throws Exception {
        String html = mvc.perform(get(path).with(merchant))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(html);
    }

    /** Follows the redirect after a POST, carrying the flash attributes as the browser's session would. */
    Document afterRedirect(MvcResult posted) throws Exception {
        MockHttpServletResponse response = posted.getResponse();
        String html = mvc.perform(
                        get(response.getRedirectedUrl()).with(merchant).flashAttrs(posted.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void serverMenuListsTheSubMenuOfTheSeed() throws Exception {
        Document menu = page("/admin/server");
        assertThat(menu.select("main").text())
                .contains("FTPアカウント", "メールアドレス追加", "ユーザー認証", "URL一覧", "アクセスログ設定", "ショップサーバAPI");
        assertThat(menu.select("[data-testid=server-menu-shop-api]").attr("href"))
                .isEqualTo("/admin/server/api");
        // every entry of the Server menu is built: none leads to the 準備中 page
        assertThat(menu.select("main a[href^=/admin/not-yet]")).isEmpty();
        assertThat(menu.select("[data-testid=server-menu-ftp]").attr("href")).isEqualTo("/admin/server/ftp");
    }

    @Test
    void firstVisitShowsTheTermsOfUse() throws Exception {
        Document terms = page("/admin/server/api");
        assertThat(terms.select("[data-testid=api-terms]").text())
                .contains("第1条(著作権)", "第2条(利用許諾)", "第3条(利用の制限)", "第4条(ショップサーバAPIキーの取り扱い)");
        assertThat(terms.select("[data-testid=apply-form]").text()).contains("利用規約に同意する。", "申し込む");
        assertThat(terms.select("[data-testid=open-key]")).isEmpty();
    }

    @Test
    void applyingWithoutAgreeingIsRefused() throws Exception {
        String html = mvc.perform(post("/admin/server/api/apply").with(merchant).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(html).select("[data-testid=must-agree]").text()).contains("利用規約への同意が必要です");
        assertThat(apiKeys.status(shopId)).isEmpty();
    }

    @Test
    void applyingWithoutCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/admin/server/api/apply").param("agree", "true").with(merchant))
                .andExpect(status().isForbidden());
        assertThat(apiKeys.status(shopId)).isEmpty();
    }

    @Test
    void agreeingIssuesBothKeysShownInFullOnlyOnce() throws Exception {
        MvcResult applied = mvc.perform(post("/admin/server/api/apply")
                        .param("agree", "true")
                        .with(merchant)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/server/api"))
                .andExpect(flash().attribute("issued", true))
                .andReturn();

        Document issued = afterRedirect(applied);
        assertThat(issued.select("[data-testid=issued]").text()).isEqualTo("認証キーを発行しました。");
        String openKey = issued.select("[data-testid=open-key]").text();
        String managerKey = issued.select("[data-testid=manager-key]").text();
        assertThat(openKey).hasSize(43).isNotEqualTo(managerKey);
        assertThat(managerKey).hasSize(43);
        assertThat(issued.select("button.copy-key")).hasSize(2);
        assertThat(issued.select("[data-testid=open-issued-at]").text())
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(issued.select("[data-testid=manager-last-used]").text()).isEqualTo("未使用");
        assertThat(issued.text()).contains("オープン認証キー(お店構築用認証キー)", "マネジャー認証キー(お店管理用認証キー・旧認証キー)");
        assertThat(apiKeys.authenticate(shopId, managerKey))
                .map(AuthenticatedKey::kind)
                .contains(KeyKind.MANAGER);

        Document later = page("/admin/server/api");
        assertThat(later.html()).doesNotContain(openKey).doesNotContain(managerKey);
        assertThat(later.select("[data-testid=open-key-masked]").text())
                .startsWith(openKey.substring(0, 4))
                .contains("••••");
        assertThat(later.select("[data-testid=open-key]")).isEmpty();
    }

    @Test
    void reissueAsksFirstThenReplacesTheKeyAndRecordsWhoDidIt() throws Exception {
        IssuedKeys keys = apiKeys.issue(shopId, shopId);

        Document confirm = page("/admin/server/api/reissue?kind=MANAGER");
        assertThat(confirm.text()).contains("マネジャー認証キーを再発行しますか？");
        assertThat(apiKeys.authenticate(shopId, keys.managerKey())).isPresent();

        MvcResult reissued = mvc.perform(post("/admin/server/api/reissue")
                        .param("kind", "MANAGER")
                        .with(merchant)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/server/api"))
                .andReturn();
        Document page = afterRedirect(reissued);
        String newKey = page.select("[data-testid=manager-key]").text();
        assertThat(newKey).hasSize(43).isNotEqualTo(keys.managerKey());
        assertThat(page.select("[data-testid=open-key]")).isEmpty();
        assertThat(page.select("[data-testid=open-key-masked]").text())
                .startsWith(keys.openKey().substring(0, 4));

        assertThat(apiKeys.authenticate(shopId, keys.managerKey())).isEmpty();
        assertThat(apiKeys.authenticate(shopId, newKey)).isPresent();
        assertThat(jdbc.sql(
                                "select action || ':' || kind || ':' || acted_by from api_key_event where shop_id = ? order by id")
                        .param(shopId)
                        .query(String.class)
                        .list())
                .containsExactly("ISSUED:OPEN:" + shopId, "ISSUED:MANAGER:" + shopId, "REISSUED:MANAGER:" + shopId);
    }

    @Test
    void pageIsInEnglishOnRequest() throws Exception {
        Document terms = page("/admin/server/api?lang=en");
        assertThat(terms.text()).contains("I agree to the terms of use.", "Article 1 (Copyright)");
    }
}
