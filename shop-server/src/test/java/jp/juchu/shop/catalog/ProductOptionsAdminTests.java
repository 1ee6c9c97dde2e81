package jp.juchu.shop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
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

/** 商品オプション in the shop admin: set, shown again, refused when invalid without changing what was saved. */
@SpringBootTest
@AutoConfigureMockMvc
class ProductOptionsAdminTests {

    private static final AtomicInteger SHOPS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    Catalog catalog;

    @Autowired
    ProductOptions options;

    String shopId;

    @BeforeEach
    void openShop() {
        shopId = "options" + SHOPS.incrementAndGet();
        shops.open(shopId, "オプションテスト店", "password-1");
        catalog.create(
                shopId,
                new ProductDraft("cup-1", "湯呑み", 2200, 10, false, 5, true, null, List.of(), Map.of("", 5), List.of()));
    }

    private RequestPostProcessor merchant() {
        return user(shopId).roles("MERCHANT");
    }

    @Test
    void theMerchantSetsGiftWrappingAndEngravingOnAProduct() throws Exception {
        mvc.perform(post("/admin/products/cup-1/options")
                        .with(merchant())
                        .with(csrf())
                        .param("name", "ギフト包装", "名入れ刻印", "")
                        .param("kind", "Select", "Text", "Select")
                        .param("choices", "なし、あり", "", "")
                        .param("maxLength", "", "20", "")
                        .param("required", "0"))
                .andExpect(redirectedUrl("/admin/products/cup-1/options"));

        assertThat(options.of(shopId, "cup-1"))
                .containsExactly(
                        new ProductOption("ギフト包装", ProductOption.Kind.Select, List.of("なし", "あり"), null, true),
                        new ProductOption("名入れ刻印", ProductOption.Kind.Text, List.of(), 20, false));
        Document page =
                Jsoup.parse(mvc.perform(get("/admin/products/cup-1/options").with(merchant()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("[data-testid=option-name-1]").val()).isEqualTo("名入れ刻印");
        assertThat(page.select("[data-testid=option-choices-0]").val()).isEqualTo("なし, あり");
    }

    @Test
    void anInvalidOptionIsRefusedWithItsReasonAndNothingChanges() throws Exception {
        options.replace(
                shopId,
                "cup-1",
                List.of(new ProductOption("ギフト包装", ProductOption.Kind.Select, List.of("なし", "あり"), null, false)));

        Document page = Jsoup.parse(mvc.perform(post("/admin/products/cup-1/options")
                        .with(merchant())
                        .with(csrf())
                        .param("name", "名入れ刻印")
                        .param("kind", "Text")
                        .param("choices", "")
                        .param("maxLength", "100000"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(page.select("[data-testid=options-error]").text()).contains("1〜100");
        assertThat(options.of(shopId, "cup-1")).extracting(ProductOption::name).containsExactly("ギフト包装");
    }

    @Test
    void anUnknownProductHasNoOptionsPage() throws Exception {
        mvc.perform(get("/admin/products/no-such/options").with(merchant())).andExpect(status().isNotFound());
    }
}
