package jp.juchu.shop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.customers.Members;
import jp.juchu.shop.customers.Registration;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A login always starts a new session; every page carries the headers that keep it out of frames and caches. */
@SpringBootTest
@AutoConfigureMockMvc
class SecuritySessionAndHeadersTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    Members members;

    String shopId;

    @BeforeEach
    void openShop() {
        shopId = "hdr" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "ヘッダー店", "pass-" + shopId);
    }

    @Test
    void merchantLoginReplacesTheSessionId() throws Exception {
        MockHttpSession before = new MockHttpSession();
        mvc.perform(get("/admin/login").session(before));
        String idBefore = before.getId();

        MvcResult login = mvc.perform(post("/admin/login")
                        .session(before)
                        .param("shopId", shopId)
                        .param("password", "pass-" + shopId)
                        .with(csrf()))
                .andReturn();

        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/admin");
        assertThat(before.isInvalid())
                .as("the session from before the login is gone")
                .isTrue();
        MockHttpSession after = (MockHttpSession) login.getRequest().getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).isNotEqualTo(idBefore);
        assertThat(mvc.perform(get("/admin").session(after))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void memberLoginReplacesTheSessionId() throws Exception {
        members.register(shopId, registration("taro"));
        MockHttpSession before = new MockHttpSession();
        mvc.perform(get("/shops/" + shopId + "/login").session(before));
        String idBefore = before.getId();

        MvcResult login = mvc.perform(post("/shops/" + shopId + "/login")
                        .session(before)
                        .param("account", "taro")
                        .param("password", "taro-pass-1")
                        .with(csrf()))
                .andReturn();

        MockHttpSession after = (MockHttpSession) login.getRequest().getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).isNotEqualTo(idBefore);
        assertThat(mvc.perform(get("/shops/" + shopId + "/mypage").session(after))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    /** A member whose password is {@code account + "-pass-1"}. */
    static Registration registration(String account) {
        return new Registration(
                account,
                account + "-pass-1",
                "山田 花子",
                "ヤマダ ハナコ",
                account + "@example.jp",
                "03-1234-5678",
                "150-0001",
                "東京都",
                "渋谷区神宮前1-2-3",
                null);
    }

    private static void assertPageHeaders(MockHttpServletResponse page) {
        assertThat(page.getHeader("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void adminPagesCarryTheSecurityHeadersAndAreNeverCached() throws Exception {
        MockHttpServletResponse admin = mvc.perform(
                        get("/admin").with(user(shopId).roles("MERCHANT")))
                .andReturn()
                .getResponse();
        assertThat(admin.getStatus()).isEqualTo(200);
        assertPageHeaders(admin);
        assertThat(admin.getHeader("Cache-Control")).contains("no-store");

        assertPageHeaders(mvc.perform(get("/admin/login")).andReturn().getResponse());
    }

    @Test
    void storefrontPagesCarryTheSecurityHeadersAndAMembersPageIsNeverCached() throws Exception {
        MockHttpServletResponse top =
                mvc.perform(get("/shops/" + shopId + "/")).andReturn().getResponse();
        assertPageHeaders(top);

        members.register(shopId, registration("hanako"));
        MockHttpSession session = new MockHttpSession();
        MvcResult login = mvc.perform(post("/shops/" + shopId + "/login")
                        .session(session)
                        .param("account", "hanako")
                        .param("password", "hanako-pass-1")
                        .with(csrf()))
                .andReturn();
        MockHttpServletResponse mypage = mvc.perform(get("/shops/" + shopId + "/mypage")
                        .session((MockHttpSession) login.getRequest().getSession(false)))
                .andReturn()
                .getResponse();
        assertThat(mypage.getStatus()).isEqualTo(200);
        assertPageHeaders(mypage);
        assertThat(mypage.getHeader("Cache-Control")).contains("no-store");
    }
}
