package jp.juchu.oms.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.sales.SalesFixture.Line;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** ホーム's sales figures and the day's work; the manual's chapters, search and help links. */
@SpringBootTest
@AutoConfigureMockMvc
class HomeAndManualTests {

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Autowired
    SalesFacts facts;

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user("sato").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void homeShowsTodaysSalesAgainstLastYearAndLinksTheDaysWork() throws Exception {
        SalesFixture shop = SalesFixture.create(orders, jdbc);
        LocalDate today = LocalDate.now(clock);
        long before = facts.totals(today, today).sales();
        shop.order("H-1", today, 0, "New", "CreditCard", "東京都", 0, List.of(new Line("tea-1", "煎茶", 1080, 1, 8)));
        shop.awaitFactsEqualOrders();

        Document home = page("/");
        assertThat(home.select("[data-testid=home-sales-today]").text())
                .isEqualTo(String.format("%,d円", before + 1080));
        assertThat(home.select("[data-testid=home-kpi-month] a").attr("href"))
                .isEqualTo("/orders?from=" + today.withDayOfMonth(1) + "&to=" + today);
        assertThat(home.select("[data-testid=home-chart]").attr("data-chart")).contains("売上(税込)");
    }

    @Test
    void theManualHasEveryMenuAndItsSearchFindsASection() throws Exception {
        Document toc = page("/manual");
        assertThat(toc.select("[data-testid=manual-toc] li")).hasSize(10);
        assertThat(toc.select("[data-testid=manual-toc]").text())
                .contains("【1】〜【11】", "ホーム", "受注管理", "出荷", "商品管理", "在庫管理", "売上データ", "各種設定", "データリセット", "準備中");

        Document hits = page("/manual?q=伝票番号");
        assertThat(hits.select("[data-testid=manual-hits] li a").eachAttr("href"))
                .contains("/manual/shipping#tracking");
        // half-width kana and full-width letters find the same
        assertThat(page("/manual?q=ﾏﾈｼﾞｬｰ認証キー").select("[data-testid=manual-hits] li"))
                .isNotEmpty();
        assertThat(page("/manual?q=" + "x".repeat(5000))
                        .select("[data-testid=manual-hits]")
                        .text())
                .contains("0件");

        Document start = page("/manual/start");
        assertThat(start.select("h2").eachText()).anySatisfy(h -> assertThat(h).contains("【5】〜【11】"));
        assertThat(start.select("img").eachAttr("src"))
                .contains("/manual/screens/walkthrough/09-api-access-settings.png");
        mvc.perform(get("/manual/nothing").with(user("sato").roles("STAFF"))).andExpect(status().isNotFound());
    }

    @Test
    void eachPagesHelpLinkOpensTheManualWhereThePageIsExplained() throws Exception {
        Document list = page("/orders");
        assertThat(list.select("[data-testid=help-link]").attr("href")).isEqualTo("/manual/help?page=/orders");
        mvc.perform(get("/manual/help?page=/orders").with(user("sato").roles("STAFF")))
                .andExpect(redirectedUrl("/manual/orders#list"));
        mvc.perform(get("/manual/help?page=/orders/12").with(user("sato").roles("STAFF")))
                .andExpect(redirectedUrl("/manual/orders#detail"));
        mvc.perform(get("/manual/help?page=/sales/monthly").with(user("sato").roles("STAFF")))
                .andExpect(redirectedUrl("/manual/sales"));
        mvc.perform(get("/manual/help?page=/").with(user("sato").roles("STAFF")))
                .andExpect(redirectedUrl("/manual/home"));
        mvc.perform(get("/manual/help?page=http://evil.example/")
                        .with(user("sato").roles("STAFF")))
                .andExpect(redirectedUrl("/manual"));
    }

    @Test
    void everyMenuEntryHasAChapterWithScreenshotsThatItsHelpLinkOpens() throws Exception {
        Set<String> links = new LinkedHashSet<>();
        for (String menuPage : List.of("/", "/orders", "/products", "/stock", "/sales/daily")) {
            links.addAll(page(menuPage)
                    .select("nav.tabs.global a[href], nav.sub-menu:not(.manual-nav) a[href]")
                    .eachAttr("href"));
        }
        assertThat(links).contains("/", "/sales", "/orders", "/products", "/stock", "/mails", "/stock/history");
        String later = page("/manual/later").text();
        for (String link : links) {
            if (link.startsWith("/not-yet")) {
                String feature =
                        URLDecoder.decode(link.substring(link.indexOf("feature=") + 8), StandardCharsets.UTF_8);
                assertThat(later).as("準備中 menu " + feature).contains(feature);
                continue;
            }
            if (link.startsWith("/manual") || link.contains("lang=")) {
                continue;
            }
            String path = link.contains("?") ? link.substring(0, link.indexOf('?')) : link;
            String target = mvc.perform(get("/manual/help")
                            .param("page", path)
                            .with(user("sato").roles("STAFF")))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            assertThat(target).as("help for " + link).startsWith("/manual/").isNotEqualTo("/manual");
            String chapter = target.substring("/manual/".length()).split("#")[0];
            Document doc = page("/manual/" + chapter);
            if (target.contains("#")) {
                assertThat(doc.select("h2[id=" + target.substring(target.indexOf('#') + 1) + "]"))
                        .as("section of " + target)
                        .isNotEmpty();
            }
            assertThat(doc.select("img[src^=/manual/screens/]"))
                    .as("screenshots in the chapter for " + link)
                    .isNotEmpty();
        }
        // every screenshot a chapter shows was taken by a browser test (docs/**/*.png, served from the jar)
        for (String chapter :
                page("/manual").select("[data-testid=manual-toc] a").eachAttr("href")) {
            for (String src : page(chapter).select("img").eachAttr("src")) {
                assertThat(Path.of("..", "docs", src.substring("/manual/screens/".length())))
                        .as(chapter + ": " + src)
                        .exists();
            }
            // and each chapter is found by its first section's title
            String title = page(chapter).select("h2[id]").first().text();
            String word = title.replaceAll("[\\[\\]0-9【】〜 ]", "").substring(0, 2);
            assertThat(page("/manual?q=" + word)
                            .select("[data-testid=manual-hits] li a")
                            .eachAttr("href"))
                    .as("search " + word)
                    .anySatisfy(h -> assertThat(h).startsWith(chapter));
        }
    }
}
