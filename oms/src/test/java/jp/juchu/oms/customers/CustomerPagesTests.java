package jp.juchu.oms.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.orders.Orders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CustomerPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Orders orders;

    @Autowired
    Customers customers;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    CustomerFixture fixture;
    String tag;

    @BeforeEach
    void setUp() {
        fixture = new CustomerFixture(orders, customers, jdbc);
        tag = "p" + System.nanoTime();
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void theListFindsACustomerByKeywordWithOrderCountAndTotalInYen() throws Exception {
        long order = fixture.order(7001, tag + "-1", "松本 一葉", tag + "@example.jp", "03-4444-5555", 1234);
        long other = fixture.order(7002, tag + "-2", "松本 一葉", tag + "@example.jp", "03-4444-5555", 1000);
        Customer customer = fixture.customerOf(order);
        fixture.customerOf(other);

        Document list = page("/customers?q=" + tag);

        assertThat(list.select("[data-testid=customer-row]")).hasSize(1);
        assertThat(list.select("[data-testid=order-count]").text()).isEqualTo("2");
        assertThat(list.select("[data-testid=total-spent]").text()).isEqualTo("2,234円");
        Document detail = page("/customers/" + customer.id());
        assertThat(detail.select("[data-testid=history-row] a").eachAttr("href"))
                .contains("/orders/" + order);
        assertThat(page("/customers/of-order/" + order)
                        .select("[data-testid=customer-link]")
                        .attr("href"))
                .isEqualTo("/customers/" + customer.id());
    }

    @Test
    void editingSavesAndIsAudited() throws Exception {
        Customer customer = fixture.customerOf(fixture.order(7001, tag, "井上 二葉", tag + "@example.jp", null, 1000));

        mvc.perform(post("/customers/" + customer.id())
                        .param("name", "井上 二葉")
                        .param("email", tag + "@example.jp")
                        .param("phone", "090-1234-5678")
                        .param("postalCode", "1500001")
                        .param("prefecture", "東京都")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/customers/" + customer.id()));

        assertThat(customers.find(customer.id()).orElseThrow().phone()).isEqualTo("090-1234-5678");
        assertThat(audit.recent("CUSTOMER_EDITED", 0, 20))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo("customer:" + customer.id()));
    }

    @Test
    void aBadEmailAndAnUnknownPrefectureReRenderTheFormNamingTheFields() throws Exception {
        Customer customer = fixture.customerOf(fixture.order(7001, tag, "木下 三葉", tag + "@example.jp", null, 1000));

        Document form = Jsoup.parse(mvc.perform(post("/customers/" + customer.id())
                        .param("name", "木下 三葉")
                        .param("email", "not-an-address")
                        .param("postalCode", "15-0001")
                        .param("prefecture", "東京")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(form.select("[data-testid=error-email]").text()).isEqualTo("メールアドレスの形式が正しくありません");
        assertThat(form.select("[data-testid=error-postalCode]").text()).contains("郵便番号");
        assertThat(form.select("[data-testid=error-prefecture]").text()).contains("都道府県");
        assertThat(form.select("[data-testid=error-name]").text()).isEmpty();
        assertThat(customers.find(customer.id()).orElseThrow().email()).isEqualTo(tag + "@example.jp");
    }

    @Test
    void blacklistingWithoutAReasonNamesTheReasonField() throws Exception {
        Customer customer = fixture.customerOf(fixture.order(7001, tag, "山口 四葉", tag + "@example.jp", null, 1000));

        Document form = Jsoup.parse(mvc.perform(post("/customers/" + customer.id() + "/blacklist")
                        .param("blacklisted", "true")
                        .param("reason", " ")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(form.select("[data-testid=error-reason]").text()).isEqualTo("ブラックリストに登録する理由を入力してください");
        assertThat(customers.find(customer.id()).orElseThrow().blacklisted()).isFalse();
    }

    @Test
    void tagsAreSetOnTheCustomerPageAndHostileOnesRefusedWithTheirReason() throws Exception {
        Customer customer = fixture.customerOf(fixture.order(7001, tag, "森 六葉", tag + "@example.jp", null, 1000));
        String url = "/customers/" + customer.id() + "/tags";

        mvc.perform(post(url)
                        .param("tags", "VIP、 リピーター, VIP")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/customers/" + customer.id()));
        assertThat(customers.tags(customer.id())).containsExactly("VIP", "リピーター");
        assertThat(page("/customers/" + customer.id())
                        .select("[data-testid=customer-tags] .badge")
                        .eachText())
                .containsExactly("VIP", "リピーター");

        for (String hostile : new String[] {"あ".repeat(31), "a b c d e f g h i j k", "x".repeat(2000)}) {
            mvc.perform(post(url)
                            .param("tags", hostile)
                            .with(user("staff").roles("STAFF"))
                            .with(csrf()))
                    .andExpect(redirectedUrl("/customers/" + customer.id()))
                    .andExpect(flash().attribute("tagsError", org.hamcrest.Matchers.containsString("タグ")));
        }
        // a control character never reaches the page: the request gate refuses it with its own message
        mvc.perform(post(url)
                        .param("tags", "ok\u0007bad")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(customers.tags(customer.id())).containsExactly("VIP", "リピーター");
        mvc.perform(post(url)
                        .param("tags", "x")
                        .with(user("viewer").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aViewerCanReadButNotChangeAnything() throws Exception {
        Customer customer = fixture.customerOf(fixture.order(7001, tag, "清水 五葉", tag + "@example.jp", null, 1000));

        mvc.perform(get("/customers/" + customer.id()).with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk());
        mvc.perform(post("/customers/" + customer.id() + "/blacklist")
                        .param("blacklisted", "true")
                        .param("reason", "テスト")
                        .with(user("viewer").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/customers/" + customer.id())
                        .param("name", "別名")
                        .with(user("viewer").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(customers.find(customer.id()).orElseThrow().blacklisted()).isFalse();
    }

    @Test
    void aMergedAwayCustomersPageLeadsToTheSurvivorAndSelfMergeIsRefusedWithAMessage() throws Exception {
        long a = fixture.customerOf(fixture.order(7001, tag + "-a", "森 六葉", tag + "-a@example.jp", null, 1000))
                .id();
        long b = fixture.customerOf(fixture.order(7001, tag + "-b", "森 六葉", tag + "-b@example.jp", null, 1000))
                .id();

        mvc.perform(post("/customers/" + a + "/merge")
                        .param("other", String.valueOf(b))
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/customers/" + a));
        mvc.perform(get("/customers/" + b).with(user("staff").roles("STAFF")))
                .andExpect(redirectedUrl("/customers/" + a));
        mvc.perform(post("/customers/" + a + "/merge")
                        .param("other", String.valueOf(a))
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("mergeError", "同じ顧客どうしは統合できません"));
    }
}
