package jp.juchu.shop.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.shops.Shops;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class AccessLogTests {

    /** host ident user [time] "request" status bytes "referer" "user-agent" */
    static final String COMBINED =
            "^\\S+ - \\S+ \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0900] \"[^\"]*\" \\d{3} (\\d+|-) \"[^\"]*\" \"(\\\\\"|[^\"])*\"$";

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    AccessLog accessLog;

    @Autowired
    Clock clock;

    String shopId;
    RequestPostProcessor merchant;

    @BeforeEach
    void newShop() {
        shopId = "log" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "ログテスト店", "pass-" + shopId);
        merchant = user(shopId).roles("MERCHANT");
    }

    @Test
    void storefrontRequestsAreWrittenInTheCombinedFormatAndDownloaded() throws Exception {
        mvc.perform(get("/shops/" + shopId + "/")
                        .header("User-Agent", "Tea \"Browser\"\n injected")
                        .header("Referer", "https://example.jp/"))
                .andExpect(status().isOk());
        mvc.perform(get("/shops/" + shopId + "/items/NOPE")).andExpect(status().isNotFound());

        String day = LocalDate.now(clock).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        var download = mvc.perform(get("/admin/server/access-log/" + day).with(merchant))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.US_ASCII);
        String[] lines = download.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(line -> assertThat(line).matches(COMBINED));
        assertThat(lines[0])
                .contains(
                        "\"GET /shops/" + shopId + "/ HTTP/1.1\" 200 ",
                        "\"https://example.jp/\"",
                        "Tea \\\"Browser\\\"\\x0a injected");
        assertThat(lines[1]).contains("/items/NOPE HTTP/1.1\" 404 ");
        assertThat(Jsoup.parse(mvc.perform(get("/admin/server/access-log").with(merchant))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(StandardCharsets.UTF_8))
                        .select("[data-testid=accesslog-download]")
                        .attr("href"))
                .endsWith("/admin/server/access-log/" + day);
    }

    @Test
    void aShopThatTurnsLoggingOffWritesNothing() throws Exception {
        mvc.perform(post("/admin/server/access-log")
                        .with(merchant)
                        .with(csrf())
                        .param("enabled", "false")
                        .param("retentionDays", "7"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/shops/" + shopId + "/")).andExpect(status().isOk());
        assertThat(accessLog.days(shopId)).isEmpty();
        assertThat(accessLog.policy(shopId)).contains(new AccessLogPolicy(false, 7));
    }

    @Test
    void aBadRetentionGetsAJapaneseErrorAndChangesNothing() throws Exception {
        for (String days : new String[] {"0", "366", "abc", "", "99999999999"}) {
            String html = mvc.perform(post("/admin/server/access-log")
                            .with(merchant)
                            .with(csrf())
                            .param("enabled", "true")
                            .param("retentionDays", days))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(Jsoup.parse(html)
                            .select("[data-testid=accesslog-retention-error]")
                            .text())
                    .contains("1~365");
        }
        assertThat(accessLog.policy(shopId)).contains(new AccessLogPolicy(true, 30));
    }

    @Test
    void logsPastTheirRetentionAreDeletedAndASecondRunDeletesNothingMore() throws Exception {
        accessLog.choose(shopId, new AccessLogPolicy(true, 3));
        LocalDate today = LocalDate.now(clock);
        for (int ago = 0; ago < 6; ago++) {
            Path file = accessLog.fileFor(shopId, today.minusDays(ago));
            Files.createDirectories(file.getParent());
            Files.writeString(file, "line\n");
        }
        assertThat(accessLog.deleteExpired(shopId)).isEqualTo(3);
        assertThat(accessLog.deleteExpired(shopId)).isZero();
        assertThat(accessLog.days(shopId))
                .extracting(AccessLog.DailyLog::date)
                .containsExactly(today, today.minusDays(1), today.minusDays(2));
    }

    @Test
    void aDayThatIsNotADateOrHasNoLogIsNotFound() throws Exception {
        for (String day : new String[] {"..%2f..%2fetc", "2026-12-05", "20261399", "19990101"}) {
            int code = mvc.perform(get("/admin/server/access-log/" + day).with(merchant))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(code).as(day).isBetween(400, 404);
        }
    }
}
