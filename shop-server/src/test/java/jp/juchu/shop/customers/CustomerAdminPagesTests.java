package jp.juchu.shop.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.shop.shops.Shops;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class CustomerAdminPagesTests {

    private static final AtomicInteger SHOPS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    Members members;

    @Autowired
    Reviews reviews;

    String shopId;

    @BeforeEach
    void openShop() {
        shopId = "custadmin" + SHOPS.incrementAndGet();
        shops.open(shopId, "顧客画面テスト店", "password-1");
        members.register(shopId, CustomerTests.registration("hanako"));
        members.changePoints(shopId, "hanako", 800, "入会特典", null);
    }

    private RequestPostProcessor merchant() {
        return user(shopId).roles("MERCHANT");
    }

    @Test
    void aMemberIsFoundAndTheirPointsAdjustedWithAReason() throws Exception {
        Document list = Jsoup.parse(
                mvc.perform(get("/admin/customers").param("name", "山田").with(merchant()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(list.select("[data-testid=client-row]").text())
                .contains("山田 花子")
                .contains("会員 (hanako)");

        mvc.perform(post("/admin/customers/hanako/points")
                        .with(merchant())
                        .with(csrf())
                        .param("change", "-300")
                        .param("reason", "返品のため"))
                .andExpect(flash().attribute("saved", true));
        mvc.perform(post("/admin/customers/hanako/points")
                        .with(merchant())
                        .with(csrf())
                        .param("change", "-900")
                        .param("reason", "誤り"))
                .andExpect(flash().attribute("error", containsString("ポイントが足りません")));
        mvc.perform(post("/admin/customers/hanako/points")
                        .with(merchant())
                        .with(csrf())
                        .param("change", "100"))
                .andExpect(flash().attribute("error", containsString("理由")));

        Document member = Jsoup.parse(mvc.perform(get("/admin/customers/hanako").with(merchant()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(member.select("[data-testid=points]").text()).isEqualTo("500");
        assertThat(member.select("[data-testid=ledger-row]").eachText())
                .hasSize(2)
                .first()
                .asString()
                .contains("返品のため");
    }

    @Test
    void aReviewCanBeHiddenFromTheShop() throws Exception {
        Review review = reviews.post(shopId, "tea-1", 1, "宣伝です", "http://spam.example", "spam", OffsetDateTime.now());

        mvc.perform(post("/admin/reviews/" + review.id() + "/publish")
                        .with(merchant())
                        .with(csrf())
                        .param("published", "false"))
                .andExpect(flash().attribute("saved", true));

        assertThat(reviews.of(shopId, "tea-1").reviews()).isEmpty();
        mvc.perform(post("/admin/reviews/" + review.id() + "/publish")
                        .with(user("someothershop").roles("MERCHANT"))
                        .with(csrf())
                        .param("published", "true"))
                .andExpect(status().isNotFound());
    }
}
