package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@StorefrontTest
class StorefrontSecurityTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(StorefrontTest.SMTP_PORT, null, "smtp"));

    @Autowired
    MockMvc mvc;

    @Autowired
    StorefrontFixtures fixtures;

    @Test
    void publicPagesNeedNoLoginButMyPageDoes() throws Exception {
        String shopId = fixtures.shop();
        Shopper guest = new Shopper(mvc, shopId);
        assertThat(guest.get("/").getResponse().getStatus()).isEqualTo(200);
        assertThat(guest.get("/cart").getResponse().getStatus()).isEqualTo(200);
        assertThat(guest.get("/mypage").getResponse().getRedirectedUrl())
                .isEqualTo("/shops/" + shopId + "/login?next=/shops/" + shopId + "/mypage");
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        String shopId = fixtures.shop();
        assertThat(mvc.perform(post("/shops/" + shopId + "/cart/add").param("itemCode", "x"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPart() throws Exception {
        String shopId = fixtures.shop();
        fixtures.member(shopId, "taro", "taro-pass-1", 0);
        Shopper buyer = new Shopper(mvc, shopId);
        var result = buyer.login("taro", "wrong-pass");
        assertThat(result.getResponse().getContentAsString()).contains("会員IDまたはパスワードが正しくありません");
        assertThat(buyer.get("/mypage").getResponse().getRedirectedUrl()).contains("/login");
    }

    @Test
    void aMemberOfOneShopIsNoMemberOfAnotherNorAMerchant() throws Exception {
        String shopA = fixtures.shop();
        String shopB = fixtures.shop();
        fixtures.member(shopA, "taro", "taro-pass-1", 0);
        Shopper buyer = new Shopper(mvc, shopA);
        buyer.login("taro", "taro-pass-1");
        assertThat(buyer.get("/mypage").getResponse().getStatus()).isEqualTo(200);

        MockHttpSession session = buyer.session();
        assertThat(mvc.perform(get("/shops/" + shopB + "/mypage").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .contains("/shops/" + shopB + "/login");
        assertThat(mvc.perform(get("/admin").session(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .contains("/admin/login");
    }

    @Test
    void registrationNamesBadFieldsAndSignsTheNewMemberIn() throws Exception {
        String shopId = fixtures.shop();
        Shopper buyer = new Shopper(mvc, shopId);
        Map<String, String> form = new java.util.HashMap<>(Map.of(
                "account", "newbie",
                "password", "short",
                "name", "新人 一郎",
                "kana", "シンジン イチロウ",
                "email", "newbie@example.jp",
                "phone", "090-1234-5678",
                "postalCode", "100-0001",
                "prefecture", "東京都",
                "address1", "千代田区千代田1-1"));
        String page = buyer.post("/register", form).getResponse().getContentAsString();
        assertThat(page).contains("パスワードは8文字以上").contains("newbie@example.jp");

        form.put("password", "long-enough-pass");
        assertThat(buyer.post("/register", form).getResponse().getRedirectedUrl())
                .endsWith("/mypage?registered");
        assertThat(buyer.get("/mypage").getResponse().getStatus()).isEqualTo(200);

        Shopper other = new Shopper(mvc, shopId);
        assertThat(other.post("/register", form).getResponse().getContentAsString())
                .contains("この会員IDはすでに使われています");
    }

    @Test
    void loginRedirectStaysInsideTheShop() throws Exception {
        String shopId = fixtures.shop();
        fixtures.member(shopId, "taro", "taro-pass-1", 0);
        var result = mvc.perform(post("/shops/" + shopId + "/login")
                        .with(csrf())
                        .param("account", "taro")
                        .param("password", "taro-pass-1")
                        .param("next", "https://evil.example/"))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/shops/" + shopId + "/");
    }
}
