package jp.juchu.shop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.math.BigDecimal;
import java.time.YearMonth;
import jp.juchu.shop.shops.Shops;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class DashboardTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Test
    void goalIsVisitorsTimesConversionTimesAverageOrderTimesDaysInTheMonth() {
        YearMonth november = YearMonth.of(2026, 11);
        SalesGoal goal = new SalesGoal(100, new BigDecimal("2.5"), 5000);

        assertThat(goal.amount(november)).isEqualTo(100 * 5000 / 40 * 30);
        assertThat(SalesGoal.achievement(187_500, goal.amount(november))).isEqualByComparingTo("50.0");
    }

    @Test
    void merchantSetsTheGoalAndSeesSalesAndUnprocessedCounts() throws Exception {
        shops.open("dashboard01", "ダッシュボード店", "password-1");
        mvc.perform(post("/admin/goal")
                        .param("visitorsPerDay", "100")
                        .param("conversionRate", "2.5")
                        .param("averageOrder", "5000")
                        .with(user("dashboard01").roles("MERCHANT"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin"));

        Document page =
                Jsoup.parse(mvc.perform(get("/admin").with(user("dashboard01").roles("MERCHANT")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        long expected =
                12_500L * YearMonth.now(java.time.ZoneId.of("Asia/Tokyo")).lengthOfMonth();
        assertThat(page.select("[data-testid=goal]").text()).isEqualTo(String.format("%,d", expected));
        assertThat(page.select("[data-testid=sales]").text()).isEqualTo("0");
        assertThat(page.select("[data-testid=unpaid]").attr("href")).isEqualTo("/admin/orders?payment=Unpaid");
    }
}
