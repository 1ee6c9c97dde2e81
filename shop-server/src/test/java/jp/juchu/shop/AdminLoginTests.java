package jp.juchu.shop;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class AdminLoginTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Test
    void anonymousAdminRequestIsSentToLogin() throws Exception {
        mvc.perform(get("/admin")).andExpect(status().is3xxRedirection());
    }

    @Test
    void merchantSignsInWithShopIdAndPassword() throws Exception {
        shops.open("logintest01", "ログインテスト店", "s3cret-pass");
        mvc.perform(post("/admin/login")
                        .param("shopId", "logintest01")
                        .param("password", "s3cret-pass")
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin"));
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        shops.open("logintest02", "ログインテスト店2", "s3cret-pass");
        mvc.perform(post("/admin/login")
                        .param("shopId", "logintest02")
                        .param("password", "wrong")
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/login?error"));
    }

    @Test
    void loginPageIsJapaneseByDefault() throws Exception {
        mvc.perform(get("/admin/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("管理画面ログイン")));
    }
}
